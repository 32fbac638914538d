// Runs the built attn-repl binary with arguments and standard input, capturing what it prints.
import Foundation

struct RunResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum BinaryRunner {
    /// The attn-repl executable beside this test bundle (both are products of one build), or
    /// ATTN_REPL_BINARY's (to show what a test finds in another build).
    static let executable: URL = {
        if let other = ProcessInfo.processInfo.environment["ATTN_REPL_BINARY"] { return URL(fileURLWithPath: other) }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("attn-repl")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/attn-repl")
    }()

    static let isolatedHome: URL = FileManager.default.temporaryDirectory.appendingPathComponent("attn-repl-tests-\(getpid())")

    /// `executable`: another program to run instead (a shell or `timeout` wrapping attn-repl).
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                    executable other: String? = nil) throws -> RunResult {
        let process = Process()
        process.executableURL = other.map { URL(fileURLWithPath: $0) } ?? executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "interactive=no"
        // Never the user's own progress, history or lessons: each test process has its own.
        env["XDG_STATE_HOME"] = isolatedHome.appendingPathComponent("state").path
        env["XDG_DATA_HOME"] = isolatedHome.appendingPathComponent("data").path
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a full pipe never blocks the child.
        let errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return RunResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// Holds data written by one reader thread and read after it finished (the group orders them).
private final class DataBox: @unchecked Sendable {
    var data = Data()
}

extension BinaryRunner {
    /// Starts the binary, sends SIGINT after `delay` seconds, and returns how it ended.
    static func runInterrupted(_ arguments: [String], after delay: Double) throws -> (reason: Process.TerminationReason, result: RunResult) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        process.interrupt()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationReason, RunResult(status: process.terminationStatus,
                                                     stdout: String(decoding: outData, as: UTF8.self),
                                                     stderr: String(decoding: errData, as: UTF8.self)))
    }
}

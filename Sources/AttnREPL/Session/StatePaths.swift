// Where per-user state lives: $XDG_STATE_HOME/attn-repl (default ~/.local/state/attn-repl).
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

enum StatePaths {
    static var root: URL {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/state")
        return base.appendingPathComponent("attn-repl")
    }

    static var progress: URL { root.appendingPathComponent("progress.json") }
    static var history: URL { root.appendingPathComponent("history") }
    static var sessions: URL { root.appendingPathComponent("sessions") }
}

enum AtomicFile {
    /// Writes via a temporary file and a rename, so a crash never leaves half a file.
    static func write(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        try data.write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }
}

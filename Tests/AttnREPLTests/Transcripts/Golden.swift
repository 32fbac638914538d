// Fixture transcripts and their expected exports. Set ATTN_RECORD_GOLDEN=1 to rewrite the
// expected files in the source tree from what the program now writes (then review the diff).
import Foundation

enum Golden {
    static let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/transcripts")

    static func url(_ file: String) -> URL {
        let name = (file as NSString).deletingPathExtension, ext = (file as NSString).pathExtension
        return Bundle.module.url(forResource: "Fixtures/transcripts/\(name)", withExtension: ext)!
    }

    static func text(_ file: String) throws -> String { try String(contentsOf: url(file), encoding: .utf8) }

    static var recording: Bool { ProcessInfo.processInfo.environment["ATTN_RECORD_GOLDEN"] == "1" }

    /// The expected text, or (when recording) `actual` written as the new expectation.
    static func expected(_ file: String, actual: String) throws -> String {
        if recording {
            try actual.write(to: sourceDirectory.appendingPathComponent(file), atomically: true, encoding: .utf8)
            return actual
        }
        return try text(file)
    }

    /// A fresh directory for one test's files, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attn-transcripts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

// The journal of an interactive session: JSON Lines in $XDG_STATE_HOME/attn-repl/sessions/,
// one record per completed event. Each record is one write(2) followed by fsync, so killing
// the process at any moment loses no record that was completed.
import Engine
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

final class Journal {
    let url: URL
    private var descriptor: Int32

    /// Creates a new journal `NAME.jsonl`; it must not exist yet.
    init(directory: URL, name: String) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            let posix = (error as? CocoaError)?.underlying as? POSIXError
            throw JournalError(path: directory.path, errno: posix?.code.rawValue ?? EACCES)
        }
        url = directory.appendingPathComponent("\(name).jsonl")
        descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw JournalError(path: url.path, errno: errno) }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Appends one line; throws when it could not be written completely.
    func append(_ line: String) throws {
        let bytes = Array((line + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw JournalError(path: url.path, errno: written < 0 ? errno : ENOSPC) }
        // A full disk may only show at the sync (delayed allocation): that is a lost record too.
        guard fsync(descriptor) == 0 else { throw JournalError(path: url.path, errno: errno) }
    }

    /// A session's name: its start time and the process, `2026-11-26T08-15-03-4242`.
    static func name(_ date: Date) -> String { "\(stamp(date))-\(getpid())" }

    /// `2026-11-26T08-15-03` in UTC: sorts by time, and is a valid file name everywhere.
    static func stamp(_ date: Date) -> String {
        String(Transcript.isoDate(date).dropLast().map { $0 == ":" ? "-" : $0 })     // without the Z
    }
}

struct JournalError: Error, CustomStringConvertible {
    let path: String
    let errno: Int32
    var message: Message { "\(path): \(SystemError.message(errno))" }
    var description: String { message.english }
}

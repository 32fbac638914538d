// Everything a session did, in order: kept in memory (for :export and replay) and, in an
// interactive session, also appended to the journal as it happens. A journal that cannot
// be written gives one warning; the session goes on without it.
import Foundation

final class Transcript {
    private(set) var events: [TranscriptEvent] = []
    private(set) var journal: Journal?
    /// The session's name: its journal's file name without `.jsonl`, or the start time.
    let name: String
    private var warning: String?

    /// `journal`: write a journal file in `directory` (interactive sessions only).
    init(journal: Bool, directory: URL = StatePaths.sessions, date: Date = Date()) {
        var name = "session-" + Journal.stamp(date)
        if journal {
            do {
                let j = try Journal(directory: directory, date: date)
                self.journal = j
                name = j.url.deletingPathExtension().lastPathComponent
            } catch {
                warning = "warning: this session is not journaled (\(error))"
            }
        }
        self.name = name
    }

    func append(_ event: TranscriptEvent) {
        events.append(event)
        guard let journal else { return }
        do {
            try journal.append(event.json.serialized())
        } catch {
            self.journal = nil
            warning = "warning: the session journal stopped (\(error)); the session goes on unrecorded"
        }
    }

    /// A warning not yet shown to the learner, at most once each.
    func takeWarning() -> String? {
        defer { warning = nil }
        return warning
    }

    var statementCount: Int { events.filter(\.isEvaluated).count }

    static func isoDate(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}

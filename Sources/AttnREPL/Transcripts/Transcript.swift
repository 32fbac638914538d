// Everything a session did, in order: kept in memory (for :export and replay) and, in an
// interactive session, also appended to the journal as it happens. A journal that cannot
// be written gives one warning; the session goes on without it.
import Engine
import FoundationEssentials

final class Transcript {
    private(set) var events: [TranscriptEvent] = []
    private(set) var journal: Journal?
    /// Where the journal goes, until it is created with the first record after the start
    /// (a session in which nothing happens leaves no file).
    private var journalDirectory: URL?
    /// The session's name: its journal's file name without `.jsonl`.
    let name: String
    private var warning: Message?
    /// The journal stopped (a full disk): later statements are named as not journaled.
    private var stopped = false

    /// `journal`: keep a journal file in `directory` (interactive sessions only).
    init(journal: Bool, directory: URL = StatePaths.sessions, date: Date = Date()) {
        name = Journal.name(date)
        journalDirectory = journal ? directory : nil
    }

    func append(_ event: TranscriptEvent) {
        events.append(event)
        if journal == nil, let directory = journalDirectory, event.type != .start {
            journalDirectory = nil
            do {
                journal = try Journal(directory: directory, name: name)
                for earlier in events.dropLast() { try journal?.append(earlier.json.serialized()) }
            } catch {
                journal = nil
                warning = "warning: this session is not journaled (\(ErrorMessage.of(error))); it goes on unrecorded"
                return
            }
        }
        guard let journal else {
            if stopped, event.isEvaluated, let input = event.input {
                warning = "warning: not journaled: \(input) (the journal stopped; :export saves the whole session)"
            }
            return
        }
        do {
            try journal.append(event.json.serialized())
        } catch {
            self.journal = nil
            stopped = true
            let what: Message = event.input.map { "\"\($0)\" and every statement after it are" } ?? "nothing after this point is"
            warning = "warning: the session journal stopped (\(ErrorMessage.of(error))): \(what) not journaled; the session goes on, and :export saves it whole"
        }
    }

    /// A warning not yet shown to the learner, at most once each.
    func takeWarning() -> Message? {
        defer { warning = nil }
        return warning
    }

    var statementCount: Int { events.filter(\.isEvaluated).count }

    /// `2026-11-26T08:15:03Z`: UTC, whole seconds.
    static func isoDate(_ date: Date) -> String { date.formatted(.iso8601) }
}

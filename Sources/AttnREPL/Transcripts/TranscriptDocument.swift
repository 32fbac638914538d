// A whole transcript: read from a journal (.jsonl) or a JSON export, and written as the
// JSON export (the replay format):
//
//   {"format": "attn-repl-transcript", "version": 1, "name": "2026-11-26T08-15-03-4242",
//    "attnRepl": "0.1.0", "date": "2026-11-26T08:15:03Z", "settings": {...},
//    "events": [{"type": "statement", ...}, ...]}
//
// `settings` are those the session started with; `events` are the journal's records after
// the start record, in order.
import FoundationEssentials
import Engine

struct TranscriptDocument {
    static let format = "attn-repl-transcript"
    static var maximumBytes: Int { MemoryBudget.limit / 4 }
    static let version = 1

    var name: String
    /// The start record first, then everything else in order.
    var events: [TranscriptEvent]
    /// What was wrong with the file but did not stop it being read (a torn last line).
    var warnings: [Message] = []

    var start: TranscriptEvent { events.first { $0.type == .start } ?? TranscriptEvent(.start) }
    var settings: TranscriptSettings {
        start.settings ?? TranscriptSettings(digits: 6, float: false, trace: false, language: "en")
    }

    init(name: String, events: [TranscriptEvent]) {
        self.name = name
        self.events = events
    }

    // MARK: Reading

    static func read(_ url: URL) throws -> TranscriptDocument {
        let data: Data
        // A regular file only (a FIFO would block replay forever), and no larger than a
        // quarter of the memory budget: reading it takes a few times its size.
        do { data = try FileSystem.readRegularFile(url.path, limit: maximumBytes) } catch {
            throw TranscriptError("cannot read \(url.path): \(FileReadError.message(error))")
        }
        let text = String(decoding: data, as: UTF8.self)
        let name = url.deletingPathExtension().lastPathComponent
        if text.drop(while: \.isWhitespace).hasPrefix("{\"type\"") || url.pathExtension == "jsonl" {
            return try journal(text, name: name, path: url.path)
        }
        return try export(data, path: url.path)
    }

    /// JSON Lines, one record per line; the start record comes first. A last line that is
    /// not whole JSON was torn by a crash or a full disk (SPEC §7): every line before it
    /// is used and the torn one reported in `warnings`. A bad line elsewhere is an error.
    static func journal(_ text: String, name: String, path: String) throws -> TranscriptDocument {
        var events: [TranscriptEvent] = []
        var warnings: [Message] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let last = lines.lastIndex { !$0.allSatisfy(\.isWhitespace) }
        for (k, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
            do {
                events.append(try JSONDecoder().decode(TranscriptEvent.self, from: Data(line.utf8)))
            } catch {
                // Torn: the last line, cut off inside its JSON. A whole record of the wrong
                // form (a missing field, a wrong type) is an error wherever it is.
                var cutOff = false
                if case DecodingError.dataCorrupted = error { cutOff = true }
                guard k == last, k > 0, cutOff else {
                    throw TranscriptError("\(path):\(k + 1): not a transcript record (\(reason(error)))")
                }
                warnings.append("\(path):\(k + 1): the last line is not a whole record (the journal was cut short); it is skipped")
            }
        }
        guard events.first?.type == .start else { throw TranscriptError("\(path):1: a journal starts with a start record") }
        var document = TranscriptDocument(name: name, events: events)
        document.warnings = warnings
        return document
    }

    private struct Export: Decodable {
        var format: String
        var version: Int
        var name: String?
        var attnRepl: String?
        var date: String?
        var settings: TranscriptSettings
        var events: [TranscriptEvent]
    }

    static func export(_ data: Data, path: String) throws -> TranscriptDocument {
        let e: Export
        do { e = try JSONDecoder().decode(Export.self, from: data) } catch {
            throw TranscriptError("\(path): not an attn-repl transcript (\(reason(error)))")
        }
        guard e.format == format else { throw TranscriptError("\(path): format is \(e.format), expected \(format)") }
        guard e.version <= version else {
            throw TranscriptError("\(path): transcript version \(e.version) is newer than this attn-repl reads (\(version))")
        }
        var start = TranscriptEvent(.start)
        (start.version, start.date, start.settings) = (e.attnRepl, e.date, e.settings)
        return TranscriptDocument(name: e.name ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent,
                                  events: [start] + e.events.filter { $0.type != .start })
    }

    private static func reason(_ error: Error) -> Message {
        switch error {
        // The decoder's own sentence; the common one ("The given data was not valid JSON.") has
        // a translation, others stay as the decoder words them.
        case let DecodingError.dataCorrupted(c): return Message(stringLiteral: c.debugDescription)
        case let DecodingError.keyNotFound(key, _): return "missing field \(key.stringValue)"
        case let DecodingError.typeMismatch(_, c), let DecodingError.valueNotFound(_, c):
            return "wrong type at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return Message(verbatim: "\(error)")
        }
    }

    // MARK: Writing

    /// The JSON export: one event per line, so that transcripts diff well.
    func json() -> String {
        let header: [(String, JSON)] = [
            ("format", .string(Self.format)), ("version", .int(Self.version)), ("name", .string(name)),
            ("attnRepl", start.version.map(JSON.string) ?? .null), ("date", start.date.map(JSON.string) ?? .null),
            ("settings", settings.json),
        ]
        let head = JSON.object(header).serialized().dropLast()
        let body = events.filter { $0.type != .start }.map { "  " + $0.json.serialized() }
        return head + ",\n \"events\": [\n" + body.joined(separator: ",\n") + (body.isEmpty ? "" : "\n") + " ]}\n"
    }
}

struct TranscriptError: Error, CustomStringConvertible {
    let message: Message
    init(_ message: Message) { self.message = message }
    var description: String { message.english }
}

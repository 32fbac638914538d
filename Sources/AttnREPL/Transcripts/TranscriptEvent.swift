// One record of a session transcript: a line of the journal, an element of a JSON export's
// `events`. One flat type with optional fields, so the journal, the exporters and replay
// read and write the same thing; which fields a record has depends on its `type`.
import Engine

/// A tensor as SPEC §2.1 writes it, with the name it was assigned to, if any.
struct TranscriptValue: Codable, Equatable {
    var name: String?
    /// `f(a, b)` for a function definition (then there is no tensor).
    var defined: String?
    var shape: [Int]?
    var exact: [String?]?
    var values: [String]?
    /// `[rows, cols]` when only the tensor's top-left block is recorded (a large tensor):
    /// `exact` and `values` then hold that block, row-major.
    var block: [Int]?
    /// A statement ending in `;`: computed, not shown.
    var silent: Bool?
}

/// One formula of a lesson step as the step showed it: the statement as written, the numbers
/// it used (`0.5·1 + 1·0`, for a scalar with a short formula) and its value; `hidden` while
/// it was an exercise still to be predicted (then there is no value).
struct TranscriptFormula: Codable, Equatable {
    var input: String
    var substituted: String?
    /// The substituted numbers are rounded (`≈`), not exact (`=`).
    var approximate: Bool?
    var value: TranscriptValue?
    var hidden: Bool?
    /// The loop pass the formula ran in (`i = 2`); absent outside loops.
    var pass: String?

    var json: JSON {
        var pairs: [(String, JSON)] = [("input", .string(input))]
        if let pass { pairs.append(("pass", .string(pass))) }
        if let substituted { pairs.append(("substituted", .string(substituted))) }
        if approximate == true { pairs.append(("approximate", .bool(true))) }
        if let value { pairs.append(("value", value.json)) }
        if hidden == true { pairs.append(("hidden", .bool(true))) }
        return .object(pairs)
    }
}

struct TranscriptSettings: Codable, Equatable {
    var digits: Int
    var float: Bool
    var trace: Bool
    var language: String
}

struct TranscriptEvent: Codable, Equatable {
    enum Kind: String, Codable {
        /// The session began: `version`, `date`, `settings`.
        case start
        /// Formulas typed: `input`, then `results` and/or `error` or `message`.
        case statement
        /// A `:` command that changes how later statements compute: `input`, `settings`.
        case command
        /// A lesson was opened: `lesson`, `language`, `title`, `steps`, `step`, `stepTitle`, `solved`.
        case lesson
        /// The lesson moved to `step` (1-based) titled `title`.
        case step
        /// A lesson input changed (`name`), every step recomputed; or `error`.
        case input
        /// An exercise was answered: `name`, `correct`.
        case answer
        /// `:load` read a file: `input` (the command), `name`, `results` (as shown) and `data`,
        /// every element's exact form, so replay restores the value without reading the file.
        case load
        /// `:why` explained a value: `input` (the command), then `lines` or `error`. Shown by
        /// the exports; replay does not run it again.
        case why
    }

    var type: Kind
    var input: String?
    var results: [TranscriptValue]?
    var error: String?
    var message: String?
    var version: String?
    var date: String?
    var settings: TranscriptSettings?
    var lesson: String?
    var language: String?
    var title: String?
    var steps: Int?
    var step: Int?
    /// The title of the step a lesson opened at.
    var stepTitle: String?
    var solved: [String]?
    var name: String?
    var correct: Bool?
    /// For `load`: the tensor's shape and every element's exact form, row-major.
    var data: LoadedData?
    /// For `lesson`: the lesson's introduction (Markdown).
    var introduction: String?
    /// For `lesson` and `step` (and `input`, which recomputed it): the prose of the step now
    /// shown (Markdown) and its formulas as shown, each with its value.
    var prose: String?
    var formulas: [TranscriptFormula]?
    /// For `lesson` and `input`: statements that rebuild the lesson's scope (its inputs, then
    /// every step's formulas, loops expanded), for the notebook export.
    var program: [String]?
    /// For `why`: the explanation, line by line.
    var lines: [String]?
    /// The statement was stopped (Ctrl-C) before it finished: `results` holds what completed.
    /// Replay skips it.
    var interrupted: Bool?

    struct LoadedData: Codable, Equatable {
        var shape: [Int]
        var exact: [String]
    }

    init(_ type: Kind) { self.type = type }

    /// Records that replay re-evaluates and compares.
    var isEvaluated: Bool { type == .statement || type == .input || type == .answer }

    /// What replay compares: everything the evaluation produced, nothing about when or where.
    var outcome: TranscriptEvent {
        var o = TranscriptEvent(type)
        (o.input, o.results, o.error, o.message, o.name, o.correct) = (input, results, error, message, name, correct)
        o.interrupted = interrupted
        return o
    }
}

extension TranscriptValue {
    var json: JSON {
        var pairs: [(String, JSON)] = []
        if let name { pairs.append(("name", .string(name))) }
        if let defined { pairs.append(("defined", .string(defined))) }
        if let shape { pairs.append(("shape", .array(shape.map(JSON.int)))) }
        if let exact { pairs.append(("exact", .array(exact.map { $0.map(JSON.string) ?? .null }))) }
        if let values { pairs.append(("values", .array(values.map(JSON.string)))) }
        if let block { pairs.append(("block", .array(block.map(JSON.int)))) }
        if silent == true { pairs.append(("silent", .bool(true))) }
        return .object(pairs)
    }
}

extension TranscriptSettings {
    var json: JSON {
        .object([("digits", .int(digits)), ("float", .bool(float)), ("trace", .bool(trace)), ("language", .string(language))])
    }
}

extension TranscriptEvent {
    /// The record as one line of JSON, fields in a fixed, readable order.
    var json: JSON {
        var pairs: [(String, JSON)] = [("type", .string(type.rawValue))]
        func add(_ key: String, _ value: JSON?) { if let value { pairs.append((key, value)) } }
        add("input", input.map(JSON.string))
        add("version", version.map(JSON.string))
        add("date", date.map(JSON.string))
        add("settings", settings?.json)
        add("lesson", lesson.map(JSON.string))
        add("language", language.map(JSON.string))
        add("steps", steps.map(JSON.int))
        add("step", step.map(JSON.int))
        add("title", title.map(JSON.string))
        add("stepTitle", stepTitle.map(JSON.string))
        add("solved", solved.map { .array($0.map(JSON.string)) })
        add("name", name.map(JSON.string))
        add("correct", correct.map(JSON.bool))
        add("results", results.map { .array($0.map(\.json)) })
        add("error", error.map(JSON.string))
        add("message", message.map(JSON.string))
        add("data", data.map { .object([("shape", .array($0.shape.map(JSON.int))), ("exact", .array($0.exact.map(JSON.string)))]) })
        add("introduction", introduction.map(JSON.string))
        add("prose", prose.map(JSON.string))
        add("formulas", formulas.map { .array($0.map(\.json)) })
        add("program", program.map { .array($0.map(JSON.string)) })
        add("lines", lines.map { .array($0.map(JSON.string)) })
        if interrupted == true { pairs.append(("interrupted", .bool(true))) }
        return .object(pairs)
    }
}

// The `:` commands: one table that runs them and also writes `:help`. Unambiguous
// prefixes work (`:dig 10`), as in the SQLite shell.
import Engine

struct CommandResult {
    var output: [String] = []
    var error: String?
    var quit = false
    /// The screen should show the lesson (opened, or moved to another step).
    var showLesson = false
    /// The open step reads differently now (`:float` computed it again, `:digits` shows
    /// other digits): the transcript records it anew, as after an input change, so that
    /// exports show it as the learner saw it.
    var recordsStep = false
    /// The error already says what a Ctrl-C or the memory budget stopped and what was kept:
    /// it is shown instead of the bare stop message.
    var explainsStop = false
    /// The exercises `:reveal` showed: the screen's message line names them with their values.
    var revealed: [String] = []

    static func fail(_ message: String) -> CommandResult { CommandResult(error: message) }
    static func lines(_ lines: [String]) -> CommandResult { CommandResult(output: lines) }
}

struct ReplCommand {
    let name: String
    let arguments: String
    let summary: String
    /// Changes how later input computes (settings, variables): transcripts record it and
    /// replay runs it again.
    var replayed = false
    let run: (ReplState, String) -> CommandResult
}

enum CommandTable {
    static let all: [ReplCommand] = SettingCommands.table + LessonCommands.table + FileCommands.table + TranscriptCommands.table + [WhyCommand.command] + [
        ReplCommand(name: "help", arguments: "[topic]", summary: "this list, or help on a command or built-in function") { state, arg in
            help(arg, strings: state.strings)
        },
        ReplCommand(name: "quit", arguments: "", summary: "leave attn-repl (also Ctrl-D)") { _, _ in
            CommandResult(quit: true)
        },
    ]

    /// Runs `:name arguments`; `line` includes the colon.
    static func execute(_ line: String, state: ReplState) -> CommandResult {
        let body = line.drop { $0 == ":" || $0 == " " }
        let word = String(body.prefix { !$0.isWhitespace })
        let argument = String(body.dropFirst(word.count)).trimmingSpaces
        guard !word.isEmpty else { return help("", strings: state.strings) }
        switch find(word) {
        case let .found(command):
            let result = command.run(state, argument)
            if command.replayed && result.error == nil { state.record(.command(line, settings: state.settings)) }
            if result.recordsStep, let lesson = state.lesson { state.record(.step(lesson)) }
            if command.name == WhyCommand.command.name { state.record(.why(line, result)) }
            return result
        case let .ambiguous(names): return .fail(state.strings.ambiguousCommand(word, names.map { ":" + $0 }.joined(separator: ", ")))
        case .none: return .fail(state.strings.unknownCommand(word))
        }
    }

    enum Lookup { case found(ReplCommand), ambiguous([String]), none }

    static func find(_ word: String) -> Lookup {
        if let exact = all.first(where: { $0.name == word }) { return .found(exact) }
        let matches = all.filter { $0.name.hasPrefix(word) }
        if matches.count == 1 { return .found(matches[0]) }
        return matches.isEmpty ? .none : .ambiguous(matches.map(\.name).sorted())
    }

    /// The line REPL's help is wrapped to the width its other prose uses.
    private static let helpWidth = 78

    /// Every command as help lists it, by name: `:digits N` and what it does, in `strings`'
    /// language (the line REPL's `:help` and the screen's help).
    static func helpRows(_ strings: any Strings) -> [(command: String, summary: String)] {
        all.sorted { $0.name < $1.name }.map { c in
            (":\(c.name) \(strings.arguments(ofCommand: c.name) ?? c.arguments)", strings.summary(ofCommand: c.name) ?? c.summary)
        }
    }

    static func help(_ topic: String, strings: any Strings = Language.en.strings) -> CommandResult {
        let topic = topic.hasPrefix(":") ? String(topic.dropFirst()) : topic
        func summary(_ c: ReplCommand) -> String { strings.summary(ofCommand: c.name) ?? c.summary }
        func arguments(_ c: ReplCommand) -> String { strings.arguments(ofCommand: c.name) ?? c.arguments }
        if topic.isEmpty {
            let names = helpRows(strings)
            let nameWidth = min((names.map { DisplayWidth.of($0.0) }.max() ?? 0) + 1, helpWidth / 2)
            var lines = TextWrap.lines(strings.helpIntro, width: helpWidth)
            lines += TwoColumnTable.lines(names, leftWidth: nameWidth, width: helpWidth)
            lines += [""] + TextWrap.lines(strings.helpBuiltins(Builtins.names.sorted().joined(separator: " ")), width: helpWidth)
            lines += TextWrap.lines(strings.helpKeys, width: helpWidth)
            return .lines(lines)
        }
        func indented(_ text: String) -> [String] { TextWrap.lines(text, width: helpWidth - 2).map { "  " + $0 } }
        if case let .found(c) = find(topic) { return .lines([":\(c.name) \(arguments(c))"] + indented(summary(c))) }
        if let b = Builtins.named(topic) { return .lines([b.signature] + indented(strings.summary(ofBuiltin: b.name) ?? b.summary)) }
        return .fail(strings.noHelp(topic))
    }
}

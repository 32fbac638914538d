// The `:` commands: one table that runs them and also writes `:help`. Unambiguous
// prefixes work (`:dig 10`), as in the SQLite shell.
import Engine

struct CommandResult {
    var output: [String] = []
    var error: String?
    var quit = false
    /// The screen should show the lesson (opened, or moved to another step).
    var showLesson = false

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
        ReplCommand(name: "help", arguments: "[topic]", summary: "this list, or help on a command or built-in function") { _, arg in
            help(arg)
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
        guard !word.isEmpty else { return help("") }
        switch find(word) {
        case let .found(command):
            let result = command.run(state, argument)
            if command.replayed && result.error == nil { state.record(.command(line, settings: state.settings)) }
            if command.name == WhyCommand.command.name { state.record(.why(line, result)) }
            return result
        case let .ambiguous(names): return .fail(":\(word) could be \(names.map { ":" + $0 }.joined(separator: ", "))")
        case .none: return .fail("unknown command :\(word) (try :help)")
        }
    }

    enum Lookup { case found(ReplCommand), ambiguous([String]), none }

    static func find(_ word: String) -> Lookup {
        if let exact = all.first(where: { $0.name == word }) { return .found(exact) }
        let matches = all.filter { $0.name.hasPrefix(word) }
        if matches.count == 1 { return .found(matches[0]) }
        return matches.isEmpty ? .none : .ambiguous(matches.map(\.name).sorted())
    }

    static func help(_ topic: String) -> CommandResult {
        let topic = topic.hasPrefix(":") ? String(topic.dropFirst()) : topic
        if topic.isEmpty {
            let width = all.map { $0.name.count + $0.arguments.count + 2 }.max() ?? 0
            var lines = ["Type a formula to evaluate it (e.g. softmax([1, 2, 3])), or a command:"]
            lines += all.sorted { $0.name < $1.name }.map { c in
                DisplayWidth.padRight(":\(c.name) \(c.arguments)", width + 1) + "  " + c.summary
            }
            lines += ["", "Built-in functions: " + Builtins.names.sorted().joined(separator: " "),
                      ":help NAME explains one. Keys on the lesson screen: → n space next, ← p back, Home End, ? help, q quit."]
            return .lines(lines)
        }
        if case let .found(c) = find(topic) { return .lines([":\(c.name) \(c.arguments)", "  \(c.summary)"]) }
        if let b = Builtins.named(topic) { return .lines([b.signature, "  \(b.summary)"]) }
        return .fail("no help on \(topic): not a command or built-in function")
    }
}

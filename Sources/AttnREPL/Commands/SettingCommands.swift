// Commands that change how values are computed and shown, or manage variables.
import Engine

enum SettingCommands {
    static let table: [ReplCommand] = [
        ReplCommand(name: "digits", arguments: "N", summary: "show N significant digits (1 to \(Limits.maximumDigits))", replayed: true) { state, arg in
            guard let n = Int(arg), (1...Limits.maximumDigits).contains(n) else {
                return arg.isEmpty ? .lines([state.strings.digitsShown(state.digits)]) : .fail(state.strings.digitsUsage)
            }
            let changed = n != state.digits
            state.digits = n       // the open lesson shares the setting
            // Its step is shown again with the new digits, as `:float` shows it again.
            guard changed, let lesson = state.lesson else { return .lines([state.strings.digitsShown(n)]) }
            return CommandResult(output: [state.strings.digitsShown(n)] + LessonStepText.lines(lesson), showLesson: true, recordsStep: true)
        },
        ReplCommand(name: "float", arguments: "on|off", summary: "compute in IEEE double (approximate, for large inputs) or exactly", replayed: true) { state, arg in
            guard let on = flag(arg, current: state.float) else { return .fail(state.strings.floatUsage) }
            return float(on, state)
        },
        ReplCommand(name: "trace", arguments: "on|off", summary: "also print every intermediate value", replayed: true) { state, arg in
            guard let on = flag(arg, current: state.trace) else { return .fail(state.strings.traceUsage) }
            state.trace = on
            return .lines([state.strings.traceShown(on)])
        },
        ReplCommand(name: "vars", arguments: "", summary: "list variables and functions") { state, _ in
            let env = state.interpreter.environment
            var lines = env.variables.keys.sorted().map { name in
                "\(name) = \(TensorText.inline(env.variables[name]!, digits: state.digits))" + (state.fileOrigins[name].map { "  (\($0))" } ?? "")
            }
            lines += env.functions.values.sorted { $0.name.canonical < $1.name.canonical }.map { f in
                "\(f.name)(\(f.parameters.map(\.canonical).joined(separator: ", "))) = \(f.source[f.body.range])"
            }
            return .lines(lines.isEmpty ? [state.strings.noVariables] : lines)
        },
        ReplCommand(name: "clear", arguments: "[name]", summary: "forget one variable or function, or all of them", replayed: true) { state, arg in
            if arg.isEmpty {
                state.interpreter.environment.removeAll()
                state.fileOrigins.removeAll()
                return .lines([state.strings.cleared])
            }
            guard let n = Parser.parseName(arg) else { return .fail(state.strings.clearUsage) }
            state.fileOrigins[n.canonical] = nil
            return state.interpreter.environment.remove(n.canonical) ? .lines([state.strings.clearedName("\(n)")]) : .fail(state.strings.noVariable("\(n)"))
        },
    ]

    /// Switches the arithmetic; an open lesson that computed in the other one is computed
    /// again at once and shown again, as after an input change.
    private static func float(_ on: Bool, _ state: ReplState) -> CommandResult {
        let said = on ? state.strings.floatOn : state.strings.exactMode
        guard let lesson = state.lesson, lesson.float != on else {
            try? state.compute(float: on)       // no lesson to compute again: this cannot fail
            return .lines([said])
        }
        do {
            try state.compute(float: on)
        } catch {
            // A Ctrl-C or the memory budget stopped it: its reason, not the runner's echo of it.
            let reason = Interrupt.isRequested ? state.display.text(Interrupt.stopReason.text)
                : (error as? LessonError).map { state.display.text($0.message) } ?? state.display.text(error)
            return CommandResult(error: state.strings.floatNotApplied(on, lesson: lesson.lesson.id, reason: reason), explainsStop: true)
        }
        return CommandResult(output: [said] + LessonStepText.lines(lesson), showLesson: true, recordsStep: true)
    }

    /// `on`/`off`, or a toggle when empty.
    static func flag(_ arg: String, current: Bool) -> Bool? {
        switch arg.lowercased() {
        case "": return !current
        case "on", "yes", "1", "true": return true
        case "off", "no", "0", "false": return false
        default: return nil
        }
    }
}

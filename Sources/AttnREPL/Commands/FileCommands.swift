// `:load NAME = FILE` and `:save NAME FILE[!]`: tensors from and to .npy, .csv and .json files.
// Only these commands the user types touch files (SPEC §8); a failed :load binds nothing.
import Engine

enum FileCommands {
    static let table: [ReplCommand] = [
        ReplCommand(name: "load", arguments: "NAME = FILE", summary: "read a tensor from a .npy, .csv or .json file into NAME") { state, arg in
            load(arg, state: state)
        },
        ReplCommand(name: "save", arguments: "NAME FILE[!]", summary: "write NAME to a .npy, .csv or .json file (FILE! replaces an existing file)") { state, arg in
            save(arg, state: state)
        },
    ]

    static func load(_ arg: String, state: ReplState) -> CommandResult {
        let strings = state.strings
        guard let equals = arg.firstIndex(of: "=") else { return .fail(strings.loadUsage) }
        let nameText = String(arg[..<equals]).trimmingSpaces
        let path = unquoted(String(arg[arg.index(after: equals)...]).trimmingSpaces)
        guard let name = Parser.parseName(nameText) else { return .fail(strings.loadNeedsName(nameText)) }
        guard !path.isEmpty else { return .fail(strings.loadNeedsFile("\(name)")) }
        if Builtins.named(name.canonical) != nil { return .fail(Message("\(name) is a built-in function and cannot be assigned").text(in: state.language)) }
        if let lesson = state.lesson, lesson.pendingExercises.contains(name.canonical) {
            return .fail(strings.exerciseNotLoadable(name.canonical))
        }
        var loaded: LoadedTensor
        do {
            loaded = try TensorFile.read(path)
        } catch {
            return .fail(state.language.text(error))
        }
        if state.float { loaded.tensor = Tensor(shape: loaded.tensor.shape, float: loaded.tensor.floatElements) }
        let key = name.canonical
        let output = ResultOutput(digits: state.digits, float: state.float, language: state.language)
        let summary = strings.loaded(key, loaded.tensor.shape, from: path)
        let notes = loaded.notes.map { strings.note(state.language.text($0)) }
        let origin = strings.origin(path, storedType: loaded.storedType, fromFloats: loaded.fromFloats)
        let binding: ReplState.ExternalBinding
        do {
            binding = try state.bindExternal(name, loaded.tensor)
        } catch let e as ProgramError {
            return .fail(strings.loadFailed(key, from: path, state.display.text(e.diagnostic.text)))
        } catch {
            return .fail(strings.couldNotBeSet(key))
        }
        // Journaled only once the value is bound, with the value itself: replay never reads files.
        state.record(.loaded(":load " + arg, name: key, loaded.tensor, digits: state.digits))
        switch binding {
        case .scope:
            state.fileOrigins[key] = origin
            return .lines([summary] + output.labelled(key, loaded.tensor) + notes)
        case .lessonScope:
            return .lines([summary] + output.labelled(key, loaded.tensor) + notes)
        case .lessonInput:
            guard let lesson = state.lesson else { return .lines([summary]) }
            return CommandResult(output: [lesson.recomputedMessage([key]), summary] + notes + LessonStepText.lines(lesson), showLesson: true)
        }
    }

    static func save(_ arg: String, state: ReplState) -> CommandResult {
        let strings = state.strings
        let nameText = String(arg.prefix { !$0.isWhitespace })
        var path = unquoted(String(arg.dropFirst(nameText.count)).trimmingSpaces)
        guard let name = Parser.parseName(nameText), !path.isEmpty else {
            return .fail(strings.saveUsage)
        }
        let overwrite = path.hasSuffix("!")
        if overwrite { path = unquoted(String(path.dropLast()).trimmingSpaces) }
        let key = name.canonical
        let value: Tensor
        if let lesson = state.lesson {
            if lesson.isHidden(key, inStep: lesson.step) { return .fail(strings.answerExerciseFirst(key)) }
            guard let v = lesson.value(named: key) else { return .fail(strings.noVariableInLesson(key)) }
            value = v
        } else {
            guard let v = state.interpreter.environment[variable: key] else { return .fail(strings.noVariable(key)) }
            value = v
        }
        do {
            let notes = try TensorFile.write(value, to: path, overwrite: overwrite, digits: state.digits)
            return .lines([strings.saved(key, value.shape, to: path)] + notes.map { strings.note(state.language.text($0)) })
        } catch {
            return .fail(state.language.text(error))
        }
    }

    /// A file name the user put in quotes (for spaces), without them.
    private static func unquoted(_ text: String) -> String {
        for q in ["\"", "'"] where text.count >= 2 && text.hasPrefix(q) && text.hasSuffix(q) {
            return String(text.dropFirst().dropLast())
        }
        return text
    }
}

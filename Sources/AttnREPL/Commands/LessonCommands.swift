// Commands for following a lesson from the input line.
import Engine

enum LessonCommands {
    static let table: [ReplCommand] = [
        ReplCommand(name: "lesson", arguments: "[ID]", summary: "open a lesson (without ID: list them with your progress)") { state, arg in
            if arg.isEmpty { return list(state) }
            do {
                let session = try state.open(lesson: arg)
                return CommandResult(output: LessonStepText.lines(session), showLesson: true)
            } catch {
                return .fail(state.display.text(error))
            }
        },
        ReplCommand(name: "next", arguments: "", summary: "the lesson's next step") { state, _ in
            move(state) { $0.next() }
        },
        ReplCommand(name: "prev", arguments: "", summary: "the lesson's previous step") { state, _ in
            move(state) { $0.previous() }
        },
        ReplCommand(name: "step", arguments: "N", summary: "go to step N of the lesson") { state, arg in
            guard let n = Int(arg) else { return .fail(state.strings.stepNeedsNumber) }
            return move(state) { $0.go(to: n - 1) }
        },
        ReplCommand(name: "hint", arguments: "", summary: "a hint for the current exercise") { state, _ in
            guard let lesson = state.lesson else { return .fail(state.strings.noLessonOpen) }
            return .lines(lesson.currentStep.hint.map { TextWrap.lines(state.strings.hint($0), width: 76) } ?? [state.strings.noHint])
        },
        ReplCommand(name: "reveal", arguments: "[name]", summary: "show an exercise's answer without solving it", replayed: true) { state, arg in
            guard let lesson = state.lesson else { return .fail(state.strings.noLessonOpen) }
            let names = arg.isEmpty ? lesson.pendingExercises : [Parser.parseName(arg)?.canonical ?? arg]   // `y_{2}` is `y_2`
            guard !names.isEmpty else { return .fail(state.strings.nothingToReveal) }
            let exercises = Set(lesson.lesson.steps.flatMap(\.exercises))
            if let other = names.first(where: { !exercises.contains($0) }) { return .fail(state.strings.notAnExercise(other)) }
            names.forEach(lesson.reveal)
            return CommandResult(output: LessonStepText.lines(lesson), showLesson: true, revealed: names)
        },
        ReplCommand(name: "reset", arguments: "[ID|all]", summary: "forget your progress in one lesson (default: the open one) or all") { state, arg in
            var progress = Progress.load()
            let target = arg.isEmpty ? state.lesson?.lesson.id : (arg == "all" ? nil : arg)
            if arg.isEmpty && target == nil { return .fail(state.strings.resetNeedsTarget) }
            if let target, state.library.ids.contains(target) == false { return .fail(state.strings.noSuchLesson(target)) }
            progress.reset(target)
            progress.save()
            if state.lesson?.lesson.id == target || target == nil { state.lesson?.resetProgress() }
            return .lines([state.strings.progressReset(target)])
        },
        ReplCommand(name: "leave", arguments: "", summary: "close the lesson (formulas then run in your own scope)", replayed: true) { state, _ in
            state.lesson = nil
            return .lines([state.strings.lessonClosed])
        },
    ]

    private static func move(_ state: ReplState, _ action: (LessonSession) -> Void) -> CommandResult {
        guard let lesson = state.lesson else { return .fail(state.strings.noLessonOpen) }
        action(lesson)
        return CommandResult(output: LessonStepText.lines(lesson), showLesson: true)
    }

    static func list(_ state: ReplState) -> CommandResult {
        let progress = Progress.load()
        let lessons = state.lessonList
        let width = lessons.map { $0.id.count }.max() ?? 0
        return .lines(lessons.map { "\(DisplayWidth.padRight($0.id, width))  \($0.title)  [\(progress.summary(for: $0, in: state.language))]" })
    }
}

// One lesson step as text for the line REPL: title, prose, each formula with its value,
// and the exercise prompt in place of values the learner has still to predict.
import Engine

enum LessonStepText {
    /// Laid out as `run` lays a step out (LessonOutput): to the terminal's width when the
    /// output is one.
    static func lines(_ session: LessonSession, columns: Int? = Readline.outputColumns) -> [String] {
        let width = LessonOutput.proseWidth(columns: columns), tensorWidth = LessonOutput.tensorWidth(columns: columns)
        let lesson = session.lesson, k = session.step, step = session.currentStep
        let strings = session.display.strings
        var out = [""] + TextWrap.lines(strings.stepLine(lesson.title, k + 1, of: session.stepCount, step.title), width: width)
        if k == 0 && !lesson.introduction.isEmpty { out += TextWrap.lines(PlainProse.text(lesson.introduction), width: width) + [""] }
        if !step.prose.isEmpty { out += TextWrap.lines(PlainProse.text(step.prose), width: width) }
        for (record, pass) in session.run.steps[k].formulas {
            out.append("  " + Sanitize.text(record.text) + (pass.map { "      " + strings.loopPass("\($0)") } ?? ""))
            if case let .assigned(name, _) = record.outcome, session.isHidden(name.canonical, inStep: k) {
                out.append("      = ?")
            } else if let t = record.outcome.tensor {
                out += TensorText.lines(t, digits: session.digits, width: tensorWidth).map { "      " + $0 }
            }
        }
        for name in session.pendingExercises {
            out.append(strings.exercisePrompt(name))
        }
        out.append(strings.stepFooter)
        return out
    }
}

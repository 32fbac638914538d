// The program's own words in English (see Strings.swift).
import Engine

struct EnglishStrings: Strings {
    let errorPrefix = "error: "
    func warning(_ text: String) -> String { "warning: \(text)" }
    let messages: [String: String] = [:]
    func couldNotRestore(_ text: String) -> String { "could not restore: \(text)" }

    // Exports
    func exportTitle(_ name: String) -> String { "attn-repl session \(name)" }
    func exportDigits(_ n: Int) -> String { "\(n) digits" }
    func exportArithmetic(float: Bool) -> String { float ? "IEEE double" : "exact" }
    func exportNow(digits: Int, float: Bool) -> String { " — now \(digits) digits, \(exportArithmetic(float: float))" }
    func exportLesson(_ code: String, language: String?) -> String { "Lesson \(code)" + (language.map { ", language \($0)" } ?? "") + "." }
    func exportStep(_ number: String) -> String { "Step \(number)" }
    func exportChanged(_ name: String) -> String { "\(name) changed: every step recomputed." }
    func exportVerdict(correct: Bool) -> String { correct ? "✓ correct" : "✗ not correct" }
    func exportAnswer(_ code: String, _ verdict: String) -> String { "Answer \(code): \(verdict)" }
    func exportDefined(_ code: String) -> String { "Defined \(code)." }
    let exportExercise = "An exercise: predict the value before it is shown."
    let exportInterrupted = "Interrupted (Ctrl-C) before it finished."
    let exportInterruptedLabel = "interrupted (Ctrl-C): stopped before it finished"
    func exportExactForms(_ count: Int) -> String { count == 1 ? "exact form" : "exact forms" }
    let notebookIntroduction = "Every statement of the session below is a code cell of plain NumPy (float64) that computes the same value "
        + "under the same name; its output is the exact result attn-repl recorded. Run the cells top to bottom."
    let notebookLessonComment = "The lesson's inputs and the formulas of all its steps, so later cells can use its tensors."
    func notebookInputComment(_ input: String?) -> String { "\(input ?? "an input changed"): the lesson recomputes every step." }
    let notebookNotTranslated = "(not translated)"
    func loopPass(_ pass: String) -> String { "(\(pass))" }

    let inputsHeading = "Inputs"
    func stepHeading(_ k: Int, of n: Int, _ title: String) -> String { "Step \(k)/\(n) · \(title)" }
    func exerciseShownAbove(_ name: String) -> String { "Exercise: predict \(name) before you look; its value is shown above." }
    let floatNote = "(float mode: values are IEEE double approximations)"
    func markdownExercise(_ name: String, answer: String) -> String {
        "> **Exercise.** Work out $`\(name)`$ before reading the answer: $`\(answer)`$."
    }
    let markdownHintPrefix = "Hint: "
    let markdownFloatNote = "_Float mode: values are IEEE double approximations._"
    func stepLine(_ title: String, _ k: Int, of n: Int, _ stepTitle: String) -> String { "\(title) — step \(k)/\(n): \(stepTitle)" }
    func exercisePrompt(_ name: String) -> String {
        "Exercise: predict \(name). Type \(name) = your answer (:hint for a hint, :reveal to see it)."
    }
    let stepFooter = "(:next, :prev to move; type formulas to explore)"
    func progress(seen: Int, steps: Int, solved: Int, exercises: Int) -> String {
        var text = seen == steps ? "done" : "\(seen)/\(steps) steps"
        if exercises > 0 { text += ", \(solved)/\(exercises) exercises" }
        return text
    }

    func recomputed(_ names: [String]) -> String { "\(names.joined(separator: ", ")) changed: every step recomputed." }
    func correct(_ assignment: String) -> String { "✓ correct: \(assignment)" }
    func revealed(_ assignment: String) -> String { "answer revealed: \(assignment)" }
    func wrong(_ name: String) -> String { "✗ not quite; try \(name) again." }
    func hint(_ text: String) -> String { "Hint: \(text)" }
    func notExact(_ name: String) -> String {
        "✗ close, but \(name) is an exact rational value: give it exactly (a fraction such as 1/3, or every decimal digit)."
    }
    func wrongShape(_ name: String, expected: Shape, got: Shape) -> String {
        "\(name) is \(Self.shape(expected)), but the answer is \(Self.shape(got))"
            + (expected.isVector && got == .matrix(1, expected.count) ? " ([1 2 3] is a row; a vector is written with commas: [1, 2, 3])" : "")
    }
    let incompleteInput = "the input is not complete"
    func noValueYet(_ name: String) -> String { "\(name) has no value yet" }
    func notAnInput(_ name: String, lesson: String, inputs: [String]) -> String {
        "\(name) is not an input of \(lesson) (its inputs: \(inputs.joined(separator: ", ")))"
    }
    func inputsKept(_ names: [String], after reason: String) -> String {
        reason + "; " + (names.count == 1 ? "\(names[0]) keeps its previous value" : "\(names.joined(separator: ", ")) keep their previous values")
    }

    func greeting(version: String) -> String { "attn-repl \(version) — formulas and :commands; :help lists them, Ctrl-D leaves." }
    func defined(_ signature: String) -> String { "\(signature) defined" }
    var exactFormsTooLongForTable: String { "(exact forms too long for the table: see --format json, or the cell cursor on the screen)" }
    func exactFormsNamed(_ name: String, _ place: String) -> String {
        "(exact forms too long for the table: :why \(name)\(place) shows one in full, :save \(name) FILE.json writes them all)"
    }
    func exactFormsUnnamed(_ place: String) -> String {
        "(exact forms too long for the table: name the value (v = …), then :why v\(place) shows one in full)"
    }
    var exactFormNotKept: String { "(an exact form longer than 160 characters is not kept: the decimals are proved digits)" }
    let traceHeading = "trace:"
    let valueHeading = "value:"

    func summary(ofCommand name: String) -> String? { nil }
    func arguments(ofCommand name: String) -> String? { nil }
    func summary(ofBuiltin name: String) -> String? { nil }
    let helpIntro = "Type a formula to evaluate it (e.g. softmax([1, 2, 3])), or a command:"
    func helpBuiltins(_ names: String) -> String { "Built-in functions: " + names }
    let helpKeys = ":help NAME explains one. Here :next and :prev step through a lesson; on the full screen (attn-repl lesson ID) → and ← on an empty line do (Alt-n and Alt-p always), Tab selects a tensor, F1 shows help and Ctrl-D leaves."
    func noHelp(_ topic: String) -> String { "no help on \(topic): not a command or built-in function" }
    func ambiguousCommand(_ word: String, _ candidates: String) -> String { ":\(word) could be \(candidates)" }
    func unknownCommand(_ word: String) -> String { "unknown command :\(word) (try :help)" }
    let noLessonOpen = "no lesson is open (:lesson ID)"
    let stepNeedsNumber = ":step takes a step number"
    let noHint = "this step has no hint"
    let nothingToReveal = "nothing to reveal on this step"
    func notAnExercise(_ name: String) -> String { "\(name) is not an exercise of this lesson" }
    let resetNeedsTarget = ":reset takes a lesson id or all"
    func noSuchLesson(_ id: String) -> String { "no lesson \(id)" }
    func progressReset(_ target: String?) -> String { "progress reset: \(target ?? "all lessons")" }
    let lessonClosed = "lesson closed"
    func digitsShown(_ n: Int) -> String { "digits: \(n)" }
    let digitsUsage = ":digits takes a whole number from 1 to \(Limits.maximumDigits)"
    let floatOn = "float mode: results are IEEE double approximations"
    let exactMode = "exact mode"
    let floatUsage = ":float takes on or off"
    func floatNotApplied(_ on: Bool, lesson: String, reason: String) -> String {
        on ? "float mode not set, nothing changed: lesson \(lesson) could not be computed again in IEEE double: \(reason)"
           : "exact mode not set, nothing changed (still float mode): lesson \(lesson) could not be computed again exactly: \(reason)"
    }
    func traceShown(_ on: Bool) -> String { "trace: \(on ? "on" : "off")" }
    let traceUsage = ":trace takes on or off"
    let noVariables = "no variables yet"
    let cleared = "cleared"
    func clearedName(_ name: String) -> String { "cleared \(name)" }
    let clearUsage = ":clear takes a name"
    func noVariable(_ name: String) -> String { "no variable \(name)" }

    let loadUsage = "usage: :load NAME = FILE (e.g. :load X = embeddings.npy)"
    func loadNeedsName(_ got: String) -> String { ":load needs a name before = (got \"\(got)\")" }
    func loadNeedsFile(_ name: String) -> String { ":load \(name) = FILE needs a file name" }
    func exerciseNotLoadable(_ name: String) -> String { "\(name) is the exercise of this step: type your answer (\(name) = ...)" }
    func loaded(_ name: String, _ shape: Shape, from path: String) -> String { "\(name): \(shape) from \(path)" }
    func origin(_ path: String, storedType: String?, fromFloats: Bool) -> String {
        "from \(path)" + (storedType.map { ", \($0) data" } ?? "") + (fromFloats ? ": exact binary fractions" : "")
    }
    func note(_ text: String) -> String { "note: " + text }
    func loadFailed(_ name: String, from path: String, _ reason: String) -> String { "\(name) from \(path): \(reason)" }
    func couldNotBeSet(_ name: String) -> String { "\(name) could not be set" }
    let saveUsage = "usage: :save NAME FILE (e.g. :save A weights.npy; end FILE with ! to replace an existing file)"
    func scratchCopy(_ name: String, inputs: [String]) -> String {
        "(the lesson computes \(name) itself and its steps keep using their own; yours is a copy for your own formulas. "
            + "To change what the lesson computes, change an input: \(inputs.joined(separator: ", ")).)"
    }
    func exerciseHidden(_ name: String) -> String { "\(name) is the exercise: type \(name) = your answer instead (:reveal shows it)" }
    func answerExerciseFirst(_ name: String) -> String { "\(name) is the exercise of this step: answer it first" }
    func noVariableInLesson(_ name: String) -> String { "no variable \(name) in this lesson" }
    func saved(_ name: String, _ shape: Shape, to path: String) -> String { "saved \(name) (\(shape)) to \(path)" }
    let sessionsUsage = ":sessions takes nothing, or resume N (N from the :sessions list)"
    func noSessions(in path: String) -> String { "no sessions yet in \(path)" }
    let thisSession = "(this session)"
    let unreadable = "(unreadable)"
    func sessionLine(_ k: Int, date: String, statements: Int, lessons: [String], path: String, current: Bool) -> String {
        let lesson = lessons.isEmpty ? "" : "  lesson \(lessons.joined(separator: ", "))"
        return "\(k). \(date)  \(statements) statement\(statements == 1 ? "" : "s")\(lesson)  \(path)" + (current ? "  " + thisSession : "")
    }
    let sessionsFooter = ":sessions resume N re-runs session N's statements here; attn-repl replay FILE checks one"
    func noSession(_ n: Int) -> String { "no session \(n) (:sessions lists them)" }
    func sessionIsThisOne(_ n: Int) -> String { "session \(n) is this session" }
    func resumed(_ name: String, statements: Int, failed: Int, interrupted: Int, lesson: String?, step: Int, of steps: Int) -> String {
        var line = "resumed \(name): re-ran \(statements) statement\(statements == 1 ? "" : "s")"
        if failed > 0 { line += ", \(failed) with errors" }
        if interrupted > 0 { line += ", skipped \(interrupted) interrupted (Ctrl-C)" }
        if let lesson { line += "; lesson \(lesson) at step \(step)/\(steps)" }
        return line
    }
    func exportUsage(_ formats: String) -> String { ":export takes \(formats) [FILE] (FILE! replaces an existing file)" }
    let notRecorded = "this session is not recorded"
    func wrote(_ path: String) -> String { "wrote \(path)" }

    let whyUsage = ":why takes a name and, for a vector or matrix, an element: :why A[2, 3]"
    func whyPositions(_ example: String) -> String { ":why needs whole-number positions from 1, as in \(example)" }
    func whyExercise(_ name: String) -> String { "\(name) is an exercise on this step: predict it first (:reveal shows it)" }
    func whyInput(_ name: String, _ value: String) -> [String] {
        ["\(name) is an input of this lesson: \(value)", "change it by typing \(name) = …, and every step is recomputed"]
    }
    func whyFunction(_ name: String, _ definition: String) -> String {
        "\(name) is a function (\(definition)): :why explains values; call it and ask about the result"
    }
    func whySetDirectly(_ name: String) -> String { "\(name) was set directly (an input or a loaded file), not computed by a formula" }
    func unknownName(_ name: String) -> String { "unknown name \(name)" }
    func whyNoFormula(_ name: String) -> String { "\(name) has no formula to explain" }
    func whyUses(_ names: [String]) -> String {
        "it uses \(names.joined(separator: ", ")); ask :why about any of them to go one level further"
    }
    func whyScalar(_ name: String) -> String { "\(name) is a scalar: ask :why \(name)" }
    func whyVector(_ name: String, _ n: Int) -> String { "\(name) is a \(n)-vector: ask :why \(name)[i] with i from 1 to \(n)" }
    func whyMatrix(_ name: String, _ r: Int, _ c: Int) -> String {
        "\(name) is \(r)×\(c): ask :why \(name)[i, j] with i from 1 to \(r) and j from 1 to \(c)"
    }

    private static func shape(_ s: Shape) -> String {
        switch s {
        case .scalar: return "a number"
        case let .vector(n): return "a \(n)-vector"
        case let .matrix(r, c): return "a \(r)×\(c) matrix"
        }
    }
}

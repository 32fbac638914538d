// Every word the program shows outside the full screen (the screen's own are in
// ScreenStrings.swift), one table per language: `run`'s text, lesson text in the line REPL,
// prompts and messages, `:help`, exercise feedback, `:why`, progress lines and errors.
// Each language is one type that must say every string: a new string added here fails to
// build until every language has it. The Engine's messages are translated in the Engine
// (Sources/Engine/Localization).
import Engine

protocol Strings: Sendable {
    // MARK: Errors
    /// The word before an error message (`error: …`).
    var errorPrefix: String { get }
    func warning(_ text: String) -> String
    /// The program's messages built as `Message`s (file errors, transcript warnings, lesson
    /// authoring errors), by English template like the Engine's table; empty for English.
    var messages: [String: String] { get }
    /// A problem `:resume` met restoring a record.
    func couldNotRestore(_ text: String) -> String

    // MARK: run and lesson text
    var inputsHeading: String { get }
    func stepHeading(_ k: Int, of n: Int, _ title: String) -> String
    func exerciseShownAbove(_ name: String) -> String
    var floatNote: String { get }
    func markdownExercise(_ name: String, answer: String) -> String
    var markdownHintPrefix: String { get }
    var markdownFloatNote: String { get }
    /// `Dot-product attention — step 2/6: From scores to weights` in the line REPL.
    func stepLine(_ title: String, _ k: Int, of n: Int, _ stepTitle: String) -> String
    func exercisePrompt(_ name: String) -> String
    /// The label of one pass of a lesson loop after its formula (`(i = 2)`).
    func loopPass(_ pass: String) -> String
    var stepFooter: String { get }
    func progress(seen: Int, steps: Int, solved: Int, exercises: Int) -> String

    // MARK: Lesson input and exercises
    func recomputed(_ names: [String]) -> String
    func correct(_ assignment: String) -> String
    /// What `:reveal` showed without the learner answering (`y₂ = [3/2, 2, 0]`).
    func revealed(_ assignment: String) -> String
    func wrong(_ name: String) -> String
    func hint(_ text: String) -> String
    func notExact(_ name: String) -> String
    func wrongShape(_ name: String, expected: Shape, got: Shape) -> String
    var incompleteInput: String { get }
    func noValueYet(_ name: String) -> String
    func notAnInput(_ name: String, lesson: String, inputs: [String]) -> String
    /// Setting inputs failed for `reason`: they keep their previous values.
    func inputsKept(_ names: [String], after reason: String) -> String

    // MARK: The line REPL
    func greeting(version: String) -> String
    func defined(_ signature: String) -> String
    /// Under a value whose exact forms the text table leaves out, from `eval` (a command-line
    /// tool, whose `--format json` shows them).
    var exactFormsTooLongForTable: String { get }
    /// The same note in the line REPL, which has no command-line flags: the commands that show
    /// the forms there, for a value with a name (NAME, `[i, j]`)…
    func exactFormsNamed(_ name: String, _ place: String) -> String
    /// …and for one without (`[i, j]`).
    func exactFormsUnnamed(_ place: String) -> String
    /// Under a value with an exact form too long to keep.
    var exactFormNotKept: String { get }
    var traceHeading: String { get }
    var valueHeading: String { get }

    // MARK: Commands
    /// `:help`'s line for a command, by its name; nil: the command's own (English) summary.
    func summary(ofCommand name: String) -> String?
    /// `:help NAME`'s line for a built-in function; nil: the Engine's own (English) summary.
    func summary(ofBuiltin name: String) -> String?
    /// `:help`'s placeholder for a command's arguments; nil: the command's own.
    func arguments(ofCommand name: String) -> String?
    var helpIntro: String { get }
    func helpBuiltins(_ names: String) -> String
    var helpKeys: String { get }
    func noHelp(_ topic: String) -> String
    func ambiguousCommand(_ word: String, _ candidates: String) -> String
    func unknownCommand(_ word: String) -> String
    var noLessonOpen: String { get }
    var stepNeedsNumber: String { get }
    var noHint: String { get }
    var nothingToReveal: String { get }
    func notAnExercise(_ name: String) -> String
    var resetNeedsTarget: String { get }
    func noSuchLesson(_ id: String) -> String
    func progressReset(_ target: String?) -> String
    var lessonClosed: String { get }
    func digitsShown(_ n: Int) -> String
    var digitsUsage: String { get }
    var floatOn: String { get }
    var exactMode: String { get }
    var floatUsage: String { get }
    /// `:float on|off` could not compute the open lesson again in the new arithmetic.
    func floatNotApplied(_ on: Bool, lesson: String, reason: String) -> String
    func traceShown(_ on: Bool) -> String
    var traceUsage: String { get }
    var noVariables: String { get }
    var cleared: String { get }
    func clearedName(_ name: String) -> String
    var clearUsage: String { get }
    func noVariable(_ name: String) -> String

    // MARK: Files and sessions
    var loadUsage: String { get }
    func loadNeedsName(_ got: String) -> String
    func loadNeedsFile(_ name: String) -> String
    func exerciseNotLoadable(_ name: String) -> String
    func loaded(_ name: String, _ shape: Shape, from path: String) -> String
    /// Where a loaded variable came from, for `:vars`.
    func origin(_ path: String, storedType: String?, fromFloats: Bool) -> String
    func note(_ text: String) -> String
    func loadFailed(_ name: String, from path: String, _ reason: String) -> String
    func couldNotBeSet(_ name: String) -> String
    var saveUsage: String { get }
    /// A statement read an exercise not yet answered: its value is not shown.
    /// Under a value the learner gave a name the lesson computes: the lesson keeps its own.
    func scratchCopy(_ name: String, inputs: [String]) -> String
    func exerciseHidden(_ name: String) -> String
    func answerExerciseFirst(_ name: String) -> String
    func noVariableInLesson(_ name: String) -> String
    func saved(_ name: String, _ shape: Shape, to path: String) -> String
    var sessionsUsage: String { get }
    func noSessions(in path: String) -> String
    var thisSession: String { get }
    var unreadable: String { get }
    func sessionLine(_ k: Int, date: String, statements: Int, lessons: [String], path: String, current: Bool) -> String
    var sessionsFooter: String { get }
    func noSession(_ n: Int) -> String
    func sessionIsThisOne(_ n: Int) -> String
    func resumed(_ name: String, statements: Int, failed: Int, interrupted: Int, lesson: String?, step: Int, of steps: Int) -> String
    func exportUsage(_ formats: String) -> String
    var notRecorded: String { get }
    func wrote(_ path: String) -> String

    // MARK: Exports (HTML, Markdown, notebook), in the language the session was recorded in
    /// `attn-repl session NAME`, the document's title.
    func exportTitle(_ name: String) -> String
    /// `6 digits` in the settings line.
    func exportDigits(_ n: Int) -> String
    /// `IEEE double` or `exact` in the settings line.
    func exportArithmetic(float: Bool) -> String
    /// After a settings command: ` — now 6 digits, exact`.
    func exportNow(digits: Int, float: Bool) -> String
    /// `Lesson CODE, language zh.` (CODE and the language already marked up).
    func exportLesson(_ code: String, language: String?) -> String
    /// `Step 2/6` (`number` is `2/6`).
    func exportStep(_ number: String) -> String
    /// `NAME changed: every step recomputed.` (NAME already marked up).
    func exportChanged(_ name: String) -> String
    func exportVerdict(correct: Bool) -> String
    /// `Answer CODE: ✓ correct` in the notebook.
    func exportAnswer(_ code: String, _ verdict: String) -> String
    /// `Defined CODE.` after a function definition.
    func exportDefined(_ code: String) -> String
    /// Under a formula whose value is an unsolved exercise.
    var exportExercise: String { get }
    /// Under an input stopped with Ctrl-C (a sentence; the HTML's is a short label).
    var exportInterrupted: String { get }
    var exportInterruptedLabel: String { get }
    /// The fold that holds long exact forms.
    func exportExactForms(_ count: Int) -> String
    /// The notebook's first paragraph.
    var notebookIntroduction: String { get }
    /// Comments in the notebook's code cells.
    var notebookLessonComment: String { get }
    func notebookInputComment(_ input: String?) -> String
    var notebookNotTranslated: String { get }

    // MARK: :why
    var whyUsage: String { get }
    func whyPositions(_ example: String) -> String
    func whyExercise(_ name: String) -> String
    func whyInput(_ name: String, _ value: String) -> [String]
    func whyFunction(_ name: String, _ definition: String) -> String
    func whySetDirectly(_ name: String) -> String
    func unknownName(_ name: String) -> String
    func whyNoFormula(_ name: String) -> String
    func whyUses(_ names: [String]) -> String
    func whyScalar(_ name: String) -> String
    func whyVector(_ name: String, _ n: Int) -> String
    func whyMatrix(_ name: String, _ r: Int, _ c: Int) -> String
}

extension Language {
    /// A message of the program or the Engine in this language.
    func text(_ message: Message) -> String { text(message, naming: .flags) }

    /// The message with a setting it suggests named by `naming` (`:float on` in a session).
    func text(_ message: Message, naming: SettingNames) -> String {
        message.text(in: self, adding: strings.messages, naming: naming)
    }

    /// The program's own words in this language.
    var strings: any Strings {
        switch self {
        case .en: return EnglishStrings()
        case .zh: return ChineseStrings()
        }
    }
}

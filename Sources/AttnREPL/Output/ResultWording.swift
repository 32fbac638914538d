// How results are worded where the learner reads them. The line REPL echoes names as they are
// typed (`y_2`) and its note on long exact forms is the command line's; the screen writes
// names as its formulas and tensor labels do (`y₂`) and points at what can be done on it.
import Engine

struct ResultWording {
    /// A name as echoed in a result (`y_2 = …`, `✓ correct: y_2 = …`, `x_1 changed`).
    var name: (String) -> String = { $0 }
    /// The note under a table whose exact forms were too long for it, given the value's name
    /// when it has one; nil: the line REPL's and `eval`'s note.
    var exactFormsNote: ((_ name: String?, _ shape: Shape) -> String)?

    static let typed = ResultWording(exactFormsNote: nil)
}

// How results are worded where the learner reads them. `eval` echoes names as they are typed
// (`y_2`) and its note on long exact forms names its own `--format json`; the line REPL
// echoes names as typed too, and its note points at the commands that work in it (`:why`,
// `:save`); the screen writes names as its formulas and tensor labels do (`y₂`) and points at
// the same commands.
import Engine

struct ResultWording {
    /// A name as echoed in a result (`y_2 = …`, `✓ correct: y_2 = …`, `x_1 changed`).
    var name: (String) -> String = { $0 }
    /// The lines of the note under a table whose exact forms were too long for it, given the
    /// value's name when it has one; nil: `eval`'s note.
    var exactFormsNote: ((_ name: String?, _ shape: Shape) -> [String])?
    /// The columns a value's text may take (a terminal's width), so that a matrix is laid out
    /// to fit instead of being broken by the terminal; nil: no limit (a pipe, a file).
    var width: Int?

    static let typed = ResultWording(exactFormsNote: nil)

    /// The line REPL's: names as typed, and `:why NAME[i]` / `:save NAME FILE.json` for long
    /// exact forms (a command-line flag cannot be given from inside a session). The note is
    /// wrapped as hints are, so that an 80-column terminal does not break it inside a word.
    static func line(_ strings: any Strings, width: Int? = nil) -> ResultWording {
        ResultWording(exactFormsNote: { name, shape in
            TextWrap.lines(sessionExactFormsNote(strings, name: name, shape: shape), width: 76)
        }, width: width)
    }

    /// A session's note on exact forms too long for a table: `:why NAME[i]` for one, `:save`
    /// for all, or how to name the value first.
    static func sessionExactFormsNote(_ strings: any Strings, name: String?, shape: Shape) -> String {
        let place = elementPlaceholder(shape)
        return name.map { strings.exactFormsNamed($0, place) } ?? strings.exactFormsUnnamed(place)
    }

    /// How `:why` names one element of a value of this shape: `[i]`, `[i, j]`, nothing for a scalar.
    static func elementPlaceholder(_ shape: Shape) -> String {
        switch shape {
        case .scalar: ""
        case .vector: "[i]"
        case .matrix: "[i, j]"
        }
    }
}

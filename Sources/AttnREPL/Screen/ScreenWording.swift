// The screen's wording of results: names as the screen draws them everywhere else (`y₂`,
// `α₂,₁`), and, for exact forms too long for a table, the commands that show them from
// inside the screen (`:why`, `:save`) rather than a command-line flag.
import Engine

extension ResultWording {
    /// `columns`: the terminal's width; results are laid out to the output pane inside it
    /// (one column of margin on each side), which wraps only prose.
    static func screen(_ strings: any Strings, columns: Int? = nil) -> ResultWording {
        // The commands are typed, so the name in the note stays as typed (`y_2`).
        ResultWording(name: { UnicodeMath.name($0) }, exactFormsNote: { name, shape in
            [sessionExactFormsNote(strings, name: name, shape: shape)]
        }, width: columns.map { $0 - 2 })
    }
}

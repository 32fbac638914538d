// The screen's wording of results: names as the screen draws them everywhere else (`y₂`,
// `α₂,₁`), and, for exact forms too long for a table, the commands that show them from
// inside the screen (`:why`, `:save`) rather than a command-line flag.
import Engine

extension ResultWording {
    /// `columns`: the terminal's width; results are laid out to the output pane inside it
    /// (one column of margin on each side), which wraps only prose.
    static func screen(_ strings: any Strings, columns: Int? = nil) -> ResultWording {
        ResultWording(name: { UnicodeMath.name($0) }, exactFormsNote: { name, shape in
            // The commands are typed, so the name in them stays as typed (`y_2`).
            let place = elementPlaceholder(shape)
            return [name.map { strings.exactFormsNamed($0, place) } ?? strings.exactFormsUnnamed(place)]
        }, width: columns.map { $0 - 2 })
    }
}

// A two-column table laid out to a width in terminal columns: names on the left, what they
// mean on the right, each side wrapped under itself, so a long description never runs past
// the edge or breaks a word (the line REPL's :help, the screen's help).
import Engine

enum TwoColumnTable {
    /// `rows` as lines of at most `width` columns: `indent` spaces, the left column padded to
    /// `leftWidth`, two spaces, then the right column.
    static func lines(_ rows: [(String, String)], leftWidth: Int, width: Int, indent: Int = 0) -> [String] {
        let rightWidth = width - indent - leftWidth - 2
        var out: [String] = []
        for (left, right) in rows {
            let lefts = TextWrap.wrap(left, width: max(8, leftWidth))
            let rights = TextWrap.wrap(right, width: max(8, rightWidth))
            for i in 0..<max(lefts.count, rights.count) {
                let line = String(repeating: " ", count: indent)
                    + DisplayWidth.padRight(i < lefts.count ? lefts[i] : "", leftWidth) + "  "
                    + (i < rights.count ? rights[i] : "")
                out.append(line.trimmingTrailingSpaces)
            }
        }
        return out
    }
}

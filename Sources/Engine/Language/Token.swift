// Tokens of the formula language, each with its source range and whether whitespace preceded it
// (inside brackets whitespace separates elements, so the parser needs to know).

enum TokenKind: Equatable {
    case number(String)
    case name(Name)
    case pi
    case command(String)          // a LaTeX command other than names and spacing: frac, sqrt, cdot, left, …
    case symbol(String)           // ( ) [ ] { } , ; = + - * / @ ^ ' : .* ./ .^ | ‖ ᵀ √ _
    case newline
    case end
}

struct Token: Equatable {
    let kind: TokenKind
    let range: SourceRange
    /// Whitespace (or a comment) came right before this token.
    let spaceBefore: Bool
    /// Spelled as a LaTeX command: a name written `\mathrm{softmax}` (a `(` after it calls it even
    /// across a space, as LaTeX ignores spaces), or a `[` that is `\begin{bmatrix}` (whose
    /// elements are separated by `&`, not by spaces).
    var fromCommand = false

    func isSymbol(_ s: String) -> Bool { kind == .symbol(s) }
    func isCommand(_ c: String) -> Bool { kind == .command(c) }
}

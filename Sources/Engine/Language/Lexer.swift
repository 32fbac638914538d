// Splits source text into tokens. Tracks open brackets: inside ( and { a newline is just
// whitespace, inside [ it separates rows, at the top it separates statements.

struct Lexer {
    private let s: [Unicode.Scalar]
    private var i = 0
    private var tokens: [Token] = []
    private var open: [Unicode.Scalar] = []
    private var sawSpace = false
    /// A closing bracket that did not match: the input is wrong, not unfinished.
    private var sawMismatch = false

    /// True when the input ended inside an open bracket (the REPL should ask for more).
    private(set) var endedInsideBracket = false

    init(_ source: String) { s = Array(source.unicodeScalars) }

    static func isASCIILetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
    static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    static func isGreek(_ c: Unicode.Scalar) -> Bool { NameSpelling.ascii(Character(c)) != nil }

    private func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }

    mutating func tokenize() throws -> [Token] {
        while i < s.count {
            let c = s[i]
            if c == " " || c == "\t" || c == "\r" { i += 1; sawSpace = true; continue }
            if c == "#" {
                while i < s.count && s[i] != "\n" { i += 1 }
                sawSpace = true
                continue
            }
            if c == "\n" {
                i += 1
                if let top = open.last, top == "(" || top == "{" { sawSpace = true; continue }
                emit(.newline, i - 1)
                sawSpace = true
                continue
            }
            let start = i
            if Lexer.isDigit(c) || (c == "." && peek(1).map(Lexer.isDigit) == true) {
                emit(.number(number()), start)
            } else if Lexer.isASCIILetter(c) || Lexer.isGreek(c) {
                try name(start)
            } else if c == "\\" {
                try command(start)
            } else {
                try symbol(c, start)
            }
        }
        endedInsideBracket = !open.isEmpty && !sawMismatch
        emit(.end, s.count)
        return tokens
    }

    private mutating func emit(_ kind: TokenKind, _ start: Int) {
        tokens.append(Token(kind: kind, range: SourceRange(start, max(i, start)), spaceBefore: sawSpace))
        sawSpace = false
    }

    private mutating func number() -> String {
        var text = ""
        while let c = peek(), Lexer.isDigit(c) { text.unicodeScalars.append(c); i += 1 }
        // A dot belongs to the number unless it starts .* ./ .^
        if peek() == ".", !(peek(1) == "*" || peek(1) == "/" || peek(1) == "^") {
            text += "."
            i += 1
            while let c = peek(), Lexer.isDigit(c) { text.unicodeScalars.append(c); i += 1 }
        }
        if let e = peek(), e == "e" || e == "E" {
            var k = 1
            if peek(1) == "+" || peek(1) == "-" { k = 2 }
            if let d = peek(k), Lexer.isDigit(d) {
                for _ in 0..<k { text.unicodeScalars.append(s[i]); i += 1 }
                while let c = peek(), Lexer.isDigit(c) { text.unicodeScalars.append(c); i += 1 }
            }
        }
        return text
    }

    private mutating func name(_ start: Int) throws {
        var base = ""
        while let c = peek(), Lexer.isASCIILetter(c) || Lexer.isDigit(c) || Lexer.isGreek(c) {
            base += NameSpelling.ascii(Character(c)) ?? String(c)
            i += 1
        }
        try finishName(base: base, start)
    }

    /// After a base name: an optional subscript `_x`, `_12`, `_{2,1}`.
    private mutating func finishName(base: String, _ start: Int) throws {
        var sub: String? = nil
        if peek() == "_" {
            i += 1
            if peek() == "{" {
                i += 1
                var depth = 1, text = ""
                while let c = peek() {
                    i += 1
                    if c == "{" { depth += 1 } else if c == "}" { depth -= 1; if depth == 0 { break } }
                    if c != " " && c != "\t" { text.unicodeScalars.append(c) }
                }
                guard depth == 0 else {
                    endedInsideBracket = true
                    throw Diagnostic("the subscript _{ is not closed", at: SourceRange(start, i))
                }
                guard !text.isEmpty else { throw Diagnostic("empty subscript _{}", at: SourceRange(start, i)) }
                sub = text
            } else {
                var text = ""
                // Letters and digits, with single underscores between groups: `W_Q_new` (SPEC §5's name).
                func alphanumeric(_ c: Unicode.Scalar?) -> Bool { c.map { Lexer.isASCIILetter($0) || Lexer.isDigit($0) } ?? false }
                while let c = peek(), alphanumeric(c) || (c == "_" && !text.isEmpty && alphanumeric(peek(1))) {
                    text.unicodeScalars.append(c); i += 1
                }
                guard !text.isEmpty else { throw Diagnostic("expected a subscript after _", at: SourceRange(i - 1, i)) }
                sub = text
            }
        }
        if sub == nil && base == "pi" { emit(.pi, start); return }
        emit(.name(Name(base, subscript: sub)), start)
    }

    private mutating func command(_ start: Int) throws {
        i += 1
        guard let c = peek() else { throw Diagnostic("a lone \\ at the end", at: SourceRange(start, i)) }
        if Lexer.isASCIILetter(c) {
            var word = ""
            while let c = peek(), Lexer.isASCIILetter(c) { word.unicodeScalars.append(c); i += 1 }
            if NameSpelling.spelled.contains(word) {
                try finishName(base: NameSpelling.canonical(word), start)
            } else if ["quad", "qquad"].contains(word) {
                sawSpace = true
            } else {
                emit(.command(word), start)
            }
            return
        }
        i += 1
        switch c {
        case ",", ";", "!", ":", " ", ">": sawSpace = true        // LaTeX spacing
        case "{": open.append("{"); emit(.symbol("{"), start)
        case "}": if open.last == "{" { open.removeLast() }; emit(.symbol("}"), start)
        default: throw Diagnostic("unknown LaTeX command \\\(c)", at: SourceRange(start, i))
        }
    }

    private mutating func symbol(_ c: Unicode.Scalar, _ start: Int) throws {
        i += 1
        switch c {
        case "(", "[", "{":
            open.append(c)
        case ")", "]", "}":
            let expected: Unicode.Scalar = c == ")" ? "(" : (c == "]" ? "[" : "{")
            if open.last == expected { open.removeLast() } else { sawMismatch = true }
        case ".":
            guard let n = peek(), n == "*" || n == "/" || n == "^" else {
                throw Diagnostic("unexpected '.'", at: SourceRange(start, i))
            }
            i += 1
            emit(.symbol("." + String(n)), start)
            return
        case ",", ";", "=", "+", "-", "*", "/", "@", "^", "'", ":":
            break
        case "\u{2032}", "\u{2019}":     // ′ and ’ pasted from documents mean transpose
            emit(.symbol("'"), start)
            return
        case "\u{00B7}", "\u{22C5}":     // · and ⋅
            emit(.command("cdot"), start)
            return
        case "\u{00D7}":                 // ×
            emit(.command("times"), start)
            return
        case "\u{2212}":                 // − (minus sign)
            emit(.symbol("-"), start)
            return
        default:
            throw Diagnostic("unexpected character '\(Sanitize.text(String(c)))'", at: SourceRange(start, i))
        }
        emit(.symbol(String(c)), start)
    }
}

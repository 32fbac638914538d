// Splits source text into tokens. Tracks open brackets: inside ( and { a newline is just
// whitespace, inside [ it separates rows, at the top it separates statements.
//
// Several spellings make one token, so that what the screen prints (UnicodeMath), what the
// Markdown export prints (LaTeX) and what papers paste all read back as what was meant:
// `x₁` and `\mathrm{x}_{1}` are the name x_1, `\left(` and `\Bigl(` are `(`, `\odot` and `⊙`
// are `.*`, `\begin{bmatrix} a & b \\ c & d \end{bmatrix}` is `[a, b; c, d]`.

struct Lexer {
    private let s: [Unicode.Scalar]
    private var i = 0
    private var tokens: [Token] = []
    private var open: [Unicode.Scalar] = []
    /// How many `\begin{…matrix}` environments are open: inside one `&` and `\\` separate.
    private var matrixDepth = 0
    private var sawSpace = false
    /// A closing bracket that did not match: the input is wrong, not unfinished.
    private var sawMismatch = false

    /// True when the input ended inside an open bracket (the REPL should ask for more).
    private(set) var endedInsideBracket = false

    init(_ source: String) { s = Array(source.unicodeScalars) }

    static func isASCIILetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
    static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    static func isGreek(_ c: Unicode.Scalar) -> Bool { NameSpelling.ascii(Character(c)) != nil }
    static func isSubscript(_ c: Unicode.Scalar) -> Bool { NameSpelling.unsubscripted(Character(c)) != nil }

    /// The ASCII character a full-width one stands for: a Chinese input method types `，` `（` `；`
    /// and `。` `、` where a formula needs `,` `(` `;` `.`.
    static func halfWidth(_ c: Unicode.Scalar) -> Character? {
        switch c.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(c.value - 0xFEE0).map(Character.init)
        case 0x3000: return " "
        case 0x3001: return ","
        case 0x3002: return "."
        case 0x3010: return "["
        case 0x3011: return "]"
        default: return nil
        }
    }

    /// LaTeX commands that only size the delimiter after them: `\left(` is `(`.
    static let sizeCommands: Set<String> = [
        "left", "right", "middle", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr",
        "biggl", "biggr", "Biggl", "Biggr", "bigm", "Bigm",
    ]
    /// `\mathrm{softmax}`, `\text{head}_1`: a word that is a name.
    static let wordCommands: Set<String> = ["text", "mathrm", "operatorname", "textrm", "mathit", "mathbf", "boldsymbol", "textbf", "mathsf", "mathnormal"]
    /// Matrix environments read as bracket literals.
    static let matrixEnvironments: Set<String> = ["bmatrix", "pmatrix", "matrix", "Bmatrix", "vmatrix"]

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

    private mutating func emit(_ kind: TokenKind, _ start: Int, fromCommand: Bool = false) {
        tokens.append(Token(kind: kind, range: SourceRange(start, max(i, start)), spaceBefore: sawSpace, fromCommand: fromCommand))
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

    /// After a base name: an optional subscript `_x`, `_12`, `_{2,1}`, or in Unicode `₂,₁`.
    private mutating func finishName(base: String, _ start: Int, fromCommand: Bool = false) throws {
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
                sub = Lexer.unicodeSubscriptsAsASCII(text)
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
        } else if let c = peek(), Lexer.isSubscript(c) {
            // `x₁`, `e₂,₁`, `hₜ₋₁`: a comma belongs to the subscript only between subscript characters.
            var text = ""
            while let c = peek() {
                if let a = NameSpelling.unsubscripted(Character(c)) {
                    text.append(a)
                    i += 1
                } else if c == ",", let n = peek(1), Lexer.isSubscript(n) {
                    text.append(",")
                    i += 1
                } else {
                    break
                }
            }
            sub = text
        }
        if sub == nil && base == "pi" { emit(.pi, start, fromCommand: fromCommand); return }
        emit(.name(Name(base, subscript: sub)), start, fromCommand: fromCommand)
    }

    /// `_{₂,₁}` is `_{2,1}` too.
    private static func unicodeSubscriptsAsASCII(_ text: String) -> String {
        String(text.map { NameSpelling.unsubscripted($0) ?? $0 })
    }

    private mutating func command(_ start: Int) throws {
        i += 1
        guard let c = peek() else { throw Diagnostic("a lone \\ at the end", at: SourceRange(start, i)) }
        if Lexer.isASCIILetter(c) {
            var word = ""
            while let c = peek(), Lexer.isASCIILetter(c) { word.unicodeScalars.append(c); i += 1 }
            if let letter = NameSpelling.letter(command: word) {
                try finishName(base: letter, start)
            } else if ["quad", "qquad"].contains(word) {
                sawSpace = true
            } else if Lexer.sizeCommands.contains(word) {
                try sizedDelimiter(word, start)
            } else if Lexer.wordCommands.contains(word), let base = braceWord() {
                try finishName(base: base, start, fromCommand: true)
            } else if word == "begin" || word == "end" {
                try environment(begin: word == "begin", start)
            } else if word == "odot" {
                emit(.symbol(".*"), start)
            } else if word == "oslash" {
                emit(.symbol("./"), start)
            } else if word == "lVert" || word == "rVert" || word == "Vert" {
                emit(.symbol("‖"), start)
            } else if word == "lvert" || word == "rvert" || word == "vert" {
                emit(.symbol("|"), start)
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
        case "|": emit(.symbol("‖"), start)
        case "\\" where matrixDepth > 0: emit(.symbol(";"), start)
        case "\\": throw Diagnostic("\\\\ (a new row) belongs inside \\begin{bmatrix} … \\end{bmatrix}", at: SourceRange(start, i))
        default: throw Diagnostic("unknown LaTeX command \\\(c)", at: SourceRange(start, i))
        }
    }

    /// `{word}` right after `\mathrm`: the word when the braces hold one name (letters and digits).
    private mutating func braceWord() -> String? {
        var k = i
        guard k < s.count, s[k] == "{" else { return nil }
        k += 1
        while k < s.count, s[k] == " " { k += 1 }
        var word = ""
        while k < s.count, Lexer.isASCIILetter(s[k]) || Lexer.isDigit(s[k]) || Lexer.isGreek(s[k]) {
            word += NameSpelling.ascii(Character(s[k])) ?? String(s[k])
            k += 1
        }
        while k < s.count, s[k] == " " { k += 1 }
        guard !word.isEmpty, let first = word.unicodeScalars.first, !Lexer.isDigit(first), k < s.count, s[k] == "}" else { return nil }
        i = k + 1
        return word
    }

    /// `\left(`, `\Bigr]`, `\left\|`: the size goes, the delimiter stays (with no space before
    /// it, so `\mathrm{softmax}\left(` is a call).
    private mutating func sizedDelimiter(_ word: String, _ start: Int) throws {
        let keepSpace = sawSpace
        while peek() == " " { i += 1 }
        sawSpace = keepSpace
        guard let d = peek() else {
            throw Diagnostic("expected a delimiter after \\\(word)", at: SourceRange(start, i))
        }
        if d == "\\" {
            let save = i
            i += 1
            if peek() == "{" || peek() == "}" || peek() == "|" {
                let c = s[i]
                i += 1
                if c == "{" { open.append("{"); emit(.symbol("{"), start) }
                else if c == "}" { if open.last == "{" { open.removeLast() }; emit(.symbol("}"), start) }
                else { emit(.symbol("‖"), start) }
                return
            }
            i = save
            try command(start)
            return
        }
        if d == "." {
            i += 1
            throw Diagnostic("\\\(word). (an invisible delimiter) has no meaning here: use ( ) or [ ]", at: SourceRange(start, i))
        }
        guard "()[]|".unicodeScalars.contains(d) else {
            throw Diagnostic("expected a delimiter such as ( or [ after \\\(word)", at: SourceRange(start, i))
        }
        try symbol(d, start)
    }

    /// `\begin{bmatrix}` opens a bracket literal, `\end{bmatrix}` closes it.
    private mutating func environment(begin: Bool, _ start: Int) throws {
        var k = i
        while k < s.count, s[k] == " " { k += 1 }
        var name = ""
        if k < s.count, s[k] == "{" {
            k += 1
            while k < s.count, Lexer.isASCIILetter(s[k]) || s[k] == "*" { name.unicodeScalars.append(s[k]); k += 1 }
            if k < s.count, s[k] == "}" { k += 1 } else { name = "" }
        }
        i = k
        guard Lexer.matrixEnvironments.contains(name) else {
            throw Diagnostic("\\\(begin ? "begin" : "end"){\(name)}: only matrix environments (bmatrix, pmatrix) are understood",
                             at: SourceRange(start, i))
        }
        if begin {
            matrixDepth += 1
            open.append("[")
            emit(.symbol("["), start, fromCommand: true)
        } else {
            if matrixDepth > 0 { matrixDepth -= 1 }
            if open.last == "[" { open.removeLast() } else { sawMismatch = true }
            emit(.symbol("]"), start)
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
            if let n = peek(), n == "*" || n == "/" || n == "^" {
                i += 1
                emit(.symbol("." + String(n)), start)
                return
            }
            throw PythonHabit.dot(s, at: start, after: tokens.last)
        case "*" where peek() == "*":
            i += 1
            throw Diagnostic(PythonHabit.doubleStar, at: SourceRange(start, i))
        case "+" where peek() == "=", "-" where peek() == "=", "*" where peek() == "=", "/" where peek() == "=":
            i += 1
            throw Diagnostic(PythonHabit.update(Character(c)), at: SourceRange(start, i))
        case "&" where matrixDepth > 0:
            emit(.symbol(","), start)
            return
        case ",", ";", "=", "+", "-", "*", "/", "@", "^", "'", ":", "|", "_":
            break
        case "\u{2032}", "\u{2019}":     // ′ and ’ pasted from documents mean transpose
            emit(.symbol("'"), start)
            return
        case "\u{1D40}":                 // ᵀ as UnicodeMath prints it
            emit(.symbol("ᵀ"), start)
            return
        case "\u{221A}":                 // √ as UnicodeMath prints it
            emit(.symbol("√"), start)
            return
        case "\u{2016}":                 // ‖x‖
            emit(.symbol("‖"), start)
            return
        case "\u{2299}":                 // ⊙
            emit(.symbol(".*"), start)
            return
        case "\u{2298}":                 // ⊘
            emit(.symbol("./"), start)
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
            if Lexer.isSubscript(c) {
                throw Diagnostic("a subscript like '\(Character(c))' belongs right after a name (x₁)", at: SourceRange(start, i))
            }
            if let ascii = Lexer.halfWidth(c) {
                throw Diagnostic("full-width '\(Character(c))': type the half-width '\(ascii)'", at: SourceRange(start, i))
            }
            throw Diagnostic("unexpected character '\(Sanitize.text(String(c)))'", at: SourceRange(start, i))
        }
        emit(.symbol(String(c)), start)
    }
}

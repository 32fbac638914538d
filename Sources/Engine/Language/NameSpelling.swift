// The one table of how names are spelled: Greek letters by their Unicode character, their
// ASCII name and their LaTeX command (`α`, `alpha`, `\alpha` are one letter), and the Unicode
// subscript characters the screen prints (`x₁` is `x_1`). The lexer reads these spellings,
// UnicodeMath and LaTeX print them, so whatever is printed can be typed back.

public enum NameSpelling {
    /// Every Greek letter a name may use: the character printed, then its ASCII (and LaTeX) name.
    /// Capitals that look like Latin letters (Α, Β …) are not letters of their own.
    static let greek: [(character: Character, name: String)] = [
        ("α", "alpha"), ("β", "beta"), ("γ", "gamma"), ("δ", "delta"), ("ε", "epsilon"), ("ζ", "zeta"),
        ("η", "eta"), ("θ", "theta"), ("ι", "iota"), ("κ", "kappa"), ("λ", "lambda"), ("μ", "mu"),
        ("ν", "nu"), ("ξ", "xi"), ("π", "pi"), ("ρ", "rho"), ("σ", "sigma"), ("τ", "tau"),
        ("υ", "upsilon"), ("φ", "phi"), ("χ", "chi"), ("ψ", "psi"), ("ω", "omega"),
        ("Γ", "Gamma"), ("Δ", "Delta"), ("Θ", "Theta"), ("Λ", "Lambda"), ("Ξ", "Xi"), ("Π", "Pi"),
        ("Σ", "Sigma"), ("Υ", "Upsilon"), ("Φ", "Phi"), ("Ψ", "Psi"), ("Ω", "Omega"),
    ]
    /// Other characters and LaTeX commands for the same letters (read, never printed).
    static let variants: [(character: Character?, command: String, name: String)] = [
        ("ϵ", "varepsilon", "epsilon"), ("ϕ", "varphi", "phi"), ("ϑ", "vartheta", "theta"),
        ("ς", "varsigma", "sigma"), ("ϱ", "varrho", "rho"), ("ϖ", "varpi", "pi"),
    ]

    private static let byCharacter: [Character: String] = {
        var table = Dictionary(greek.map { ($0.character, $0.name) }, uniquingKeysWith: { a, _ in a })
        for v in variants { if let c = v.character { table[c] = v.name } }
        return table
    }()
    private static let byName: [String: Character] = Dictionary(greek.map { ($0.name, $0.character) }, uniquingKeysWith: { a, _ in a })
    private static let commands: [String: String] = {
        var table = Dictionary(greek.map { ($0.name, $0.name) }, uniquingKeysWith: { a, _ in a })
        for v in variants { table[v.command] = v.name }
        return table
    }()

    /// The ASCII spelling of a letter written as a Greek character (`α` → `alpha`).
    public static func ascii(_ c: Character) -> String? { byCharacter[c] }
    /// The Greek character of a spelled-out letter (`alpha` → `α`).
    public static func character(_ name: String) -> Character? { byName[name] }
    /// Is this base a Greek letter's name (so LaTeX writes it `\alpha`)?
    public static func isGreek(_ name: String) -> Bool { byName[name] != nil }
    /// The letter a LaTeX command names (`\alpha` → `alpha`, `\varepsilon` → `epsilon`).
    static func letter(command: String) -> String? { commands[command] }

    // MARK: Subscripts

    /// The subscript characters UnicodeMath prints, by the ASCII character they stand for.
    /// (`,` stays itself: `e₂,₁` is `e_{2,1}`.)
    static let subscripts: [(ascii: Character, subscript: Character)] = [
        ("0", "₀"), ("1", "₁"), ("2", "₂"), ("3", "₃"), ("4", "₄"), ("5", "₅"), ("6", "₆"), ("7", "₇"),
        ("8", "₈"), ("9", "₉"), ("+", "₊"), ("-", "₋"), ("=", "₌"), ("(", "₍"), (")", "₎"),
        ("a", "ₐ"), ("e", "ₑ"), ("h", "ₕ"), ("i", "ᵢ"), ("j", "ⱼ"), ("k", "ₖ"), ("l", "ₗ"), ("m", "ₘ"),
        ("n", "ₙ"), ("o", "ₒ"), ("p", "ₚ"), ("r", "ᵣ"), ("s", "ₛ"), ("t", "ₜ"), ("u", "ᵤ"), ("v", "ᵥ"),
        ("x", "ₓ"),
    ]
    private static let toSubscript: [Character: Character] = Dictionary(subscripts.map { ($0.ascii, $0.subscript) }, uniquingKeysWith: { a, _ in a })
    private static let fromSubscript: [Character: Character] = Dictionary(subscripts.map { ($0.subscript, $0.ascii) }, uniquingKeysWith: { a, _ in a })

    /// `2,1` → `₂,₁`; nil when some character has no subscript form (`Q`).
    public static func subscripted(_ text: String) -> String? {
        var out = ""
        for c in text {
            if c == "," { out.append(c); continue }
            guard let s = toSubscript[c] else { return nil }
            out.append(s)
        }
        return out
    }

    /// `₂` → `2`; nil for a character that is not a subscript.
    static func unsubscripted(_ c: Character) -> Character? { fromSubscript[c] }
}

// Greek letters by their Unicode character and their spelled-out names, so `α`, `alpha`
// and `\alpha` are one letter.

enum NameSpelling {
    static let greek: [(Character, String)] = [
        ("α", "alpha"), ("β", "beta"), ("γ", "gamma"), ("δ", "delta"), ("ε", "epsilon"), ("ϵ", "epsilon"),
        ("ζ", "zeta"), ("η", "eta"), ("θ", "theta"), ("ι", "iota"), ("κ", "kappa"), ("λ", "lambda"),
        ("μ", "mu"), ("ν", "nu"), ("ξ", "xi"), ("π", "pi"), ("ρ", "rho"), ("σ", "sigma"), ("τ", "tau"),
        ("υ", "upsilon"), ("φ", "phi"), ("ϕ", "phi"), ("χ", "chi"), ("ψ", "psi"), ("ω", "omega"),
        ("Γ", "Gamma"), ("Δ", "Delta"), ("Θ", "Theta"), ("Λ", "Lambda"), ("Ξ", "Xi"), ("Π", "Pi"),
        ("Σ", "Sigma"), ("Υ", "Upsilon"), ("Φ", "Phi"), ("Ψ", "Psi"), ("Ω", "Omega"),
    ]

    static let byCharacter: [Character: String] = Dictionary(greek, uniquingKeysWith: { a, _ in a })
    static let spelled: Set<String> = Set(greek.map(\.1)).union(["varepsilon", "varphi", "vartheta"])

    /// The ASCII spelling of a letter written as a Greek character.
    static func ascii(_ c: Character) -> String? { byCharacter[c] }

    /// The canonical base of `\varepsilon` and friends.
    static func canonical(_ spelledName: String) -> String {
        switch spelledName {
        case "varepsilon": return "epsilon"
        case "varphi": return "phi"
        case "vartheta": return "theta"
        default: return spelledName
        }
    }
}

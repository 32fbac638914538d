// Functions applied to every element: exp log sqrt tanh sigmoid relu sin cos abs.
#if canImport(Glibc)
import Glibc
#endif

enum ElementwiseBuiltins {
    static let table: [Builtin] = [
        function(.exp, "eˣ", Glibc.exp),
        function(.log, "natural logarithm", Glibc.log),
        function(.sqrt, "square root (exact for perfect squares)", Glibc.sqrt),
        function(.tanh, "hyperbolic tangent", Glibc.tanh),
        function(.sigmoid, "1 / (1 + e⁻ˣ)", { 1 / (1 + Glibc.exp(-$0)) }),
        function(.sin, "sine", Glibc.sin),
        function(.cos, "cosine", Glibc.cos),
        Builtin("relu", 1...1, "relu(x)", "max(x, 0), element-wise") { c in
            try c[0].map({ try $0.sign > 0 ? $0 : .zero }, float: { Swift.max($0, 0) })
        },
        Builtin("abs", 1...1, "abs(x)", "absolute value, element-wise") { c in
            try c[0].map({ try $0.sign < 0 ? -$0 : $0 }, float: { Swift.abs($0) })
        },
    ]

    private static func function(_ f: RealFunction, _ summary: String,
                                 _ float: @escaping @Sendable (Double) -> Double) -> Builtin {
        Builtin(f.rawValue, 1...1, "\(f.rawValue)(x)", "\(summary), element-wise") { c in
            try c[0].map({ try $0.apply(f) }, float: float)
        }
    }
}

// The exact form of a number as formula-language text: "7/2", "exp(1)/(exp(1) + exp(2) + exp(3))".

public enum ExactForm {
    /// The reduced fraction of a rational; a real's expression when it is at most `limit`
    /// characters long, else nil.
    public static func string(_ value: Scalar, limit: Int = 160) -> String? {
        switch value {
        case let .rational(q): return q.description
        case let .real(n):
            if n.isProvedZero { return "0" }
            var budget = limit
            return render(n, &budget)?.text
        }
    }

    static let limitDepth = 64

    /// Binding strength of the rendered text: sums bind loosest.
    private enum Strength: Int, Comparable {
        case sum = 1, product = 2, unary = 3, atom = 4
        static func < (a: Strength, b: Strength) -> Bool { a.rawValue < b.rawValue }
    }

    private struct Piece {
        var text: String
        var strength: Strength
        var negative = false        // text starts with a minus sign
    }

    private static func spend(_ s: String, _ budget: inout Int) -> String? {
        budget -= s.utf8.count      // exact forms are ASCII
        return budget >= 0 ? s : nil
    }

    private static func rational(_ q: Rational, _ budget: inout Int) -> Piece? {
        guard let t = spend(q.description, &budget) else { return nil }
        let strength: Strength = q.isInteger ? (q.sign < 0 ? .unary : .atom) : .product
        return Piece(text: t, strength: strength, negative: q.sign < 0)
    }

    /// `p` in parentheses when it binds looser than `s`; a leading minus is fine only on the left.
    private static func wrapped(_ p: Piece, below s: Strength, left: Bool = false, _ budget: inout Int) -> String? {
        guard p.strength < s || (!left && p.negative && s > .sum) else { return p.text }
        return spend("()", &budget).map { _ in "(" + p.text + ")" }
    }

    private static func render(_ n: RealNode, _ budget: inout Int) -> Piece? {
        // A graph this deep cannot print within any budget; stop before recursing into it.
        // Nor into one with more leaves than characters left (a 64-term attention output sum).
        guard budget > 0, n.depth <= limitDepth, n.leafCount <= budget else { return nil }
        switch n.operation {
        case let .constant(q):
            return rational(q, &budget)
        case .pi:
            return spend("pi", &budget).map { Piece(text: $0, strength: .atom) }
        case let .function(f, x):
            guard let inner = render(x, &budget), spend("\(f.rawValue)()", &budget) != nil else { return nil }
            return Piece(text: "\(f.rawValue)(\(inner.text))", strength: .atom)
        case let .magnitude(x):
            guard let inner = render(x, &budget), spend("abs()", &budget) != nil else { return nil }
            return Piece(text: "abs(\(inner.text))", strength: .atom)
        case let .power(x, e):
            guard let base = render(x, &budget), let b = wrapped(base, below: .atom, &budget),
                  let ex = spend("^(\(e))", &budget) else { return nil }
            return Piece(text: b + ex, strength: .atom)
        case let .scaled(x, c):
            return render(x, &budget).flatMap { scaled(c, $0, &budget) }
        case let .product(a, b):
            guard let l = render(a, &budget), let r = render(b, &budget),
                  let lt = wrapped(l, below: .product, left: true, &budget), let rt = wrapped(r, below: .atom, &budget),
                  spend("*", &budget) != nil else { return nil }
            return Piece(text: lt + "*" + rt, strength: .product, negative: l.negative)
        case let .quotient(a, b):
            guard let l = render(a, &budget), let r = render(b, &budget),
                  let lt = wrapped(l, below: .product, left: true, &budget), let rt = wrapped(r, below: .atom, &budget),
                  spend("/", &budget) != nil else { return nil }
            return Piece(text: lt + "/" + rt, strength: .product, negative: l.negative)
        case let .sum(terms):
            // Each term prints at least one character and each joint three (" + "): a 64-term
            // attention output sum cannot fit 160 characters, so do not start on it.
            guard 4 * terms.count - 3 <= budget else { return nil }
            var text = ""
            for (i, t) in terms.enumerated() {
                guard let inner = render(t.node, &budget),
                      let p = t.coefficient == .one ? inner : scaled(t.coefficient, inner, &budget) else { return nil }
                if i == 0 {
                    text = p.text
                } else if p.negative, p.text.hasPrefix("-") {
                    guard spend(" - ", &budget) != nil else { return nil }
                    text += " - " + p.text.dropFirst()
                } else {
                    guard spend(" + ", &budget) != nil else { return nil }
                    text += " + " + p.text
                }
            }
            return Piece(text: text, strength: .sum, negative: text.hasPrefix("-"))
        }
    }

    /// c·x from x's rendering: `-x`, `2*x`, `x/3`, `-x/3`, `3/2*x`.
    private static func scaled(_ c: Rational, _ inner: Piece, _ budget: inout Int) -> Piece? {
        if c == Rational(-1) {
            guard let t = wrapped(inner, below: .unary, &budget), spend("-", &budget) != nil else { return nil }
            return Piece(text: "-" + t, strength: .unary, negative: true)
        }
        if c.isInteger || c.reciprocal.isInteger == false {
            guard let k = rational(c, &budget), let kt = wrapped(k, below: .product, left: true, &budget),
                  let t = wrapped(inner, below: .product, &budget), spend("*", &budget) != nil else { return nil }
            return Piece(text: kt + "*" + t, strength: .product, negative: c.sign < 0)
        }
        // c = ±1/k: write x/k.
        guard let t = wrapped(inner, below: .product, &budget) else { return nil }
        let k = c.reciprocal
        guard let ks = spend("/\(k.magnitude)", &budget) else { return nil }
        if k.sign < 0 {
            guard spend("-", &budget) != nil else { return nil }
            return Piece(text: "-" + t + ks, strength: .unary, negative: true)
        }
        return Piece(text: t + ks, strength: .product)
    }
}

// Shared by the test targets: the acceptance rule for printed digits.
import Engine

/// The acceptance rule: a printed decimal is right when it differs from the true value by less
/// than one unit in its last printed digit, and carries the requested digits (or is shorter and still within a unit).
public enum DigitCheck {
    public static func rational(_ s: String) -> Rational? {
        let negative = s.hasPrefix("-")
        guard let r = Rational(literal: negative ? String(s.dropFirst()) : s) else { return nil }
        return negative ? -r : r
    }

    /// One unit in the last place of a printed decimal.
    public static func unit(_ printed: String) -> Rational {
        var mantissa = printed.hasPrefix("-") ? String(printed.dropFirst()) : printed
        var exponent = 0
        if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(mantissa[mantissa.index(after: e)...])!
            mantissa = String(mantissa[..<e])
        }
        let fraction = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let decimals = fraction.count == 2 ? fraction[1].count : 0
        return Rational(10).raised(to: exponent - decimals)
    }

    public static func within(_ printed: String, reference: String, digits: Int) -> Bool {
        guard let p = rational(printed), let r = rational(reference) else { return false }
        if p == .zero || r == .zero { return p == r }
        // The reference is itself rounded at 40 digits: allow its half-unit too.
        let slack = r.magnitude * Rational(1, 2) * Rational(10).raised(to: -39)
        guard (p - r).magnitude < unit(printed) + slack else { return false }
        // Enough digits: a shorter string must still be within one unit of the digits-th digit.
        let significant = printed.filter(\.isNumber).drop { $0 == "0" }.count
        if significant >= digits || printed.contains("e") { return true }
        let full = DecimalFormat.string(r, digits: digits)
        return (p - r).magnitude < unit(full) + slack
    }

    public static func isPlainFraction(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy { $0.isNumber || $0 == "/" || $0 == "-" }
    }
}

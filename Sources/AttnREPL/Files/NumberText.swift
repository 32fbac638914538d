// Numbers written in text files (CSV cells, JSON numbers, exact forms): read exactly, as typed.
import Engine

enum NumberText {
    /// `-2.5`, `+1e-3`, `.5`, `7` as the exact decimal they spell; nil for anything else.
    static func decimal<S: StringProtocol>(_ text: S) -> Rational? {
        var body = Substring(text)
        var negative = false
        if let first = body.first, first == "-" || first == "+" {
            negative = first == "-"
            body = body.dropFirst()
        }
        guard let first = body.first, first.isASCII, first.isNumber || first == "." else { return nil }
        guard let q = Rational(literal: String(body)) else { return nil }
        return negative ? -q : q
    }

    /// A decimal or a fraction `p/q` (how exact rationals are written): `-7`, `1/3`.
    static func rational<S: StringProtocol>(_ text: S) -> Rational? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return decimal(parts[0])
        case 2:
            guard let n = decimal(parts[0]), let d = decimal(parts[1]), !d.isZero, parts[1].first != "-" else { return nil }
            return n / d
        default: return nil
        }
    }

    /// The exact decimal of a terminating rational (`0.1000000000000000055511151231257827021181583404541015625`
    /// for the double nearest 0.1), nil when it does not terminate or would exceed the digit limit.
    static func exactDecimal(_ q: Rational) -> String? {
        // n/d with d = 2^a·5^b has at most bits(n) + bits(d) significant digits.
        let digits = q.bitSize + 2
        guard digits <= Limits.maximumDigits else { return nil }
        let text = DecimalFormat.string(q, digits: digits)
        return decimal(text) == q ? text : nil
    }
}

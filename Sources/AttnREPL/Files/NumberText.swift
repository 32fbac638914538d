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
        guard let q = small(body) ?? Rational(literal: String(body)) else { return nil }
        return negative ? -q : q
    }

    /// The common case without big integers: at most 18 digits and a small exponent
    /// (`0.0123`, `-4.5e-3`); nil when the text needs the general reader.
    private static func small(_ text: Substring) -> Rational? {
        var mantissa: Int64 = 0, digits = 0, fraction = 0, exponent = 0
        var seenDot = false, seenDigit = false
        var i = text.utf8.startIndex
        let bytes = text.utf8
        while i < bytes.endIndex {
            let b = bytes[i]
            if b >= 48 && b <= 57 {
                seenDigit = true
                if mantissa > 0 || b != 48 { digits += 1 }
                guard digits <= 18 else { return nil }
                mantissa = mantissa * 10 + Int64(b - 48)
                if seenDot { fraction += 1 }
            } else if b == 46, !seenDot {
                seenDot = true
            } else if b == 101 || b == 69 {
                guard let e = Int(String(text[text.utf8.index(after: i)...]).drop { $0 == "+" }), abs(e) <= 18 else { return nil }
                exponent = e
                break
            } else {
                return nil
            }
            i = bytes.index(after: i)
        }
        let scale = exponent - fraction
        guard seenDigit, abs(scale) <= 18 else { return nil }
        var power: Int64 = 1
        for _ in 0..<abs(scale) { power *= 10 }
        if scale >= 0 {
            let (n, overflow) = mantissa.multipliedReportingOverflow(by: power)
            return overflow ? nil : Rational(n, 1)
        }
        return Rational(mantissa, power)
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
}

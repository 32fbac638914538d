// Numbers written in text files (CSV cells, JSON numbers, exact forms): read exactly, as typed.
import Engine

enum NumberText {
    /// Digits (significant digits plus the exponent's reach) one decimal in a file may spell:
    /// room for every double's exact decimal (the smallest subnormal has 1075 after the point),
    /// but not for `1e99999`, six characters that would cost 40 KB each.
    static let digitsPerDecimal = 2200
    /// Characters one decimal cell may have: its digits, a sign, a point, an exponent, padding.
    static let maximumCellBytes = digitsPerDecimal + 64
    /// For exact fractions (`p/q`) in the program's own JSON, as large as any rational it holds.
    static let digitsPerFraction = Limits.maximumRationalBits * 3 / 10

    /// `-2.5`, `+1e-3`, `.5`, `7` as the exact decimal they spell; nil for anything else.
    static func decimal<S: StringProtocol>(_ text: S, maxDigits: Int = digitsPerDecimal) -> Rational? {
        var body = Substring(text)
        var negative = false
        if let first = body.first, first == "-" || first == "+" {
            negative = first == "-"
            body = body.dropFirst()
        }
        guard let first = body.first, first.isASCII, first.isNumber || first == "." else { return nil }
        guard let q = Rational(literal: String(body), maxDigits: maxDigits) else { return nil }
        return negative ? -q : q
    }

    /// Why `text` was not read as a decimal: too many digits, or not a number at all.
    static func problem(_ text: String) -> Message {
        let body = text.drop { $0 == "-" || $0 == "+" }
        let spelled = body.contains { $0.isASCII && $0.isNumber } && body.allSatisfy { $0.isASCII && ($0.isNumber || ".eE+-".contains($0)) }
        return spelled ? "\(TensorFile.quoted(text)) has more digits than attn-repl reads from a file (\(digitsPerDecimal))"
                       : "\(TensorFile.quoted(text)) is not a number"
    }

    /// A decimal or a fraction `p/q` (how exact rationals are written): `-7`, `1/3`.
    static func rational<S: StringProtocol>(_ text: S) -> Rational? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return decimal(parts[0], maxDigits: digitsPerFraction)
        case 2:
            guard let n = decimal(parts[0], maxDigits: digitsPerFraction), let d = decimal(parts[1], maxDigits: digitsPerFraction),
                  !d.isZero, parts[1].first != "-" else { return nil }
            return n / d
        default: return nil
        }
    }
}

/// The memory a file's numbers may take together. Each number is bounded on its own, but
/// millions of bounded numbers could still exhaust memory.
struct BitBudget {
    static let limit = 1 << 31   // 256 MiB of numerators and denominators
    private var spent = 0

    mutating func spend(_ q: Rational, at position: @autoclosure () -> Message) throws {
        spent += q.bitSize
        guard spent <= BitBudget.limit else {
            throw FormatProblem("the numbers up to \(position()) take more than \(BitBudget.limit / (8 << 20)) MiB as exact values; that is more than attn-repl reads from one file")
        }
    }
}

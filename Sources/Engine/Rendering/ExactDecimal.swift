// The full decimal expansion of a rational that has one: what a text file can hold exactly.

extension DecimalFormat {
    /// Every digit of `q` when its denominator is 2^a·5^b (`0.1`, `-0.00000025`, and every
    /// double: 0.1 as a double is `0.1000000000000000055511151231257827021181583404541015625`);
    /// nil for other rationals (1/3) and for ones too large to write out.
    public static func exactString(_ q: Rational) -> String? {
        guard q.bitSize <= 4 * Limits.maximumDigits else { return nil }
        var twos = 0, fives = 0
        switch q.storage {
        case let .small(_, d):
            var rest = d.magnitude
            twos = rest.trailingZeroBitCount
            rest >>= UInt64(twos)
            while rest % 5 == 0 { rest /= 5; fives += 1 }
            guard rest == 1 else { return nil }
        case .big:
            var rest = q.denominator
            let two = BigInteger(2), five = BigInteger(5)
            while rest.isEven { rest = rest.quotientAndRemainder(dividingBy: two).0; twos += 1 }
            while true {
                let (quotient, remainder) = rest.quotientAndRemainder(dividingBy: five)
                guard remainder.sign == 0 else { break }
                rest = quotient
                fives += 1
            }
            guard rest.compare(BigInteger(1)) == 0 else { return nil }
        }
        // q = n / (2^twos·5^fives) = n·2^(k−twos)·5^(k−fives) / 10^k. The last digit is never 0:
        // n shares no factor with the denominator.
        let k = max(twos, fives)
        let scaled = q.numerator.magnitude()
            .multiplying(BigInteger.power(2, UInt(k - twos)))
            .multiplying(BigInteger.power(5, UInt(k - fives)))
        var digits = scaled.decimalString
        if k > 0 {
            if digits.count <= k { digits = String(repeating: "0", count: k - digits.count + 1) + digits }
            let point = digits.index(digits.endIndex, offsetBy: -k)
            digits = digits[..<point] + "." + digits[point...]
        }
        return (q.sign < 0 ? "-" : "") + digits
    }
}

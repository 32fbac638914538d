// How one number is shown: its exact form and its decimal digits, computed once.

public struct CellText: Sendable {
    /// `7/2`, `exp(1/2)/(exp(1/2) + 2)`, or nil where no short exact form exists (or in float mode).
    public let exact: String?
    /// Rounded to the requested significant digits.
    public let decimal: String
    /// True when `decimal` is the value exactly (an integer or a terminating fraction that fits).
    public let decimalIsExact: Bool

    public init(_ value: Scalar, digits: Int, exactLimit: Int = 160) {
        self.init(value, decimal: DecimalFormat.string(value, digits: digits), exact: ExactForm.string(value, limit: exactLimit))
    }

    /// A cell whose digits and exact form are already known (see CellBatch).
    init(_ value: Scalar, decimal: String, exact: String?) {
        self.decimal = decimal
        self.exact = exact
        if let q = value.rational, let back = Rational(literal: decimal.hasPrefix("-") ? String(decimal.dropFirst()) : decimal) {
            decimalIsExact = (decimal.hasPrefix("-") ? -back : back) == q
        } else {
            if case let .real(n) = value { decimalIsExact = n.isProvedZero } else { decimalIsExact = false }   // ExponentialPolynomial
        }
    }

    public init(float x: Double, digits: Int) {
        decimal = DecimalFormat.string(x, digits: digits)
        exact = nil
        decimalIsExact = false
    }

    /// The cells of a tensor, row-major.
    public static func cells(_ t: Tensor, digits: Int, exactLimit: Int = 160) -> [CellText] {
        switch t.elements {
        case let .exact(e): return CellBatch.cells(e, digits: digits, exactLimit: exactLimit)
        case let .float(d): return d.map { CellText(float: $0, digits: digits) }
        }
    }

    /// One line: `7/2 = 3.5`, `1/3 ≈ 0.333333`, `≈ 0.0900306`, `3`.
    public var summary: String {
        if decimalIsExact { return exact == decimal || exact == nil ? decimal : "\(exact!) = \(decimal)" }
        if let exact { return "\(exact) ≈ \(decimal)" }
        return "≈ \(decimal)"
    }
}

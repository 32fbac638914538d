// Tensors: scalars, column vectors and matrices, exact or (float mode) IEEE double.

public enum Shape: Hashable, Sendable, CustomStringConvertible {
    case scalar
    case vector(Int)          // a column vector
    case matrix(Int, Int)     // rows × columns; a transposed vector is a 1×n matrix

    /// Rows and columns, a vector counting as n×1.
    public var rows: Int {
        switch self { case .scalar: return 1; case let .vector(n): return n; case let .matrix(r, _): return r }
    }
    public var cols: Int {
        switch self { case .scalar, .vector: return 1; case let .matrix(_, c): return c }
    }
    public var count: Int { rows * cols }

    /// The JSON form: `[]`, `[n]`, `[r, c]`.
    public var dimensions: [Int] {
        switch self { case .scalar: return []; case let .vector(n): return [n]; case let .matrix(r, c): return [r, c] }
    }

    /// `scalar`, `3-vector`, `2×3`: how shapes are named in messages.
    public var description: String {
        switch self {
        case .scalar: return "scalar"
        case let .vector(n): return "\(n)-vector"
        case let .matrix(r, c): return "\(r)×\(c)"
        }
    }
}

public struct Tensor: Sendable {
    public enum Elements: Sendable {
        case exact([Scalar])
        case float([Double])
    }

    public let shape: Shape
    private let storage: Storage

    private enum Storage: Sendable {
        case elements(Elements)
        /// An exact softmax whose weights are made when first read (SoftmaxRows).
        case softmax(SoftmaxRows)
    }

    /// Row-major.
    public var elements: Elements {
        switch storage {
        case let .elements(e): return e
        case let .softmax(rows): return .exact(rows.elements)
        }
    }

    public init(shape: Shape, exact: [Scalar]) {
        precondition(shape.count == exact.count, "shape and element count disagree")
        self.shape = shape
        self.storage = .elements(.exact(exact))
    }

    public init(shape: Shape, float: [Double]) {
        precondition(shape.count == float.count, "shape and element count disagree")
        self.shape = shape
        self.storage = .elements(.float(float))
    }

    init(shape: Shape, softmax rows: SoftmaxRows) {
        precondition(shape.count == rows.count * rows.width, "shape and element count disagree")
        self.shape = shape
        self.storage = .softmax(rows)
    }

    public init(_ s: Scalar) { self.init(shape: .scalar, exact: [s]) }
    public init(_ q: Rational) { self.init(.rational(q)) }

    /// The rows of an exact softmax whose weights are not made yet (a product by rationals
    /// needs only their numerators and denominators).
    var softmaxRows: SoftmaxRows? {
        if case let .softmax(rows) = storage { return rows }
        return nil
    }

    /// An exact softmax over rows whose weights are made when read: attention weights by
    /// construction (each entry in (0, 1), each row summing to 1), known without reading one.
    public var isSoftmaxOfRows: Bool { softmaxRows != nil }

    public var isFloat: Bool { if case .elements(.float) = storage { return true } else { return false } }
    public var count: Int { shape.count }

    /// Exact elements; a float tensor's doubles become the exact binary fractions they are.
    public var exactElements: [Scalar] {
        switch elements {
        case let .exact(e): return e
        case let .float(d): return d.map { Rational(exactly: $0).map(Scalar.rational) ?? .zero }
        }
    }

    public var floatElements: [Double] {
        switch elements {
        case let .exact(e): return e.map(\.approximateDouble)
        case let .float(d): return d
        }
    }

    /// The element at a 0-based row-major position, as an exact scalar.
    public func scalar(at i: Int) -> Scalar {
        if let rows = softmaxRows { return rows.weight(at: i) }
        switch elements {
        case let .exact(e): return e[i]
        case let .float(d): return Rational(exactly: d[i]).map(Scalar.rational) ?? .zero
        }
    }

    /// The single value of a scalar tensor.
    public var scalarValue: Scalar? { shape == .scalar ? scalar(at: 0) : nil }

    /// The same elements with another shape of the same size.
    public func reshaped(_ s: Shape) -> Tensor {
        if let rows = softmaxRows, s.rows == rows.count, s.cols == rows.width, case .matrix = s { return Tensor(shape: s, softmax: rows) }
        switch elements {
        case let .exact(e): return Tensor(shape: s, exact: e)
        case let .float(d): return Tensor(shape: s, float: d)
        }
    }

    /// Builds a tensor of the same kind (exact or float) as `like`.
    static func make(_ shape: Shape, like float: Bool, exact: () throws -> [Scalar], float makeFloat: () -> [Double]) rethrows -> Tensor {
        float ? Tensor(shape: shape, float: makeFloat()) : Tensor(shape: shape, exact: try exact())
    }

    /// Refuses shapes whose element count is beyond the limit (`limit`: a float product's is larger).
    public static func checkSize(_ rows: Int, _ cols: Int, limit: Int = Limits.maximumElements) throws {
        guard rows >= 0, cols >= 0 else { throw Diagnostic("negative dimension \(min(rows, cols))") }
        let (n, overflow) = rows.multipliedReportingOverflow(by: cols)
        guard !overflow, n <= limit else {
            throw Diagnostic("a \(rows)×\(cols) tensor is too large (the limit is \(limit) elements)")
        }
    }

    /// Refuses exact rationals beyond the bit limit. Checked on every value the evaluator makes:
    /// each step at most doubles a size (x·x), so memory stays bounded while `x = x*x` repeats.
    public func checkRationalSizes() throws {
        // (A softmax's weights are reals: nothing to check, and nothing to make.)
        guard softmaxRows == nil, case let .exact(e) = elements else { return }
        for s in e {
            if case let .rational(q) = s, q.bitSize > Limits.maximumRationalBits {
                throw Diagnostic("an exact number here has \(q.bitSize) bits, more than the limit of \(Limits.maximumRationalBits); try \(setting: .float)")
            }
        }
    }
}

// NumPy's .npy format (https://numpy.org/devdocs/reference/generated/numpy.lib.format.html):
// a magic string, a version, a header that is a Python dict literal, then the raw elements.
// Reads little-endian floats, signed and unsigned integers and booleans, C or Fortran order,
// 0-d to 2-d; writes float64 in C order.
import Engine
import FoundationEssentials

enum NpyFile {
    static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)

    /// The element type named by the header's `descr`, e.g. `<f8`.
    enum ElementType {
        case float(bytes: Int), signed(bytes: Int), unsigned(bytes: Int), bool

        var size: Int {
            switch self {
            case let .float(b), let .signed(b), let .unsigned(b): return b
            case .bool: return 1
            }
        }
        var isFloat: Bool { if case .float = self { return true } else { return false } }

        /// NumPy's name: `float64`, `int8`, `uint16`, `bool`.
        var name: String {
            switch self {
            case let .float(b): return "float\(b * 8)"
            case let .signed(b): return "int\(b * 8)"
            case let .unsigned(b): return "uint\(b * 8)"
            case .bool: return "bool"
            }
        }
    }

    // MARK: Reading

    static func read(_ data: Data) throws -> LoadedTensor {
        let bytes = [UInt8](data)
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
            throw FormatProblem("not a .npy file (it does not begin with \\x93NUMPY)")
        }
        let major = bytes[6]
        let headerStart: Int, headerLength: Int
        switch major {
        case 1:
            headerStart = 10
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        case 2, 3:
            guard bytes.count >= 12 else { throw FormatProblem("the header is truncated") }
            headerStart = 12
            headerLength = (0..<4).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }
        default:
            throw FormatProblem(".npy format version \(major).\(bytes[7]) is not one attn-repl reads (1.0 to 3.0)")
        }
        guard headerStart + headerLength <= bytes.count else {
            throw FormatProblem("the header is truncated (it says \(headerLength) bytes, the file has \(bytes.count - headerStart) after byte \(headerStart))")
        }
        guard let headerText = String(bytes: bytes[headerStart..<(headerStart + headerLength)], encoding: .utf8) else {
            throw FormatProblem("the header (bytes \(headerStart)–\(headerStart + headerLength)) is not text")
        }
        let header = try Header(headerText)
        let shape = try TensorFile.shape(header.dimensions)
        let dataStart = headerStart + headerLength
        let expected = shape.count * header.type.size
        let found = bytes.count - dataStart
        guard found == expected else {
            let text = header.dimensions.map(String.init).joined(separator: "×")
            throw FormatProblem(found < expected
                ? "truncated: the header promises \(expected) bytes of data (\(text) of \(header.type.size) bytes each) but the file has \(found) after byte \(dataStart)"
                : "the file has \(found - expected) bytes beyond the \(expected) bytes of data its header describes (\(text)); is the header's shape wrong?")
        }
        var values = try bytes.withUnsafeBytes { raw in
            try decode(UnsafeRawBufferPointer(rebasing: raw[dataStart...]), count: shape.count, type: header.type, shape: shape)
        }
        if header.fortranOrder, case let .matrix(r, c) = shape {
            // Column-major on disk; tensors are row-major.
            values = (0..<(r * c)).map { i in values[(i % c) * r + i / c] }
        }
        let note: Message? = header.type.isFloat
            ? "read from float\(header.type.size * 8) data: each value is the exact binary fraction the file stores (0.1 stored as float64 is 3602879701896397/36028797018963968)"
            : nil
        return LoadedTensor(tensor: Tensor(shape: shape, exact: values), notes: note.map { [$0] } ?? [],
                            storedType: header.type.name, fromFloats: header.type.isFloat)
    }

    private static func decode(_ raw: UnsafeRawBufferPointer, count: Int, type: ElementType, shape: Shape) throws -> [Scalar] {
        var out: [Scalar] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            if i % 4096 == 0 { try Interrupt.check() }
            let at = i * type.size
            let q: Rational?
            switch type {
            case .float(4): q = Rational(exactly: Double(Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)))))
            case .float: q = Rational(exactly: Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))))
            case .signed(1): q = Rational(Int(Int8(bitPattern: raw[at])))
            case .signed(2): q = Rational(Int(Int16(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: Int16.self))))
            case .signed(4): q = Rational(Int(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: Int32.self))))
            case .signed: q = Rational(Int(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: Int64.self))))
            case .unsigned(1), .bool: q = Rational(Int(raw[at]))
            case .unsigned(2): q = Rational(Int(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt16.self))))
            case .unsigned(4): q = Rational(Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))))
            case .unsigned:
                let u = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
                q = Int(exactly: u).map(Rational.init) ?? Rational(literal: String(u))
            }
            guard let q else {
                throw FormatProblem("\(TensorFile.position(i, in: shape)) is not a finite number (nan or infinity); attn-repl computes with exact numbers")
            }
            out.append(.rational(q))
        }
        return out
    }

    /// The header dict: `{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }`.
    struct Header {
        let type: ElementType
        let fortranOrder: Bool
        let dimensions: [Int]

        init(_ text: String) throws {
            guard case let .dict(entries)? = try? PythonLiteral.parse(text) else {
                throw FormatProblem("malformed header (not a Python dict literal): \(TensorFile.quoted(text))")
            }
            guard case let .string(descr)? = entries["descr"] else {
                if case .list? = entries["descr"] { throw FormatProblem("a structured array (fields of several types); attn-repl reads plain numeric arrays") }
                throw FormatProblem("malformed header: no 'descr' string in \(TensorFile.quoted(text))")
            }
            guard case let .bool(fortran)? = entries["fortran_order"] else {
                throw FormatProblem("malformed header: no 'fortran_order' True/False in \(TensorFile.quoted(text))")
            }
            guard case let .tuple(items)? = entries["shape"] else {
                throw FormatProblem("malformed header: no 'shape' tuple in \(TensorFile.quoted(text))")
            }
            var dims: [Int] = []
            for item in items {
                guard case let .int(n) = item, n >= 0 else { throw FormatProblem("malformed header: the shape \(TensorFile.quoted(text)) is not a tuple of sizes") }
                dims.append(n)
            }
            type = try Header.elementType(descr)
            fortranOrder = fortran
            dimensions = dims
        }

        static func elementType(_ descr: String) throws -> ElementType {
            let chars = Array(descr)
            guard chars.count >= 2 else { throw FormatProblem("unknown element type '\(descr)'") }
            let order = chars[0], kind = chars[1], size = Int(String(chars.dropFirst(2)))
            if order == ">" { throw FormatProblem("big-endian data ('\(descr)'); save it little-endian (numpy: a.astype(a.dtype.newbyteorder('<')))") }
            guard "<|=".contains(order) else { throw FormatProblem("unknown element type '\(descr)'") }
            switch (kind, size) {
            case ("f", 4), ("f", 8): return .float(bytes: size!)
            case ("i", 1), ("i", 2), ("i", 4), ("i", 8): return .signed(bytes: size!)
            case ("u", 1), ("u", 2), ("u", 4), ("u", 8): return .unsigned(bytes: size!)
            case ("b", 1): return .bool
            case ("f", _): throw FormatProblem("float\((size ?? 0) * 8) data ('\(descr)'); attn-repl reads float32 and float64 (numpy: a.astype('float64'))")
            case ("c", _): throw FormatProblem("complex numbers ('\(descr)'); attn-repl computes with real numbers")
            case ("O", _): throw FormatProblem("an object array ('\(descr)'); attn-repl reads numeric arrays only")
            case ("U", _), ("S", _): throw FormatProblem("an array of strings ('\(descr)'); attn-repl reads numeric arrays only")
            default: throw FormatProblem("element type '\(descr)' is not one attn-repl reads (float32/64, int8–64, uint8–64, bool)")
            }
        }
    }

    // MARK: Writing

    /// Float64, C order. Exact values are rounded to the nearest double; a note says how many were.
    static func encode(_ tensor: Tensor) throws -> EncodedTensor {
        var doubles: [Double] = []
        doubles.reserveCapacity(tensor.count)
        var rounded = 0
        switch tensor.elements {
        case let .float(d):
            doubles = d
        case let .exact(values):
            for (i, v) in values.enumerated() {
                try Interrupt.check()
                // Most values (integers, anything read from a float file) are doubles already.
                if let q = v.rational, case let x = q.doubleValue, x.isFinite, Rational(exactly: x) == q {
                    doubles.append(x)
                    continue
                }
                guard let x = v.nearestDouble else {
                    throw FormatProblem("\(TensorFile.position(i, in: tensor.shape)) is too large for a float64")
                }
                if v.rational.flatMap({ q in Rational(exactly: x).map { $0 == q } }) != true { rounded += 1 }
                doubles.append(x)
            }
        }
        let dims = tensor.shape.dimensions
        let shapeText = dims.count == 1 ? "(\(dims[0]),)" : "(" + dims.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': \(shapeText), }"
        // Pad so the data starts on a 64-byte boundary, as NumPy does.
        let unpadded = magic.count + 4 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var data = Data(magic + [1, 0])
        let length = UInt16(header.utf8.count)
        data.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8)])
        data.append(contentsOf: Array(header.utf8))
        doubles.withUnsafeBufferPointer { buffer in
            for x in buffer { withUnsafeBytes(of: x.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        }
        var notes: [Message] = []
        if rounded > 0 {
            notes.append("\(rounded) of \(tensor.count) values were rounded to the nearest float64 (a .npy file holds doubles; save as .json to keep them exact)")
        }
        return EncodedTensor(data: data, notes: notes)
    }
}

// Tensors as JSON: a number, a list of numbers (a vector), a list of equal-length lists (a
// matrix), or the program's own value object {"shape", "exact", "values"} (SPEC §2.1), alone or
// as the "value" of `eval --format json` output. Saving writes the value object, exactly.
import Engine
import FoundationEssentials

enum JSONTensorFile {
    /// Exact forms up to this many characters are written when saving (the screen shows 160).
    static let exactFormLimit = 100_000

    static func read(_ data: Data) throws -> LoadedTensor {
        let root = try JSONReader.parse([UInt8](data))
        if case .object = root {
            if let inner = root["value"], case .object = inner { return try valueObject(inner) }
            return try valueObject(root)
        }
        return LoadedTensor(tensor: try nestedLists(root))
    }

    private static func number(_ v: JSONValue, _ where_: @autoclosure () -> Message, _ budget: inout BitBudget) throws -> Scalar {
        guard case let .number(text) = v else { throw FormatProblem("\(where_()) is not a number") }
        guard let q = NumberText.decimal(text) else {
            throw FormatProblem("\(where_()): \(NumberText.problem(text))")
        }
        try budget.spend(q, at: where_())
        return .rational(q)
    }

    private static func nestedLists(_ root: JSONValue) throws -> Tensor {
        var budget = BitBudget()
        switch root {
        case .number: return Tensor(try number(root, "the value", &budget))
        case let .array(items):
            guard let first = items.first else { throw FormatProblem("an empty list: there is nothing to load") }
            if case let .array(firstRow) = first {
                let shape = try TensorFile.shape([items.count, firstRow.count])
                var values: [Scalar] = []
                values.reserveCapacity(shape.count)
                for (r, row) in items.enumerated() {
                    try Interrupt.check()
                    guard case let .array(cells) = row else { throw FormatProblem("row \(r + 1) is not a list (a matrix is a list of lists)") }
                    guard cells.count == firstRow.count else {
                        throw FormatProblem("row \(r + 1) has \(cells.count) numbers but row 1 has \(firstRow.count)")
                    }
                    for (c, cell) in cells.enumerated() { values.append(try number(cell, "element [\(r + 1), \(c + 1)]", &budget)) }
                }
                return Tensor(shape: shape, exact: values)
            }
            let shape = try TensorFile.shape([items.count])
            return Tensor(shape: shape, exact: try items.enumerated().map { try number($1, "element [\($0 + 1)]", &budget) })
        default:
            throw FormatProblem("expected a number, a list of numbers, a list of lists, or an object with \"shape\", \"exact\" and \"values\"")
        }
    }

    /// `{"shape": [2], "exact": ["1/3", "exp(1)"], "values": ["0.333333", "2.71828"]}`: each element
    /// from its exact form where there is one, otherwise from its decimal (then not exact).
    private static func valueObject(_ object: JSONValue) throws -> LoadedTensor {
        guard case let .array(dims)? = object["shape"] else {
            throw FormatProblem("an object without a \"shape\" list (expected {\"shape\": [...], \"exact\": [...], \"values\": [...]})")
        }
        let sizes = try dims.map { d -> Int in
            guard case let .number(t) = d, let n = Int(t), n >= 0 else { throw FormatProblem("\"shape\" must be a list of sizes") }
            return n
        }
        let shape = try TensorFile.shape(sizes)
        func strings(_ key: String) throws -> [JSONValue]? {
            guard let v = object[key] else { return nil }
            guard case let .array(items) = v, items.count == shape.count else {
                throw FormatProblem("\"\(key)\" must be a list of \(shape.count) elements for shape \(shape)")
            }
            return items
        }
        let exact = try strings("exact"), decimals = try strings("values")
        guard exact != nil || decimals != nil else { throw FormatProblem("an object with neither \"exact\" nor \"values\"") }
        var values: [Scalar] = []
        values.reserveCapacity(shape.count)
        var approximate = 0
        var budget = BitBudget()
        for i in 0..<shape.count {
            try Interrupt.check()
            let at = TensorFile.position(i, in: shape)
            if case let .string(form)? = exact?[i] {
                let value = try exactForm(form, at)
                if let q = value.rational { try budget.spend(q, at: at) }
                values.append(value)
            } else if case let .string(text)? = decimals?[i] {
                guard let q = NumberText.decimal(text) else { throw FormatProblem("\(at) in \"values\": \(NumberText.problem(text))") }
                try budget.spend(q, at: at)
                values.append(.rational(q))
                approximate += 1
            } else {
                throw FormatProblem("\(at) has neither an exact form nor a decimal string")
            }
        }
        var notes: [Message] = []
        if approximate > 0 {
            notes.append("\(approximate) of \(shape.count) values had no exact form in the file and were read from their rounded decimals")
        }
        return LoadedTensor(tensor: Tensor(shape: shape, exact: values), notes: notes)
    }

    /// A rational (`-7`, `1/3`) directly; any other exact form (`exp(1/2)/(exp(1/2) + 2)`) is
    /// evaluated in the formula language, which cannot touch files or anything else.
    static func exactForm(_ form: String, _ at: Message) throws -> Scalar {
        if let q = NumberText.rational(form) { return .rational(q) }
        let value: Tensor
        do {
            value = try Interpreter().evaluateExpression(form)
        } catch let e as ProgramError {
            throw FormatProblem("\(at): the exact form \(TensorFile.quoted(form)) does not evaluate (\(e.diagnostic.text))")
        }
        guard let s = value.scalarValue, !value.isFloat else {
            throw FormatProblem("\(at): the exact form \(TensorFile.quoted(form)) is a \(value.shape), not a number")
        }
        return s
    }

    /// Written straight into text: a 4-million-element tree of JSON values took gigabytes.
    static func encode(_ tensor: Tensor, digits: Int) throws -> EncodedTensor {
        var missing = 0
        var exact: [String?] = []
        var decimals: [String] = []
        exact.reserveCapacity(tensor.count)
        decimals.reserveCapacity(tensor.count)
        switch tensor.elements {
        case let .float(d):
            for x in d {
                // A double is exactly a binary fraction: write that, so nothing is lost.
                exact.append(Rational(exactly: x)?.description)
                decimals.append(DecimalFormat.string(x, digits: digits))
            }
        case let .exact(values):
            for v in values {
                try Interrupt.check()
                let form = ExactForm.string(v, limit: exactFormLimit)
                if form == nil { missing += 1 }
                exact.append(form)
                decimals.append(DecimalFormat.string(v, digits: digits))
            }
        }
        var text = "{\"shape\": [" + tensor.shape.dimensions.map(String.init).joined(separator: ", ") + "], \"exact\": ["
        for (i, form) in exact.enumerated() {
            if i > 0 { text += ", " }
            text += form.map { JSON.string($0).serialized() } ?? "null"
        }
        text += "], \"values\": ["
        for (i, decimal) in decimals.enumerated() {
            if i > 0 { text += ", " }
            text += "\"" + decimal + "\""
        }
        text += "]}\n"
        var notes: [Message] = []
        if missing > 0 {
            notes.append("\(missing) of \(tensor.count) values have no exact form short enough to write; the file keeps their \(digits)-digit decimals")
        }
        return EncodedTensor(data: Data(text.utf8), notes: notes)
    }
}

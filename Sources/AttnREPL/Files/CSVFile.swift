// Comma-separated numbers, one row per line (spaces also separate, as numpy.savetxt writes by
// default). Cells are read as the exact decimals they spell. A file of one row or one column
// is a vector (attn-repl's vectors are columns), a single number a scalar.
import Engine
import FoundationEssentials

enum CSVFile {
    static func read(_ data: Data) throws -> LoadedTensor {
        // Bytes, not Characters: walking 200 MB grapheme by grapheme took most of the time.
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else { throw FormatProblem("not UTF-8 text") }
        var rows: [[Scalar]] = []
        var firstRowLine = 0
        var count = 0
        var lineNumber = 0
        var budget = BitBudget()
        // Lines end in \n, \r\n or \r.
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            lineNumber += 1
            let next = end < bytes.count && bytes[end] == 0x0D && end + 1 < bytes.count && bytes[end + 1] == 0x0A ? end + 2 : end + 1
            defer { start = next }
            try Interrupt.check()
            let line = trimmed(bytes[start..<end])
            // Blank lines and `#` comments (numpy.savetxt's header) are skipped.
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            let hasComma = line.contains(UInt8(ascii: ","))
            let cells = hasComma ? line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map(trimmed)
                                 : line.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 })
            var row: [Scalar] = []
            row.reserveCapacity(rows.first?.count ?? cells.count)
            for (j, quotedCell) in cells.enumerated() {
                // Some spreadsheets quote every cell: "1.5".
                let quote = UInt8(ascii: "\"")
                let cell = quotedCell.count >= 2 && quotedCell.first == quote && quotedCell.last == quote ? quotedCell.dropFirst().dropLast() : quotedCell
                guard !cell.isEmpty else { throw FormatProblem("line \(lineNumber), field \(j + 1) is empty") }
                // Measured before it becomes text: a 250 MB cell is refused at once.
                guard cell.count <= NumberText.maximumCellBytes else {
                    throw FormatProblem("line \(lineNumber), field \(j + 1) has \(cell.count) characters; a number in a file has at most \(NumberText.maximumCellBytes)")
                }
                let text = String(decoding: cell, as: UTF8.self)
                guard let q = NumberText.decimal(text) else {
                    let header: Message = rows.isEmpty ? " (a header row? attn-repl reads numbers only: remove it or start it with #)" : ""
                    throw FormatProblem("line \(lineNumber), field \(j + 1): \(NumberText.problem(text))\(header)")
                }
                try budget.spend(q, at: "line \(lineNumber)")
                row.append(.rational(q))
            }
            if let first = rows.first, first.count != row.count {
                throw FormatProblem("line \(lineNumber) has \(row.count) numbers but line \(firstRowLine) has \(first.count)")
            }
            count += row.count
            guard count <= Limits.maximumElements else {
                throw FormatProblem("more than \(Limits.maximumElements) numbers (the limit for one tensor), at line \(lineNumber)")
            }
            if rows.isEmpty { firstRowLine = lineNumber }
            rows.append(row)
        }
        guard let first = rows.first else { throw FormatProblem("no numbers in the file") }
        let shape: Shape = rows.count == 1 && first.count == 1 ? .scalar
            : rows.count == 1 ? .vector(first.count)
            : first.count == 1 ? .vector(rows.count)
            : .matrix(rows.count, first.count)
        return LoadedTensor(tensor: Tensor(shape: shape, exact: rows.flatMap { $0 }))
    }

    private static func trimmed(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = s
        while let f = s.first, f == 0x20 || f == 0x09 { s.removeFirst() }
        while let l = s.last, l == 0x20 || l == 0x09 { s.removeLast() }
        return s
    }

    /// Exact decimals where the value has one (every binary fraction does); other values
    /// (1/3, exp(1)) with 17 significant digits, and a note saying how many. Float tensors use
    /// the shortest decimal that reads back as the same double.
    static func encode(_ tensor: Tensor) throws -> EncodedTensor {
        var inexact = 0
        let cells: [String]
        switch tensor.elements {
        case let .float(d): cells = d.map { "\($0)" }
        case let .exact(values):
            cells = try values.map { v in
                try Interrupt.check()
                if let q = v.rational, let text = DecimalFormat.exactString(q) { return text }
                inexact += 1
                return DecimalFormat.string(v, digits: 17)
            }
        }
        let columns = tensor.shape.cols
        var text = ""
        for r in 0..<tensor.shape.rows {
            text += cells[(r * columns)..<((r + 1) * columns)].joined(separator: ",") + "\n"
        }
        var notes: [Message] = []
        if inexact > 0 {
            notes.append("\(inexact) of \(tensor.count) values have no finite decimal and were written with 17 significant digits (save as .json to keep them exact)")
        }
        if case let .matrix(r, c) = tensor.shape, r == 1 || c == 1 {
            let becomes: Message = r == 1 && c == 1 ? "a scalar" : "a vector"
            notes.append("a \(tensor.shape) matrix in a .csv file loads back as \(becomes) (save as .npy or .json to keep the shape)")
        }
        return EncodedTensor(data: Data(text.utf8), notes: notes)
    }
}

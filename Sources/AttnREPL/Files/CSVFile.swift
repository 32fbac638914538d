// Comma-separated numbers, one row per line (spaces also separate, as numpy.savetxt writes by
// default). Cells are read as the exact decimals they spell. A file of one row or one column
// is a vector (attn-repl's vectors are columns), a single number a scalar.
import Engine
import Foundation

enum CSVFile {
    static func read(_ data: Data) throws -> LoadedTensor {
        guard var text = String(data: data, encoding: .utf8) else { throw FormatProblem("not UTF-8 text") }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var rows: [[Scalar]] = []
        var firstRowLine = 0
        var count = 0
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for (k, rawLine) in lines.enumerated() {
            let lineNumber = k + 1
            try Interrupt.check()
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            // Blank lines and `#` comments (numpy.savetxt's header) are skipped.
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.contains(",") ? line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                                           : line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            var row: [Scalar] = []
            for (j, quotedCell) in cells.enumerated() {
                // Some spreadsheets quote every cell: "1.5".
                let cell = quotedCell.count >= 2 && quotedCell.hasPrefix("\"") && quotedCell.hasSuffix("\"")
                    ? String(quotedCell.dropFirst().dropLast()) : quotedCell
                guard !cell.isEmpty else { throw FormatProblem("line \(lineNumber), field \(j + 1) is empty") }
                guard let q = NumberText.decimal(cell) else {
                    let shown = NpyFile.Header.quoted(cell)
                    throw FormatProblem("line \(lineNumber), field \(j + 1): \(shown) is not a number"
                        + (rows.isEmpty ? " (a header row? attn-repl reads numbers only: remove it or start it with #)" : ""))
                }
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
        var notes: [String] = []
        if inexact > 0 {
            notes.append("\(inexact) of \(tensor.count) values have no finite decimal and were written with 17 significant digits (save as .json to keep them exact)")
        }
        if case let .matrix(r, c) = tensor.shape, r == 1 || c == 1 {
            notes.append("a \(tensor.shape) matrix in a .csv file loads back as a vector (save as .npy or .json to keep the shape)")
        }
        return EncodedTensor(data: Data(text.utf8), notes: notes)
    }
}

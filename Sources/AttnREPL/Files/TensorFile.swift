// Reading and writing tensors as files, for `:load` and `:save`: picks the format from the
// extension and keeps what every format shares (shapes, limits, atomic writes, messages).
import Engine
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// A tensor read from a file, with notes the user should see (e.g. that values are binary fractions).
struct LoadedTensor {
    var tensor: Tensor
    var notes: [Message] = []
    /// `float64`, `int32`: the element type of a binary file; nil for text.
    var storedType: String? = nil
    /// Values are the binary fractions of stored floats, not decimals anyone typed.
    var fromFloats = false
}

/// The bytes of a saved tensor, with notes (e.g. that values were rounded).
struct EncodedTensor {
    var data: Data
    var notes: [Message] = []
}

/// What went wrong with a file; `description` is the whole message, naming the file.
struct TensorFileError: Error, CustomStringConvertible {
    let message: Message
    init(_ message: Message) { self.message = message }
    var description: String { message.english }
}

/// What went wrong inside a file; the caller adds the file's name.
struct FormatProblem: Error {
    let message: Message
    init(_ message: Message) { self.message = message }
}

enum TensorFile {
    enum Format: String, CaseIterable { case npy, csv, json }

    /// Text files larger than this are refused before they are read: room for
    /// `Limits.maximumElements` numbers of 64 characters (a double's exact decimal is ~55).
    static let maximumTextBytes = Limits.maximumElements * 64

    static func format(of path: String) throws -> Format {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard let f = Format(rawValue: ext) else {
            let known = Format.allCases.map { "." + $0.rawValue }.joined(separator: ", ")
            let problem: Message = ext.isEmpty ? "no extension" : "unknown extension .\(ext)"
            throw TensorFileError("\(path): \(problem) (attn-repl reads and writes \(known))")
        }
        return f
    }

    /// `~/x.npy` and relative paths as the user means them.
    static func url(_ path: String) -> URL {
        URL(fileURLWithPath: FileSystem.expandingTilde(path))
    }

    static func read(_ path: String) throws -> LoadedTensor {
        let format = try format(of: path)
        let url = url(path)
        let limit = format == .npy ? 1024 * 1024 + Limits.maximumElements * 8 : maximumTextBytes
        let data: Data
        Interrupt.clear()
        do {
            data = try FileSystem.readRegularFile(url.path, limit: limit)
        } catch let e as FileReadError {
            switch e {
            case .system(ENOENT): throw TensorFileError("\(path): no such file")
            case .tooLarge: throw TensorFileError("\(path) is too large (\(e.message); attn-repl reads tensors of at most \(Limits.maximumElements) elements)")
            default: throw TensorFileError("\(path): cannot read it (\(e.message))")
            }
        }
        // Reading millions of numbers takes a while; Ctrl-C stops it like a long evaluation.
        Interrupt.clear()
        do {
            switch format {
            case .npy: return try NpyFile.read(data)
            case .csv: return try CSVFile.read(data)
            case .json: return try JSONTensorFile.read(data)
            }
        } catch let p as FormatProblem {
            throw TensorFileError("\(path): \(p.message)")
        } catch let d as Diagnostic {
            throw TensorFileError("\(path): \(d.text)")
        }
    }

    /// Writes atomically; refuses to replace an existing file unless `overwrite`.
    static func write(_ tensor: Tensor, to path: String, overwrite: Bool, digits: Int) throws -> [Message] {
        let format = try format(of: path)
        let url = url(path)
        // Refused before encoding (which can take a while): the same checks run again when writing.
        var status = stat()
        if lstat(url.path, &status) == 0 {
            let regular = status.st_mode & S_IFMT == S_IFREG
                || (status.st_mode & S_IFMT == S_IFLNK && stat(url.path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG)
            if regular, !overwrite {
                throw TensorFileError("\(path) already exists (end the file name with ! to replace it: \(path)!)")
            }
        }
        let encoded: EncodedTensor
        Interrupt.clear()
        do {
            // Float mode can produce inf and nan; no format here could read them back as numbers.
            if case let .float(d) = tensor.elements, let i = d.firstIndex(where: { !$0.isFinite }) {
                throw FormatProblem("\(position(i, in: tensor.shape)) is \(d[i]); attn-repl saves finite numbers only")
            }
            switch format {
            case .npy: encoded = try NpyFile.encode(tensor)
            case .csv: encoded = try CSVFile.encode(tensor)
            case .json: encoded = try JSONTensorFile.encode(tensor, digits: digits)
            }
        } catch let p as FormatProblem {
            throw TensorFileError("cannot save to \(path): \(p.message)")
        } catch let d as Diagnostic {
            throw TensorFileError("\(path) not written: \(d.text)")
        }
        do {
            try SafeFileWriter.write(encoded.data, to: url.path, replace: overwrite)
        } catch SafeFileWriter.Problem.exists {
            throw TensorFileError("\(path) already exists (end the file name with ! to replace it: \(path)!)")
        } catch {
            throw TensorFileError("cannot write \(path): \(SafeFileWriter.message(error))")
        }
        let limit = format == .npy ? Int.max : maximumTextBytes
        let tooLarge: [Message] = encoded.data.count > limit
            ? ["the file has \(encoded.data.count) bytes, more than :load reads (\(limit)); save as .npy to load it back"] : []
        return encoded.notes + tooLarge
    }

    /// The tensor shape for array dimensions, within the program's limits.
    static func shape(_ dimensions: [Int]) throws -> Shape {
        let text = dimensions.map(String.init).joined(separator: "×")
        guard dimensions.count <= 2 else {
            throw FormatProblem("a \(dimensions.count)-d array (\(text)); attn-repl holds scalars, vectors and matrices (at most 2-d)")
        }
        guard !dimensions.contains(0) else { throw FormatProblem("an empty array (\(text)): there is nothing to load") }
        do {
            switch dimensions.count {
            case 0: return .scalar
            case 1: try Tensor.checkSize(dimensions[0], 1); return .vector(dimensions[0])
            default: try Tensor.checkSize(dimensions[0], dimensions[1]); return .matrix(dimensions[0], dimensions[1])
            }
        } catch let d as Diagnostic {
            throw FormatProblem(d.text)
        }
    }

    /// Text from a file, for a message: quoted, shortened, control characters neutralised.
    static func quoted(_ text: String) -> String {
        let clean = ControlCharacters.neutralised(text.trimmingWhitespace, keepingLineBreaks: false)
        return "\"" + (clean.count > 80 ? clean.prefix(80) + "…" : clean) + "\""
    }

    /// `[2, 3]` for the flat row-major index of an element (1-based, as the formula language indexes).
    static func position(_ index: Int, in shape: Shape) -> Message {
        switch shape {
        case .scalar: return "the value"
        case .vector: return "element [\(index + 1)]"
        case let .matrix(_, c): return "element [\(index / c + 1), \(index % c + 1)]"
        }
    }
}

// The Python literals a .npy header is written in: dicts, tuples, lists, strings, integers,
// True/False/None. Just enough to read the header; nothing is evaluated.

indirect enum PythonLiteral {
    case dict([String: PythonLiteral])
    case tuple([PythonLiteral])
    case list([PythonLiteral])
    case string(String)
    case int(Int)
    case bool(Bool)
    case none

    struct Malformed: Error {}

    static func parse(_ text: String) throws -> PythonLiteral {
        var reader = Reader(chars: Array(text))
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.atEnd else { throw Malformed() }
        return value
    }

    private struct Reader {
        let chars: [Character]
        var i = 0

        var atEnd: Bool { i >= chars.count }

        mutating func skipSpace() { while i < chars.count, chars[i].isWhitespace { i += 1 } }

        mutating func take(_ c: Character) -> Bool {
            skipSpace()
            guard i < chars.count, chars[i] == c else { return false }
            i += 1
            return true
        }

        mutating func value(depth: Int) throws -> PythonLiteral {
            guard depth < 8 else { throw Malformed() }
            skipSpace()
            guard i < chars.count else { throw Malformed() }
            switch chars[i] {
            case "{":
                i += 1
                var entries: [String: PythonLiteral] = [:]
                while !take("}") {
                    guard case let .string(key) = try value(depth: depth + 1), take(":") else { throw Malformed() }
                    entries[key] = try value(depth: depth + 1)
                    if !take(",") { guard take("}") else { throw Malformed() }; break }
                }
                return .dict(entries)
            case "(", "[":
                let close: Character = chars[i] == "(" ? ")" : "]"
                let isTuple = chars[i] == "("
                i += 1
                var items: [PythonLiteral] = []
                while !take(close) {
                    items.append(try value(depth: depth + 1))
                    if !take(",") { guard take(close) else { throw Malformed() }; break }
                }
                return isTuple ? .tuple(items) : .list(items)
            case "'", "\"":
                let quote = chars[i]
                i += 1
                var s = ""
                while i < chars.count, chars[i] != quote {
                    guard chars[i] != "\\" else { throw Malformed() }
                    s.append(chars[i])
                    i += 1
                }
                guard i < chars.count else { throw Malformed() }
                i += 1
                return .string(s)
            default:
                var word = ""
                while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "-" || chars[i] == "_" {
                    word.append(chars[i])
                    i += 1
                }
                switch word {
                case "True": return .bool(true)
                case "False": return .bool(false)
                case "None": return .none
                default:
                    // NumPy wrote `3L` for long integers in Python 2 files.
                    let digits = word.hasSuffix("L") ? String(word.dropLast()) : word
                    guard let n = Int(digits) else { throw Malformed() }
                    return .int(n)
                }
            }
        }
    }
}

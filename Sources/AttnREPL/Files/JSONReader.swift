// A small JSON parser that keeps numbers as the text they were written in, so `0.1` is read
// as exactly 1/10 (Foundation's parser would turn it into a double first).

import Engine

indirect enum JSONValue {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    subscript(key: String) -> JSONValue? {
        if case let .object(pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }
}

struct JSONReader {
    private let bytes: [UInt8]
    private var i = 0
    /// Tensors nest at most two arrays deep inside one object; this leaves room and bounds recursion.
    private static let maximumDepth = 32

    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        var reader = JSONReader(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.i = 3 }
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.i == bytes.count else { throw reader.problem("unexpected text after the JSON value") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// `line 3, column 7: …`, for a message about the current position.
    private func problem(_ what: Message) -> FormatProblem {
        let before = bytes[..<min(i, bytes.count)]
        let line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
        let column = i - (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
        return FormatProblem("line \(line), column \(column): \(what)")
    }

    private mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    }

    private mutating func take(_ c: Character) -> Bool {
        skipSpace()
        guard i < bytes.count, bytes[i] == c.asciiValue! else { return false }
        i += 1
        return true
    }

    private mutating func value(depth: Int) throws -> JSONValue {
        guard depth < JSONReader.maximumDepth else { throw problem("nested too deeply") }
        skipSpace()
        guard i < bytes.count else { throw problem("the file ends where a value should be") }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var pairs: [(String, JSONValue)] = []
            if take("}") { return .object(pairs) }
            repeat {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw problem("expected a key in quotes") }
                let key = try string()
                guard take(":") else { throw problem("expected : after the key") }
                pairs.append((key, try value(depth: depth + 1)))
            } while take(",")
            guard take("}") else { throw problem("expected , or } in the object") }
            return .object(pairs)
        case UInt8(ascii: "["):
            i += 1
            var items: [JSONValue] = []
            if take("]") { return .array(items) }
            repeat { items.append(try value(depth: depth + 1)) } while take(",")
            guard take("]") else { throw problem("expected , or ] in the list") }
            return .array(items)
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try number())
        default:
            for (word, v) in [("true", JSONValue.bool(true)), ("false", .bool(false)), ("null", .null)] where bytes[i...].starts(with: Array(word.utf8)) {
                i += word.utf8.count
                return v
            }
            throw problem("expected a number, a list or an object")
        }
    }

    private mutating func number() throws -> String {
        let start = i
        func digits() -> Int {
            let s = i
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
            return i - s
        }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard digits() > 0 else { throw problem("a number needs digits") }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { throw problem("a number needs digits after the point") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw problem("a number needs digits in its exponent") }
        }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    private mutating func string() throws -> String {
        i += 1   // the opening quote
        var scalars = String.UnicodeScalarView()
        var run = [UInt8]()
        func flush() { scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars); run.removeAll() }
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if b == UInt8(ascii: "\"") { flush(); return String(scalars) }
            guard b == UInt8(ascii: "\\") else {
                guard b >= 0x20 else { throw problem("a control character inside a string") }
                run.append(b)
                continue
            }
            flush()
            guard i < bytes.count else { break }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "b"): scalars.append("\u{8}")
            case UInt8(ascii: "f"): scalars.append("\u{C}")
            case UInt8(ascii: "u"):
                guard i + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16) else {
                    throw problem("a \\u escape needs four hex digits")
                }
                i += 4
                scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(Unicode.Scalar(e))
            default: throw problem("unknown escape \\\(Character(Unicode.Scalar(e)))")
            }
        }
        throw problem("the file ends inside a string")
    }
}

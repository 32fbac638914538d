// A small JSON writer that keeps the order of object keys (so output reads in a fixed order).

public indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public static func == (a: JSON, b: JSON) -> Bool { a.serialized() == b.serialized() }

    /// Compact text with a space after `:` and `,`, on one line.
    public func serialized() -> String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .int(i): out += String(i)
        case let .string(s): JSON.quote(s, into: &out)
        case let .array(items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                item.write(to: &out)
            }
            out += "]"
        case let .object(pairs):
            out += "{"
            for (i, (k, v)) in pairs.enumerated() {
                if i > 0 { out += ", " }
                JSON.quote(k, into: &out)
                out += ": "
                v.write(to: &out)
            }
            out += "}"
        }
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        // Decimals and exact forms are plain ASCII: copied whole rather than scalar by scalar.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
            out += s
            out += "\""
            return
        }
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20 || (0x7F..<0xA0).contains(u.value) || (0x2028...0x2029).contains(u.value):
                // C1 controls too: JSON allows them raw, but a terminal showing the file acts on them.
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        out += "\""
    }
}

extension JSON {
    /// `{"shape": [...], "exact": [...], "values": [...]}` (SPEC §2.1).
    public static func tensor(_ t: Tensor, digits: Int) -> JSON {
        let cells = CellText.cells(t, digits: digits)
        return .object([
            ("shape", .array(t.shape.dimensions.map(JSON.int))),
            ("exact", .array(cells.map { $0.exact.map(JSON.string) ?? .null })),
            ("values", .array(cells.map { .string($0.decimal) })),
        ])
    }
}

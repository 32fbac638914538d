// Terminal column widths: East Asian wide characters take two columns, combining marks none.

public enum DisplayWidth {
    public static func of(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    public static func of(_ c: Unicode.Scalar) -> Int {
        let v = c.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        switch c.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        return isWide(v) ? 2 : 1
    }

    private static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
    }

    /// `s` padded with spaces on the left to `width` columns.
    public static func padLeft(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - of(s))) + s
    }

    public static func padRight(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - of(s)))
    }
}

// Control characters made visible, for every channel that shows text the program did not
// write itself: lesson prose, transcripts, files, echoed input (SPEC §8). A terminal acts on
// ESC, CSI and OSC sequences (clearing the screen, setting the title, …); shown as their
// control pictures (`␛`) they are only text. Each output channel calls this in one place:
// the standard output and error writers, the text exports, the screen's drawing function.

public enum ControlCharacters {
    /// `text` with every C0 and C1 control character and DEL replaced by a visible character
    /// (C0 by its control picture, ESC → `␛`; DEL → `␡`; C1 → `�`), except line feeds and
    /// tabs when `keepingLineBreaks` (the layout of a multi-line text).
    public static func neutralised(_ text: String, keepingLineBreaks: Bool = true) -> String {
        // Almost all text is clean: one pass over the bytes, no copy. C1 characters are
        // encoded in UTF-8 as 0xC2 0x80…0x9F.
        var previous: UInt8 = 0
        let clean = text.utf8.allSatisfy { b in
            defer { previous = b }
            if b < 0x20 { return keepingLineBreaks && (b == 0x0A || b == 0x09) }
            if b == 0x7F { return false }
            return !(previous == 0xC2 && (0x80...0x9F).contains(b))
        }
        if clean { return text }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars { out.append(visible(u, keepingLineBreaks: keepingLineBreaks)) }
        return String(out)
    }

    /// One scalar as `neutralised` shows it.
    public static func visible(_ u: Unicode.Scalar, keepingLineBreaks: Bool = true) -> Unicode.Scalar {
        if keepingLineBreaks && (u == "\n" || u == "\t") { return u }
        switch u.value {
        case 0..<0x20: return Unicode.Scalar(0x2400 + u.value)!       // ␀ ␁ … ␛ … ␟
        case 0x7F: return "␡"
        case 0x80..<0xA0: return "\u{FFFD}"
        default: return u
        }
    }
}

// String operations that full Foundation has and the standard library words differently.

extension String {
    /// Every occurrence of `target` replaced, matched literally as Foundation's
    /// replacingOccurrences(of:with:) does: by code units, so the `\n` of a `\r\n` is found
    /// too (the standard library's replacing(_:with:) compares whole characters).
    func replacingAll(_ target: String, with replacement: String) -> String {
        String(decoding: Array(utf8).replacing(Array(target.utf8), with: Array(replacement.utf8)), as: UTF8.self)
    }

    /// Without leading and trailing white space and line ends (Unicode White_Space, as
    /// Foundation's trimmingCharacters(in: .whitespacesAndNewlines)).
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}

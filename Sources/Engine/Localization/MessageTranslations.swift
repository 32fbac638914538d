// The wording of the Engine's messages in each language other than English: one table per
// language, from the English template (`Message.key`, `%@` for each argument) to the
// language's template (`%1`, `%2`, … name the arguments in order, so a language may reorder
// them). A message missing from a table is shown in English.

enum MessageTranslations {
    static func table(for language: Language) -> [String: String] {
        switch language {
        case .en: return [:]
        case .zh: return ChineseMessages.table
        }
    }

    /// How a shape is named inside a message.
    static func shape(_ s: Shape, in language: Language) -> String {
        switch (language, s) {
        case (.en, _): return s.description
        case (.zh, .scalar): return "标量"
        case let (.zh, .vector(n)): return "\(n) 维向量"
        case let (.zh, .matrix(r, c)): return "\(r)×\(c) 矩阵"
        }
    }

    /// `template` with `%1` … `%9` replaced by the arguments (`%%` is a percent sign). An
    /// argument that begins or ends with Latin text or a digit is set off from Chinese text
    /// beside it by a space (`无法把 2×3 矩阵乘以…`), as Chinese typography does.
    static func fill(_ template: String, with arguments: [String]) -> String {
        var out = ""
        var chars = template[...]
        var spaceAfterArgument = false
        while let c = chars.first {
            chars = chars.dropFirst()
            guard c == "%", let d = chars.first, d == "%" || (d.wholeNumberValue ?? 0) >= 1 else {
                if spaceAfterArgument && isHan(c) { out.append(" ") }
                spaceAfterArgument = false
                out.append(c)
                continue
            }
            chars = chars.dropFirst()
            if d == "%" { out.append("%"); spaceAfterArgument = false; continue }
            let k = d.wholeNumberValue!
            let argument = k <= arguments.count ? arguments[k - 1] : ""
            if let first = argument.first, isLatin(first), let last = out.last, isHan(last) { out.append(" ") }
            out += argument
            spaceAfterArgument = argument.last.map(isLatin) ?? false
        }
        return out
    }

    private static func isHan(_ c: Character) -> Bool {
        c.unicodeScalars.first.map { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) } ?? false
    }

    private static func isLatin(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "\\")
    }
}

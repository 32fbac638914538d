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

    /// `template` with `%1` … `%9` replaced by the arguments (`%%` is a percent sign).
    static func fill(_ template: String, with arguments: [String]) -> String {
        var out = ""
        var chars = template[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            guard c == "%", let d = chars.first else { out.append(c); continue }
            if d == "%" { out.append("%"); chars = chars.dropFirst(); continue }
            guard let k = d.wholeNumberValue, k >= 1 else { out.append(c); continue }
            chars = chars.dropFirst()
            out += k <= arguments.count ? arguments[k - 1] : ""
        }
        return out
    }
}

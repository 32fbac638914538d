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

    /// A node of a built-in's gradient graph as `language` names it: the built-in's name stays,
    /// its step is translated like the trace's (`attention: weights = softmax(scaled)` →
    /// `attention：权重 = softmax(缩放分数)`, `layernorm: mean of row 2` → `layernorm：第 2 行的均值`).
    /// Any other label (a formula) is returned as it is.
    static func graphLabel(_ label: String, in language: Language) -> String {
        let table = table(for: language)
        guard !table.isEmpty, let colon = label.firstRange(of: ": "), let joined = table["%@: %@"],
              label[..<colon.lowerBound].allSatisfy({ $0.isLetter }) else { return label }
        let step = label[colon.upperBound...]
        // A step with a prefix (`head_1 scores = Q K^T`) or a number in it (`mean of row 2`).
        var candidates: [(key: String, argument: String)] = graphStepSuffixes.filter { step.hasSuffix($0) }
            .map { ("%@" + $0, String(step.dropLast($0.count))) }
        if let start = step.firstIndex(where: \.isASCIIDigit) {
            let end = step[start...].firstIndex { !$0.isASCIIDigit } ?? step.endIndex
            candidates.append((step[..<start] + "%@" + step[end...], String(step[start..<end])))
        }
        guard let found = candidates.first(where: { table[$0.key] != nil }) else { return label }
        return fill(joined, with: [String(label[..<colon.lowerBound]), fill(table[found.key]!, with: [found.argument])])
    }

    /// The attention steps, which follow a head's prefix (`head_1 `) or nothing.
    static let graphStepSuffixes = ["scores = Q K^T", "scaled = scores / sqrt(d_k)", "weights = softmax(scaled)", "output = weights V"]

    /// `template` with `%1` … `%9` replaced by the arguments (`%%` is a percent sign). Latin
    /// text or a digit meets Chinese text across a space and Chinese meets Chinese without one,
    /// as Chinese typography does, whatever the argument turns out to be (`无法把 2×3 矩阵乘以…`,
    /// `rand 的行数必须是整数`).
    static func fill(_ template: String, with arguments: [String]) -> String {
        var out = ""
        var chars = template[...]
        var afterArgument: Character? = nil      // the last character of an argument just written
        while let c = chars.first {
            chars = chars.dropFirst()
            guard c == "%", let d = chars.first, d == "%" || (d.wholeNumberValue ?? 0) >= 1 else {
                if let a = afterArgument {
                    if c == " ", isChinese(a), let next = chars.first, isChinese(next) { afterArgument = nil; continue }
                    if isLatin(a) && isIdeograph(c) { out.append(" ") }
                }
                afterArgument = nil
                out.append(c)
                continue
            }
            chars = chars.dropFirst()
            if d == "%" { out.append("%"); afterArgument = nil; continue }
            let k = d.wholeNumberValue!
            let argument = k <= arguments.count ? arguments[k - 1] : ""
            if let first = argument.first {
                if isLatin(first), let last = out.last, isIdeograph(last) { out.append(" ") }
                if isChinese(first), out.hasSuffix(" "), let before = out.dropLast().last, isChinese(before) { out.removeLast() }
            }
            out += argument
            afterArgument = argument.last
        }
        return out
    }

    /// A Chinese character: Latin text beside one is set off by a space.
    private static func isIdeograph(_ c: Character) -> Bool {
        guard let u = c.unicodeScalars.first?.value else { return false }
        return (0x4E00...0x9FFF).contains(u) || (0x3400...0x4DBF).contains(u)
    }

    /// A Chinese character or Chinese punctuation (`“”`, `（）`, `，`, `：`), which needs no space.
    private static func isChinese(_ c: Character) -> Bool {
        guard let u = c.unicodeScalars.first?.value else { return false }
        return isIdeograph(c) || (0x3000...0x303F).contains(u) || (0xFF00...0xFF60).contains(u) || u == 0x201C || u == 0x201D
    }

    private static func isLatin(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "\\")
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension Shape {
    /// How the shape is named in `language` (`3-vector`, `3 维向量`).
    public func name(in language: Language) -> String { MessageTranslations.shape(self, in: language) }
}

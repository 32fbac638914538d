// A lesson's Markdown prose for plain text (the line REPL, `run`): **bold** has no plain
// form and loses its marks, a heading loses its #s; `code` keeps its backticks, which mark
// formulas in plain text, and list items keep their dashes. Code blocks are left as written.
enum PlainProse {
    static func text(_ markdown: String) -> String {
        var inFence = false
        return markdown.split(separator: "\n", omittingEmptySubsequences: false).map { raw -> String in
            let line = String(raw)
            if line.hasPrefix("```") { inFence.toggle(); return line }
            if inFence || line.hasPrefix("    ") { return line }
            return unbolded(unheaded(line))
        }.joined(separator: "\n")
    }

    private static func unheaded(_ line: String) -> String {
        let hashes = line.prefix { $0 == "#" }
        guard (1...6).contains(hashes.count), line.dropFirst(hashes.count).hasPrefix(" ") else { return line }
        return String(line.dropFirst(hashes.count + 1))
    }

    /// `**x**` → `x` for each closed pair outside `code`; an unmatched `**` stays.
    private static func unbolded(_ line: String) -> String {
        guard line.contains("**") else { return line }
        var out = "", pending = "", inBold = false, inCode = false
        var chars = Substring(line)
        while let ch = chars.first {
            if ch == "`" { inCode.toggle() }
            if !inCode, chars.hasPrefix("**") {
                if inBold { out += pending; pending = "" } else { pending = "" }
                inBold.toggle()
                chars = chars.dropFirst(2)
                continue
            }
            if inBold { pending.append(ch) } else { out.append(ch) }
            chars = chars.dropFirst()
        }
        return inBold ? out + "**" + pending : out
    }
}

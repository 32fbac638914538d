// Lesson prose (the Markdown lessons are written in) as HTML: paragraphs, bullet and numbered
// lists, block quotes, fenced code, tables, `code`, **bold** and *emphasis*. Everything is
// escaped first; only the tags made here are markup.
enum ProseHTML {
    static func render(_ markdown: String) -> String {
        var out: [String] = []
        var paragraph: [String] = []
        var list: (tag: String, items: [String])?
        var quote: [String] = []
        var table: [String] = []
        var fence: (marker: String, lines: [String])?

        func flush() {
            if !paragraph.isEmpty { out.append("<p>" + inline(paragraph.joined(separator: "\n")) + "</p>"); paragraph = [] }
            if let l = list { out.append("<\(l.tag)>" + l.items.map { "<li>\(inline($0))</li>" }.joined() + "</\(l.tag)>"); list = nil }
            if !quote.isEmpty { out.append("<blockquote>" + render(quote.joined(separator: "\n")) + "</blockquote>"); quote = [] }
            if !table.isEmpty { out.append(tableHTML(table)); table = [] }
        }

        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let line = raw.trimmingSpaces
            if var f = fence {
                if line.hasPrefix(f.marker) && line.allSatisfy({ $0 == "`" || $0 == "~" }) {
                    out.append("<pre class=\"prose-code\"><code>" + HTMLExport.escape(f.lines.joined(separator: "\n")) + "</code></pre>")
                    fence = nil
                } else {
                    f.lines.append(raw)
                    fence = f
                }
                continue
            }
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                flush()
                fence = (String(line.prefix { $0 == line.first }), [])
                continue
            }
            if line.isEmpty { flush(); continue }
            if line.hasPrefix(">") {
                if quote.isEmpty { flush() }
                quote.append(String(line.dropFirst()).trimmingSpaces)
                continue
            }
            if line.hasPrefix("|") {
                if table.isEmpty { flush() }
                table.append(line)
                continue
            }
            if let heading = heading(line) { flush(); out.append(heading); continue }
            if let (tag, item) = listItem(line) {
                if list?.tag != tag { flush(); list = (tag, []) }
                list?.items.append(item)
                continue
            }
            if list != nil, raw.hasPrefix("  ") {          // a list item's continuation line
                list!.items[list!.items.count - 1] += "\n" + line
                continue
            }
            if list != nil || !quote.isEmpty || !table.isEmpty { flush() }
            paragraph.append(line)
        }
        if let f = fence { out.append("<pre class=\"prose-code\"><code>" + HTMLExport.escape(f.lines.joined(separator: "\n")) + "</code></pre>") }
        flush()
        return out.joined(separator: "\n")
    }

    private static func heading(_ line: String) -> String? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        let level = min(6, hashes + 2)          // under the step's own <h2>
        return "<h\(level)>\(inline(String(line.dropFirst(hashes + 1))))</h\(level)>"
    }

    private static func listItem(_ line: String) -> (String, String)? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") { return ("ul", String(line.dropFirst(2))) }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") { return ("ol", String(line.dropFirst(digits.count + 2))) }
        return nil
    }

    private static func tableHTML(_ lines: [String]) -> String {
        func cells(_ line: String) -> [String] {
            var s = Substring(line)
            if s.hasPrefix("|") { s = s.dropFirst() }
            if s.hasSuffix("|") { s = s.dropLast() }
            return s.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        }
        let isRule = { (line: String) in line.allSatisfy { "|-: ".contains($0) } }
        var rows = lines
        var head: [String]? = nil
        if rows.count >= 2, isRule(rows[1]) { head = cells(rows[0]); rows.removeFirst(2) }
        var html = "<div class=\"scroll\"><table>"
        if let head { html += "<thead><tr>" + head.map { "<th>\(inline($0))</th>" }.joined() + "</tr></thead>" }
        html += "<tbody>" + rows.filter { !isRule($0) }.map { "<tr>" + cells($0).map { "<td>\(inline($0))</td>" }.joined() + "</tr>" }.joined() + "</tbody>"
        return html + "</table></div>"
    }

    /// `code`, **bold**, *emphasis* (and _emphasis_ between spaces) in escaped text.
    static func inline(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let tick = rest.firstIndex(of: "`") {
            out += emphasis(HTMLExport.escape(String(rest[..<tick])))
            let run = rest[tick...].prefix { $0 == "`" }
            let after = rest[run.endIndex...]
            guard let close = after.firstRange(of: String(run)) else {
                out += HTMLExport.escape(String(rest[tick...]))
                return out
            }
            out += "<code>" + HTMLExport.escape(String(after[..<close.lowerBound]).trimmingSpaces) + "</code>"
            rest = after[close.upperBound...]
        }
        return out + emphasis(HTMLExport.escape(String(rest)))
    }

    private static func emphasis(_ escaped: String) -> String {
        var s = paired(escaped, "**", "strong")
        s = paired(s, "*", "em")
        return s
    }

    /// Replaces `marker…marker` pairs by an element; an unpaired marker stays as written.
    private static func paired(_ s: String, _ marker: String, _ tag: String) -> String {
        var out = ""
        var rest = Substring(s)
        while let open = rest.firstRange(of: marker) {
            let after = rest[open.upperBound...]
            guard let close = after.firstRange(of: marker), close.lowerBound > after.startIndex,
                  after.first != " " else {
                out += rest[..<open.upperBound]
                rest = after
                continue
            }
            out += rest[..<open.lowerBound] + "<\(tag)>" + after[..<close.lowerBound] + "</\(tag)>"
            rest = after[close.upperBound...]
        }
        return out + rest
    }
}

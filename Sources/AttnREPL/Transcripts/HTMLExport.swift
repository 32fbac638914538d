// A transcript as one self-contained HTML file that reads as a worked document: no scripts,
// no links, nothing fetched. Lesson steps with their prose, formulas (as written, with the
// numbers substituted) and values; every statement with its result; `:why` explanations;
// errors. Math is MathML, which browsers draw without scripts. Everything taken from the
// transcript is escaped before it is embedded.
import Engine

struct HTMLExport {
    let document: TranscriptDocument
    /// The words of the language the session was recorded in.
    var strings: any Strings { Language(named: document.settings.language).strings }

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}
        math{font-family:"STIX Two Math","Latin Modern Math","Cambria Math","DejaVu Math TeX Gyre",math;font-size:1.1em}
        .scroll>math{display:inline math;margin:.2rem 0}
        mtable.numbers>mtr>mtd{text-align:right;text-align:-webkit-right}
        h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2.5rem}
        h3{margin-top:1.75rem}
        pre{background:#f5f5f5;padding:.5rem .75rem;border-radius:4px;overflow-x:auto;white-space:pre-wrap;overflow-wrap:anywhere}
        pre.error{background:#fdecea;color:#8a1c1c}
        pre.interrupted{background:#fff6e0;color:#6b4a00}
        code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.92em;overflow-wrap:anywhere}
        .meta,.note{color:#666}
        .prose{margin:.5rem 0 1rem}
        .formula{margin:.75rem 0 1.25rem;padding-left:.75rem;border-left:3px solid #e4e4f0}
        .value{display:flex;flex-wrap:wrap;align-items:center;column-gap:1.25rem}
        .value>*{min-width:0;max-width:100%}
        .scroll{overflow-x:auto;max-width:100%;margin:.25rem 0}
        .result{margin:.5rem 0 1.25rem}
        details{margin:.25rem 0}
        summary{color:#555;cursor:pointer}
        .why{background:#f3f7fc;border-left:3px solid #7aa7d8;padding:.5rem .75rem;margin:.5rem 0 1.25rem}
        .why p{margin:.1rem 0;font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.9em;white-space:pre-wrap;overflow-wrap:anywhere}
        table{border-collapse:collapse}
        td,th{border:1px solid #ccc;padding:.2rem .5rem}
        @media print{
          body{max-width:none;margin:0}
          .scroll{overflow:visible}
          .scroll>math{font-size:min(1em,calc(150vw / var(--w,40)))}
        }
        """

    func render() -> String {
        let s = document.settings
        let title = strings.exportTitle(document.name)
        var out = ["<!DOCTYPE html>", "<html lang=\"\(Self.escape(s.language))\">", "<head>", "<meta charset=\"utf-8\">",
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                   "<title>\(Self.escape(title))</title>", "<style>", Self.style, "</style>", "</head>", "<body>",
                   "<h1>\(Self.escape(title))</h1>"]
        let meta = [document.start.version.map { "attn-repl \($0)" }, document.start.date,
                    strings.exportDigits(s.digits), strings.exportArithmetic(float: s.float)].compactMap { $0 }.joined(separator: " · ")
        out.append("<p class=\"meta\">\(Self.escape(meta))</p>")
        var steps: Int?                  // a step record is numbered "k/N" from its lesson's N
        for var event in document.events {
            if event.type == .lesson { steps = event.steps }
            if event.type == .step { event.steps = steps }
            out += section(event)
        }
        out += ["</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    private func section(_ e: TranscriptEvent) -> [String] {
        switch e.type {
        case .start: return []
        case .lesson:
            var lines = ["<h2>\(Self.escape(e.title ?? e.lesson ?? "lesson"))</h2>",
                         "<p class=\"note\">" + strings.exportLesson("<code>\(Self.escape(e.lesson ?? ""))</code>", language: e.language.map(Self.escape)) + "</p>"]
            if let introduction = e.introduction { lines.append("<div class=\"prose\">\(ProseHTML.render(introduction))</div>") }
            if let step = e.step { lines.append(stepHeading(step, of: e.steps, title: e.stepTitle)) }
            return lines + shownStep(e)
        case .step:
            return [stepHeading(e.step ?? 0, of: e.steps, title: e.title)] + shownStep(e)
        case .command:
            let now = ExportText.settingsNote(e, strings)
            return ["<p class=\"note\"><code>\(Self.escape(e.input ?? ""))</code>\(Self.escape(now))</p>"]
        case .why:
            let body = (e.lines ?? []).map { "<p>\(Self.escape($0))</p>" }.joined()
            return code(e.input) + (e.lines == nil ? [] : ["<div class=\"why\">\(body)</div>"]) + failure(e)
        case .input:
            var lines = code(e.input)
            if e.error == nil, e.interrupted != true {
                lines.append("<p class=\"note\">\(strings.exportChanged(Self.escape(e.name ?? "?")))</p>")
                lines += formulas(e.formulas ?? [])
            }
            return lines + failure(e)
        case .answer:
            let verdict = strings.exportVerdict(correct: e.correct == true)
            let values = (e.results ?? []).map { "<div class=\"result\">\(HTMLValue.block($0, strings: strings))</div>" }
            return code(e.input) + ["<p>\(verdict)</p>"] + values + failure(e)
        case .load:
            return code(e.input) + (e.results ?? []).map { "<div class=\"result\">\(HTMLValue.block($0, strings: strings))</div>" }
                + (e.message.map { ["<p class=\"note\">\(Self.escape($0))</p>"] } ?? [])
        case .statement:
            var lines = code(e.input)
            for value in e.results ?? [] where value.silent != true {
                if let defined = value.defined {
                    lines.append("<p class=\"note\">\(strings.exportDefined("<code>\(Self.escape(defined))</code>"))</p>")
                } else {
                    lines.append("<div class=\"result\">\(HTMLValue.block(value, strings: strings))</div>")
                }
            }
            if let message = e.message { lines.append("<p class=\"note\">\(Self.escape(message))</p>") }
            return lines + failure(e)
        }
    }

    /// The prose and formulas a lesson step showed (recorded since journals carry them).
    private func shownStep(_ e: TranscriptEvent) -> [String] {
        var lines: [String] = []
        if let prose = e.prose { lines.append("<div class=\"prose\">\(ProseHTML.render(prose))</div>") }
        return lines + formulas(e.formulas ?? [])
    }

    /// Each formula typeset as written, then with its numbers (`= 0.5·1 + …`), then its value.
    private func formulas(_ list: [TranscriptFormula]) -> [String] {
        list.indices.map { k in
            let f = list[k]
            // Each loop pass starts with its index.
            let label = f.pass.flatMap { $0 == (k > 0 ? list[k - 1].pass : nil) ? nil : "<p class=\"note\">\(Self.escape($0))</p>" } ?? ""
            var math = ExportMathML.formula(f.input)
            if let numbers = f.substituted, let m = math, let typeset = ExportMathML.formula(numbers) {
                math = m + "<mo>\(f.approximate == true ? "≈" : "=")</mo>" + typeset
            }
            var html = label + "<div class=\"formula\">"
            let width = f.input.count + (f.substituted.map { $0.count + 3 } ?? 0)
            html += math.map { HTMLValue.box($0, width: width) } ?? code(f.input).joined()
            if f.hidden == true {
                html += "<p class=\"note\">\(strings.exportExercise)</p>"
            } else if let value = f.value, value.defined == nil {
                html += HTMLValue.block(value, strings: strings)
            }
            return html + "</div>"
        }
    }

    private func stepHeading(_ step: Int, of count: Int?, title: String?) -> String {
        let number = count.map { "\(step)/\($0)" } ?? "\(step)"
        return "<h2>\(strings.exportStep(number))" + (title.map { " · " + Self.escape($0) } ?? "") + "</h2>"
    }

    private func code(_ text: String?) -> [String] {
        text.map { ["<pre class=\"input\"><code>\(Self.escape($0))</code></pre>"] } ?? []
    }

    private func failure(_ e: TranscriptEvent) -> [String] {
        if e.interrupted == true { return ["<pre class=\"interrupted\">\(strings.exportInterruptedLabel)</pre>"] }
        return e.error.map { ["<pre class=\"error\">\(Self.escape($0))</pre>"] } ?? []
    }

    /// Text safe inside an element or a quoted attribute; control characters made visible.
    static func escape(_ text: String) -> String {
        var out = ""
        for u in text.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(u)
            default: out.unicodeScalars.append(Sanitize.visible(u))
            }
        }
        return out
    }
}

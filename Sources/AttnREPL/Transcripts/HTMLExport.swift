// A transcript as one self-contained HTML file: no scripts, no links, nothing fetched.
// Math is MathML (matrices as <mtable>), which browsers draw without scripts. Everything
// taken from the transcript is escaped before it is embedded.
import Engine

struct HTMLExport {
    let document: TranscriptDocument

    static let style = """
        body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}
        pre{background:#f5f5f5;padding:.5rem .75rem;border-radius:4px;overflow-x:auto}
        pre.error{background:#fdecea;color:#8a1c1c}
        .meta,.note{color:#666}
        math{font-size:1.1em}
        .result{overflow-x:auto;margin:.5rem 0 1.25rem}
        """

    func render() -> String {
        let s = document.settings
        let title = "attn-repl session " + document.name
        var out = ["<!DOCTYPE html>", "<html lang=\"\(Self.escape(s.language))\">", "<head>", "<meta charset=\"utf-8\">",
                   "<title>\(Self.escape(title))</title>", "<style>", Self.style, "</style>", "</head>", "<body>",
                   "<h1>\(Self.escape(title))</h1>"]
        let meta = [document.start.version.map { "attn-repl \($0)" }, document.start.date,
                    "\(s.digits) digits", s.float ? "IEEE double" : "exact"].compactMap { $0 }.joined(separator: " · ")
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
                         "<p class=\"note\">Lesson <code>\(Self.escape(e.lesson ?? ""))</code>"
                            + (e.language.map { ", language " + Self.escape($0) } ?? "") + ".</p>"]
            if let step = e.step { lines.append(stepHeading(step, of: e.steps, title: e.stepTitle)) }
            return lines
        case .step:
            return [stepHeading(e.step ?? 0, of: e.steps, title: e.title)]
        case .command:
            let now = e.settings.map { " — now \($0.digits) digits, \($0.float ? "IEEE double" : "exact")" } ?? ""
            return ["<p class=\"note\"><code>\(Self.escape(e.input ?? ""))</code>\(Self.escape(now))</p>"]
        case .input:
            let note = e.error == nil ? ["<p class=\"note\">\(Self.escape(e.name ?? "?")) changed: every step recomputed.</p>"] : []
            return code(e.input) + note + failure(e)
        case .answer:
            let verdict = e.correct == true ? "✓ correct" : "✗ not correct"
            let math = (e.results ?? []).first.map { " " + ExportMathML.math($0, display: false) } ?? ""
            return code(e.input) + ["<p>\(verdict)\(math)</p>"] + failure(e)
        case .load:
            return code(e.input) + (e.results ?? []).map { "<div class=\"result\">\(ExportMathML.math($0, display: true))</div>" }
                + (e.message.map { ["<p class=\"note\">\(Self.escape($0))</p>"] } ?? [])
        case .statement:
            var lines = code(e.input)
            for value in e.results ?? [] where value.silent != true {
                if let defined = value.defined {
                    lines.append("<p class=\"note\">Defined <code>\(Self.escape(defined))</code>.</p>")
                } else {
                    lines.append("<div class=\"result\">\(ExportMathML.math(value, display: true))</div>")
                }
            }
            if let message = e.message { lines.append("<p class=\"note\">\(Self.escape(message))</p>") }
            return lines + failure(e)
        }
    }

    private func stepHeading(_ step: Int, of count: Int?, title: String?) -> String {
        let number = count.map { "\(step)/\($0)" } ?? "\(step)"
        return "<h2>Step \(number)" + (title.map { " · " + Self.escape($0) } ?? "") + "</h2>"
    }

    private func code(_ text: String?) -> [String] {
        text.map { ["<pre class=\"input\"><code>\(Self.escape($0))</code></pre>"] } ?? []
    }

    private func failure(_ e: TranscriptEvent) -> [String] {
        e.error.map { ["<pre class=\"error\">\(Self.escape($0))</pre>"] } ?? []
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

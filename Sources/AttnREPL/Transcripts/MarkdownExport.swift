// A transcript as Markdown that renders on GitHub: inputs as code, results as ```math
// blocks (bmatrix; the exact form, then ≈ its decimals), names in $`…`$, and each lesson
// step a `##` section titled like the step. Text from the transcript is escaped.
import Engine

struct MarkdownExport {
    let document: TranscriptDocument
    /// The words of the language the session was recorded in.
    var strings: any Strings { Language(named: document.settings.language).strings }

    func render() -> String {
        let s = document.settings
        var out = ["# " + strings.exportTitle(escape(document.name)), ""]
        out += ["_" + [document.start.version.map { "attn-repl \($0)" }, document.start.date,
                      strings.exportDigits(s.digits), strings.exportArithmetic(float: s.float)].compactMap { $0.map(escape) }.joined(separator: " · ") + "_", ""]
        var steps: Int?                  // a step record is numbered "k/N" from its lesson's N
        for var event in document.events {
            if event.type == .lesson { steps = event.steps }
            if event.type == .step { event.steps = steps }
            out += section(event)
        }
        return out.joined(separator: "\n").trimmingTrailingNewlines + "\n"
    }

    private func section(_ e: TranscriptEvent) -> [String] {
        switch e.type {
        case .start: return []
        case .lesson:
            var lines = ["## \(escape(e.title ?? e.lesson ?? "lesson"))", "",
                         strings.exportLesson(inlineCode(e.lesson ?? ""), language: e.language.map(escape)), ""]
            if let introduction = e.introduction { lines += [ExportText.clean(introduction), ""] }
            if let step = e.step { lines += stepHeading(step, of: e.steps, title: e.stepTitle) }
            return lines + shownStep(e)
        case .step:
            return stepHeading(e.step ?? 0, of: e.steps, title: e.title) + shownStep(e)
        case .why:
            return code(e.input) + (e.lines ?? []).map { "> " + escape(Sanitize.text($0)) + "  " } + (e.lines == nil ? [] : [""]) + failure(e)
        case .command:
            return ["\(inlineCode(e.input ?? ""))" + ExportText.settingsNote(e, strings), ""]
        case .input:
            let changed = e.error == nil && e.interrupted != true
            return code(e.input) + (changed ? [strings.exportChanged("$`\(LaTeX.name(e.name ?? "?"))`$"), ""] + formulas(e.formulas ?? []) : [])
                + failure(e)
        case .answer:
            let verdict = strings.exportVerdict(correct: e.correct == true)
            let math = (e.results ?? []).first.map { " $`\(ExportMath.latex($0, inline: true))`$" } ?? ""
            return code(e.input) + ["\(verdict):" + math, ""] + failure(e)
        case .load:
            return code(e.input) + (e.results ?? []).flatMap { ["```math", ExportMath.latex($0, inline: false), "```", ""] }
                + (e.message.map { [escape($0), ""] } ?? [])
        case .statement:
            var lines = code(e.input)
            for value in e.results ?? [] where value.silent != true {
                if let defined = value.defined {
                    lines += [strings.exportDefined(inlineCode(defined)), ""]
                } else {
                    lines += ["```math", ExportMath.latex(value, inline: false), "```", ""]
                }
            }
            if let message = e.message { lines += [escape(message), ""] }
            return lines + failure(e)
        }
    }

    private func stepHeading(_ step: Int, of count: Int?, title: String?) -> [String] {
        let number = count.map { "\(step)/\($0)" } ?? "\(step)"
        return ["## " + strings.exportStep(number) + (title.map { " · " + escape($0) } ?? ""), ""]
    }

    /// The prose and formulas a lesson step showed. Prose is the lesson's own Markdown.
    private func shownStep(_ e: TranscriptEvent) -> [String] {
        (e.prose.map { [ExportText.clean($0), ""] } ?? []) + formulas(e.formulas ?? [])
    }

    /// Formulas as written (with their numbers), then their values, in one ```math block each.
    private func formulas(_ list: [TranscriptFormula]) -> [String] {
        list.indices.flatMap { k -> [String] in
            let f = list[k]
            // Each loop pass starts with its index.
            let label = f.pass.flatMap { $0 == (k > 0 ? list[k - 1].pass : nil) ? nil : ["**\(escape($0))**", ""] } ?? []
            return label + formula(f)
        }
    }

    private func formula(_ f: TranscriptFormula) -> [String] {
        var line = ExportMath.exact(f.input.replacingAll("\n", with: " "))
        if let numbers = f.substituted {
            line += (f.approximate == true ? " \\approx " : " = ") + LessonOutput.latexNumbers(numbers)
        }
        if f.hidden == true { return ["```math", ExportMath.latex(line), "```", "", "_\(strings.exportExercise)_", ""] }
        var out = ["```math", ExportMath.latex(line), "```", ""]
        if let value = f.value, value.defined == nil { out += ["```math", ExportMath.latex(value, inline: false), "```", ""] }
        return out
    }

    private func failure(_ e: TranscriptEvent) -> [String] {
        if e.interrupted == true { return ["_\(strings.exportInterrupted)_", ""] }
        guard let error = e.error else { return [] }
        return code(error, language: "text")
    }

    private func code(_ text: String?, language: String = "") -> [String] {
        guard let text else { return [] }
        let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: text) + 1))
        return [fence + language] + text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + [fence, ""]
    }

    /// Inline code that holds any text: the fence is longer than any run of backticks inside.
    private func inlineCode(_ text: String) -> String {
        let flat = text.replacingAll("\n", with: " ")
        let fence = String(repeating: "`", count: longestRun(of: "`", in: flat) + 1)
        return fence + " " + flat + " " + fence
    }

    private func longestRun(of c: Character, in text: String) -> Int {
        var best = 0, run = 0
        for ch in text {
            run = ch == c ? run + 1 : 0
            best = max(best, run)
        }
        return best
    }

    /// Text that Markdown shows as written: punctuation it would interpret is backslash-escaped.
    private func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if c == "\n" { out += " "; continue }
            if "\\`*_[]<>|$~&".contains(c) { out += "\\" }
            out.append(c)
        }
        return out
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}

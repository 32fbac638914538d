// Reads lesson Markdown: a `---` front matter, an introduction, `## ` steps with prose and
// fenced blocks (```attn, ```attn for v = a:b, ```exercise, ```hint). Other fences stay prose.
import Engine


struct LessonReader {
    let file: String
    private let lines: [Substring]

    init(file: String, text: String) {
        self.file = file
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }

    /// The front matter as ordered key/value pairs, `inputs` as its own list, and the line the body starts.
    struct FrontMatter {
        var fields: [String: (value: String, line: Int)] = [:]
        var inputs: [Lesson.Input] = []
        var bodyStart = 0
    }

    static let knownKeys: Set<String> = ["id", "title", "order", "summary", "inputs"]

    func frontMatter() throws -> FrontMatter {
        guard lines.first?.trimmingSpaces == "---" else { throw error(1, "a lesson starts with a front matter between --- lines") }
        var result = FrontMatter()
        var inInputs = false
        var i = 1
        while i < lines.count {
            let raw = lines[i], line = raw.trimmingSpaces
            defer { i += 1 }
            if line == "---" { result.bodyStart = i + 1; return result }
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else { throw error(i + 1, "expected 'key: value', got '\(line.prefix(40))'") }
            let key = String(line[..<colon]).trimmingSpaces, value = String(line[line.index(after: colon)...]).trimmingSpaces
            let indented = raw.first == " " || raw.first == "\t"
            if indented {
                guard inInputs else { throw error(i + 1, "unexpected indented line outside 'inputs:'") }
                guard !value.isEmpty else { throw error(i + 1, "input \(key) has no value") }
                let name = try canonicalName(key, line: i + 1)
                guard !result.inputs.contains(where: { $0.name == name }) else { throw error(i + 1, "input \(name) is given twice") }
                result.inputs.append(Lesson.Input(name: name, expression: value, line: i + 1))
                continue
            }
            inInputs = key == "inputs"
            guard LessonReader.knownKeys.contains(key) else {
                throw error(i + 1, "unknown front matter key '\(key)' (known: id, title, order, summary, inputs)")
            }
            if key == "inputs" {
                guard value.isEmpty else { throw error(i + 1, "list inputs on indented lines below 'inputs:'") }
                continue
            }
            result.fields[key] = (value, i + 1)
        }
        throw error(1, "the front matter is not closed by a --- line")
    }

    private func canonicalName(_ text: String, line: Int) throws -> String {
        guard let n = Parser.parseName(text) else {
            throw error(line, "'\(text)' is not a name")
        }
        return n.canonical
    }

    /// Reads a whole lesson (the English file, with formulas).
    func lesson() throws -> Lesson {
        let fm = try frontMatter()
        guard let id = fm.fields["id"]?.value, !id.isEmpty else { throw error(1, "the front matter has no id") }
        guard let title = fm.fields["title"]?.value, !title.isEmpty else { throw error(1, "the front matter has no title") }
        var order = 1000
        if let o = fm.fields["order"] {
            guard let n = Int(o.value) else { throw error(o.line, "order must be a whole number") }
            order = n
        }
        let (intro, steps) = try body(from: fm.bodyStart, formulas: true)
        guard !steps.isEmpty else { throw error(fm.bodyStart + 1, "a lesson needs at least one '## ' step") }
        return Lesson(id: id, title: title, order: order, summary: fm.fields["summary"]?.value ?? "",
                      inputs: fm.inputs, introduction: intro, steps: steps, file: file)
    }

    /// Reads a translation: title, summary, introduction and step prose, no formulas.
    func translation() throws -> (title: String?, summary: String?, introduction: String, steps: [Lesson.Step]) {
        let fm = try frontMatter()
        guard fm.inputs.isEmpty else { throw error(fm.inputs[0].line, "a translation has no inputs (they live in the English file)") }
        let (intro, steps) = try body(from: fm.bodyStart, formulas: false)
        return (fm.fields["title"]?.value, fm.fields["summary"]?.value, intro, steps)
    }

    private func body(from start: Int, formulas: Bool) throws -> (String, [Lesson.Step]) {
        var introduction: [Substring] = []
        var steps: [Lesson.Step] = []
        var prose: [Substring] = []
        var i = start
        func flushProse() {
            let text = prose.joined(separator: "\n").trimmingBlankLines.collapsingBlankLines
            if steps.isEmpty { introduction.append(contentsOf: prose) } else { steps[steps.count - 1].prose = text }
            prose = []
        }
        while i < lines.count {
            let line = lines[i]
            if line.hasPrefix("## ") {
                flushProse()
                steps.append(Lesson.Step(title: String(line.dropFirst(3)).trimmingSpaces, prose: "", line: i + 1))
                i += 1
                continue
            }
            if line.trimmingSpaces.hasPrefix("```") {
                let info = String(line.trimmingSpaces.dropFirst(3)).trimmingSpaces
                var end = i + 1
                while end < lines.count && lines[end].trimmingSpaces != "```" { end += 1 }
                guard end < lines.count else { throw error(i + 1, "the ``` block is not closed") }
                let content = lines[(i + 1)..<end].joined(separator: "\n")
                let kind = info.split(separator: " ").first.map(String.init) ?? ""
                switch kind {
                case "attn", "exercise", "hint":
                    guard !steps.isEmpty else { throw error(i + 1, "a ```\(kind) block must be inside a '## ' step") }
                    try special(kind, info: info, content: content, line: i + 1, into: &steps[steps.count - 1], formulas: formulas)
                default:
                    prose.append(contentsOf: lines[i...end])
                }
                i = end + 1
                continue
            }
            prose.append(line)
            i += 1
        }
        flushProse()
        let intro = introduction.joined(separator: "\n").trimmingBlankLines
        return (intro, steps)
    }

    private func special(_ kind: String, info: String, content: String, line: Int, into step: inout Lesson.Step, formulas: Bool) throws {
        switch kind {
        case "hint":
            step.hint = content.trimmingBlankLines
        case "attn":
            guard formulas else { throw error(line, "formulas live only in the English file; remove this ```attn block") }
            step.blocks.append(Lesson.FormulaBlock(source: content, line: line + 1, loop: try loop(info, line: line)))
        default:
            guard formulas else { throw error(line, "exercises are declared in the English file only") }
            for (k, name) in content.split(separator: "\n").enumerated() where !name.trimmingSpaces.isEmpty {
                let canonical = try canonicalName(name.trimmingSpaces, line: line + 1 + k)
                step.exercises.append(canonical)
                step.exerciseLines[canonical] = line + 1 + k
            }
        }
    }

    /// `attn for t = 1:rows(X)` → the loop; plain `attn` → nil.
    private func loop(_ info: String, line: Int) throws -> Lesson.FormulaBlock.Loop? {
        let rest = info.dropFirst(4).trimmingSpaces
        if rest.isEmpty { return nil }
        guard rest.hasPrefix("for "), let eq = rest.firstIndex(of: "=") else {
            throw error(line, "expected ```attn or ```attn for v = a:b, got ```\(info)")
        }
        let variable = String(rest.dropFirst(4)[..<eq]).trimmingSpaces
        let range = rest[rest.index(after: eq)...]
        guard let colon = range.lastIndex(of: ":"), !variable.isEmpty,
              variable.allSatisfy({ $0.isLetter }) else {
            throw error(line, "expected ```attn for v = a:b, got ```\(info)")
        }
        return .init(variable: variable, from: String(range[..<colon]).trimmingSpaces,
                     to: String(range[range.index(after: colon)...]).trimmingSpaces)
    }

    private func error(_ line: Int, _ message: Message) -> LessonError {
        LessonError(file: file, line: line, message: message)
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        let s = drop { $0 == " " || $0 == "\t" }
        return String(s.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    /// Runs of blank lines (left where a formula block was lifted out) as one.
    var collapsingBlankLines: String {
        var out: [SubSequence] = []
        for line in split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace), let last = out.last, last.allSatisfy(\.isWhitespace) { continue }
            out.append(line)
        }
        return out.joined(separator: "\n")
    }

    /// Without leading and trailing blank lines.
    var trimmingBlankLines: String {
        var ls = split(separator: "\n", omittingEmptySubsequences: false)
        while let f = ls.first, f.allSatisfy(\.isWhitespace) { ls.removeFirst() }
        while let l = ls.last, l.allSatisfy(\.isWhitespace) { ls.removeLast() }
        return ls.joined(separator: "\n")
    }
}

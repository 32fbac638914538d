// The built-in lessons' text, read from lessons/ in the source tree: self-contained (no talk of
// sources the learner has not seen), every suggested experiment typeable as written, and
// Chinese prose with a space between Chinese and Latin text.
import Foundation
import Testing

/// One built-in lesson file (English or a translation) as plain text.
struct LessonSourceFile: CustomTestStringConvertible, Sendable {
    let id: String
    let language: String
    let text: String

    var testDescription: String { language == "en" ? "\(id).md" : "\(language)/\(id).md" }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lessons")

    static let all: [LessonSourceFile] = {
        var files: [LessonSourceFile] = []
        for (language, folder) in [("en", directory), ("zh", directory.appendingPathComponent("zh"))] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".md") && name != "README.md" {
                let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
                files.append(LessonSourceFile(id: String(name.dropLast(3)), language: language, text: text))
            }
        }
        return files
    }()

    /// The text outside fenced blocks, the front matter left out.
    var prose: String {
        var lines: [Substring] = []
        var inFence = false, frontMatterDashes = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if frontMatterDashes < 2 {
                if line == "---" { frontMatterDashes += 1 }
                continue
            }
            if line.hasPrefix("```") { inFence.toggle(); continue }
            if !inFence { lines.append(line) }
        }
        return lines.joined(separator: "\n")
    }

    /// The names of the English lesson's inputs (its front matter's indented lines).
    var inputNames: Set<String> {
        let english = language == "en" ? text : (try? String(contentsOf: Self.directory.appendingPathComponent("\(id).md"), encoding: .utf8)) ?? ""
        var names: Set<String> = []
        var inInputs = false
        for line in english.split(separator: "\n") {
            if line == "---", inInputs { break }
            if line.hasPrefix("inputs:") { inInputs = true; continue }
            if inInputs, line.hasPrefix("  "), let colon = line.firstIndex(of: ":") {
                names.insert(line[..<colon].trimmingCharacters(in: .whitespaces))
            }
        }
        return names
    }

    /// Inline code spans in the prose that assign only inputs of the lesson, as `--set` pairs:
    /// `X = [1 0; 0 1]; W_xh = [0.5 0; 0 1]` gives [("X", "[1 0; 0 1]"), ("W_xh", "[0.5 0; 0 1]")].
    var experiments: [(code: String, settings: [(name: String, value: String)])] {
        let inputs = inputNames
        let spans = prose.replacingOccurrences(of: "\n", with: " ").split(separator: "`", omittingEmptySubsequences: false)
        var found: [(String, [(String, String)])] = []
        for (i, span) in spans.enumerated() where i % 2 == 1 {
            let settings = Self.statements(String(span)).map { statement -> (String, String)? in
                guard let eq = statement.firstIndex(of: "="), !statement[statement.index(after: eq)...].hasPrefix("=") else { return nil }
                let name = statement[..<eq].trimmingCharacters(in: .whitespaces)
                return inputs.contains(name) ? (name, statement[statement.index(after: eq)...].trimmingCharacters(in: .whitespaces)) : nil
            }
            if !settings.isEmpty, settings.allSatisfy({ $0 != nil }) { found.append((String(span), settings.compactMap { $0 })) }
        }
        return found
    }

    /// Inline code spans in the prose that are statements to type: every part assigns a plain
    /// name (`h = 1/100000`, `X = …; W_xh = …`), inputs or not. Placeholders (`g_{11} = …`) are left out.
    var typedAssignments: [(code: String, names: [String])] {
        let spans = prose.replacingOccurrences(of: "\n", with: " ").split(separator: "`", omittingEmptySubsequences: false)
        var found: [(String, [String])] = []
        for (i, span) in spans.enumerated() where i % 2 == 1 && !span.contains("…") {
            let names = Self.statements(String(span)).map { statement -> String? in
                guard let eq = statement.firstIndex(of: "="), !statement[statement.index(after: eq)...].hasPrefix("=") else { return nil }
                let name = statement[..<eq].trimmingCharacters(in: .whitespaces)
                let plain = name.first?.isLetter == true && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_{},".contains($0)) }
                return plain ? name : nil
            }
            if !names.isEmpty, names.allSatisfy({ $0 != nil }) { found.append((String(span), names.compactMap { $0 })) }
        }
        return found
    }

    /// Splits at the `;` that separate statements, not at those inside brackets (matrix rows).
    static func statements(_ code: String) -> [String] {
        var parts: [String] = [], current = "", depth = 0
        for c in code {
            if c == "[" || c == "(" { depth += 1 }
            if c == "]" || c == ")" { depth -= 1 }
            if c == ";" && depth == 0 { parts.append(current); current = "" } else { current.append(c) }
        }
        parts.append(current)
        return parts
    }
}

@Suite("Lesson text")
struct LessonTextTests {
    /// Phrases that refer to text the learner has never seen. A lesson that discusses a claim or
    /// code shows it first (a sketch in a fenced block) and then speaks of "the sketch".
    static let unseenSources = ["the article", "the documents", "the sample code", "sample model", "the worked example",
                                "the first article", "one of the articles", "文章", "原文", "示例代码", "示例模型"]

    @Test func everyLessonHasBothLanguages() {
        let english = Set(LessonSourceFile.all.filter { $0.language == "en" }.map(\.id))
        let chinese = Set(LessonSourceFile.all.filter { $0.language == "zh" }.map(\.id))
        #expect(english.count >= 10)
        #expect(english == chinese)
        #expect(english.contains("cross-attention"))
    }

    @Test(arguments: LessonSourceFile.all)
    func speaksOfNoSourceTheLearnerHasNotSeen(_ file: LessonSourceFile) {
        let text = file.text.lowercased()
        for phrase in Self.unseenSources {
            #expect(!text.contains(phrase), "\(file.testDescription) says \"\(phrase)\"")
        }
    }

    /// The check itself must be able to fail.
    @Test func theBannedPhraseCheckCatchesAMention() {
        let sample = "As the article shows, ...".lowercased()
        #expect(Self.unseenSources.contains { sample.contains($0) })
    }

    /// Chinese prose puts a space between Chinese characters and Latin letters, digits or code
    /// (`Transformer 要学习`, `第 1 行`), as Chinese technical writing does.
    @Test(arguments: LessonSourceFile.all.filter { $0.language == "zh" })
    func chineseProseSpacesLatinText(_ file: LessonSourceFile) {
        for line in file.prose.split(separator: "\n") {
            let scalars = Array(line.unicodeScalars)
            for (a, b) in zip(scalars, scalars.dropFirst()) where Self.isHan(a) && Self.isLatin(b, after: false) || Self.isLatin(a, after: true) && Self.isHan(b) {
                Issue.record("\(file.testDescription): no space between \(a) and \(b) in: \(line)")
            }
        }
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(s.value) }

    /// The screen renders **bold** but not *italic*: a single `*` pair would be shown as typed.
    @Test(arguments: LessonSourceFile.all.filter { $0.language == "zh" })
    func proseEmphasisIsBold(_ file: LessonSourceFile) {
        for line in file.prose.split(separator: "\n") where !line.hasPrefix("* ") {
            // Outside inline code (`2 * hidden_size`).
            let text = line.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()
            let stars = text.replacing("**", with: "").replacing(".*", with: "")   // `.*` multiplies entry by entry
            if stars.filter({ $0 == "*" }).count >= 2 {
                Issue.record("\(file.testDescription): *italic* is shown with its asterisks on the screen: \(line)")
            }
        }
    }

    /// A code sketch keeps its lines (it is never re-wrapped like prose), and the screen indents
    /// it by 3 columns inside a 1-column right margin: at 80 columns a line of more than 76
    /// columns breaks in the middle of the code (`… .squeeze(2)  #` / `(1)`).
    static let widestCodeLine = 76

    @Test(arguments: LessonSourceFile.all.filter { $0.language == "zh" })
    func codeSketchesFitEightyColumns(_ file: LessonSourceFile) {
        var inFence = false, inCode = false
        for line in file.text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                let kind = line.dropFirst(3)
                inFence.toggle()
                inCode = inFence && !kind.hasPrefix("attn") && kind != "hint" && kind != "exercise"
                continue
            }
            let columns = line.unicodeScalars.reduce(0) { $0 + (Self.isWide($1) ? 2 : 1) }
            if inCode && columns > Self.widestCodeLine {
                Issue.record("\(file.testDescription): a code line of \(columns) columns breaks at 80 columns: \(line)")
            }
        }
    }

    /// CJK characters and full-width forms take two columns.
    static func isWide(_ s: Unicode.Scalar) -> Bool {
        (0x1100...0x115F).contains(s.value) || (0x2E80...0xA4CF).contains(s.value) || (0xAC00...0xD7A3).contains(s.value)
            || (0xF900...0xFAFF).contains(s.value) || (0xFE30...0xFE4F).contains(s.value) || (0xFF00...0xFF60).contains(s.value)
            || (0xFFE0...0xFFE6).contains(s.value)
    }

    /// Letters, digits and code marks; a closing `}` `]` ends a formula, an opening `{` `[` starts one.
    static func isLatin(_ s: Unicode.Scalar, after: Bool) -> Bool {
        if s.isASCII, s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "`" || s == "_" || s == "^" { return true }
        return after ? (s == "}" || s == "]") : (s == "{" || s == "[")
    }

    /// Every experiment a lesson suggests in inline code (`x_3 = [5, 10, -5]`, or several inputs
    /// on one line) runs with the lesson's shapes.
    @Test(arguments: LessonSourceFile.all)
    func everySuggestedExperimentRuns(_ file: LessonSourceFile) throws {
        for experiment in file.experiments {
            let settings = experiment.settings.flatMap { ["--set", "\($0.name)=\($0.value)"] }
            let result = try BinaryRunner.run(["run", file.id, "--format", "json"] + settings)
            #expect(result.status == 0, "\(file.testDescription): `\(experiment.code)` fails: \(result.stderr)")
        }
    }

    @Test func experimentsAreFoundInProse() {
        let rnnAttention = LessonSourceFile.all.first { $0.id == "rnn-attention" && $0.language == "en" }
        let codes = rnnAttention?.experiments.map(\.code) ?? []
        #expect(codes.contains("X = [1 0; 0 1; 1 1]; W_xh = [0.5 0; 0 1]"))
        #expect(LessonSourceFile.statements("X = [1 0; 0 1]; b = 2") == ["X = [1 0; 0 1]", " b = 2"])
    }
}

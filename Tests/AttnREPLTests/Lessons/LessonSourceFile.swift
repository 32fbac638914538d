// One built-in lesson file (lessons/ID.md, or its translation lessons/zh/ID.md) as the lesson
// text checks read it: its prose, the code sketches it shows, and the statements its inline
// code suggests typing.
import Engine
import Foundation
import Testing

struct LessonSourceFile: CustomTestStringConvertible, Sendable {
    let id: String
    let language: Language
    let text: String

    var testDescription: String { language == .en ? "\(id).md" : "\(language.rawValue)/\(id).md" }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lessons")

    /// Every built-in lesson in every language.
    static let all: [LessonSourceFile] = {
        var files: [LessonSourceFile] = []
        for language in Language.allCases {
            let folder = language == .en ? directory : directory.appendingPathComponent(language.rawValue)
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

    /// The lines of the fences shown as code sketches: not ```attn, ```exercise or ```hint.
    var codeSketchLines: [Substring] {
        var lines: [Substring] = [], inFence = false, inCode = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                let kind = line.dropFirst(3)
                inFence.toggle()
                inCode = inFence && !kind.hasPrefix("attn") && kind != "hint" && kind != "exercise"
                continue
            }
            if inCode { lines.append(line) }
        }
        return lines
    }

    /// The inline code spans of the prose (`x_1 = [2, 0, 1]`, `:digits 30`, `softmax`).
    var codeSpans: [String] { Self.codeSpans(prose) }

    static func codeSpans(_ prose: String) -> [String] {
        let pieces = prose.replacingOccurrences(of: "\n", with: " ").split(separator: "`", omittingEmptySubsequences: false)
        return pieces.enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// A line of prose without its inline code (`2 * hidden_size` is code, not emphasis).
    static func outsideCode(_ line: Substring) -> String {
        line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
    }

    /// The names of the English lesson's inputs (its front matter's indented lines): a
    /// translation has the same inputs.
    var inputNames: Set<String> {
        let english = language == .en ? text : (try? String(contentsOf: Self.directory.appendingPathComponent("\(id).md"), encoding: .utf8)) ?? ""
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

    /// Inline code spans that parse as statements (`h = 1/100000`, `X = …; W_xh = …`,
    /// `h_2^T x_1`), with the names they assign, canonical (`W_{Q}` → `W_Q`). A pattern that
    /// does not parse (`g_{11} = …`) is left out.
    var statementSpans: [(code: String, assigned: [String], onlyAssignments: Bool)] {
        codeSpans.compactMap { code in
            guard case let .complete(statements) = Parser.parse(code), !statements.isEmpty else { return nil }
            let names = statements.compactMap { s -> String? in
                if case let .assignment(name, _) = s.kind { return name.canonical }
                return nil
            }
            return (code, names, names.count == statements.count)
        }
    }

    /// The spans that are statements to type: every statement assigns a name.
    var typedAssignments: [(code: String, names: [String])] {
        statementSpans.filter(\.onlyAssignments).map { ($0.code, $0.assigned) }
    }

    /// The typed assignments that set only inputs of the lesson, as `--set` pairs:
    /// `X = [1 0; 0 1]; W_xh = [0.5 0; 0 1]` gives [("X", "[1 0; 0 1]"), ("W_xh", "[0.5 0; 0 1]")].
    var experiments: [(code: String, settings: [(name: String, value: String)])] {
        let inputs = inputNames
        return typedAssignments.compactMap { assignment in
            guard assignment.names.allSatisfy(inputs.contains) else { return nil }
            // Each statement parsed as an assignment: its value is what follows the first `=`.
            let values = Self.statements(assignment.code).compactMap { statement in
                statement.firstIndex(of: "=").map { statement[statement.index(after: $0)...].trimmingCharacters(in: .whitespaces) }
            }
            guard values.count == assignment.names.count else { return nil }
            return (assignment.code, zip(assignment.names, values).map { ($0, $1) })
        }
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
        return parts.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}

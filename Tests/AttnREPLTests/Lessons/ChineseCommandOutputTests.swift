// SPEC §5 for the commands that open no lesson: with --lang zh (before or after the command
// name) eval's trace headings and built-ins' steps, replay's differences and summary, and the
// errors of eval, replay and export (their file positions and system error texts included)
// are Chinese. Same check as ChineseOutputTests: no English word that is the program's own.
import Engine
import Foundation
import Testing
@testable import AttnREPL

extension ChineseOutputTests {
    /// The words of what was typed (paths, programs), of the program's names, and options and
    /// transcript fields a message names are allowed.
    static func englishWords(in result: RunResult, typed: [String]) -> [String] {
        let names: Set<String> = ["format", "force", "settings", "type", "transcript"]
        let allowed = Self.programWords.union(names).union(typed.flatMap { Self.words($0).map(String.init) })
        return Self.englishWords(in: result.stdout + result.stderr, allowing: allowed)
    }

    static let gradProgram = "x = [1/2; 1]; grad(sum(x .* x), x)"
    static let headsProgram = "multihead([1 2; 3 4], [1 0; 0 1], [1 0; 0 1], [1 0; 0 1], [1 0; 0 1], 2)"

    @Test(arguments: [gradProgram, headsProgram])
    func evalTraceIsChinese(_ program: String) throws {
        let r = try BinaryRunner.run(["--lang", "zh", "eval", "--trace", program])
        #expect(r.status == 0)
        for expected in ["中间值：", "结果："] { #expect(r.stdout.contains(expected), "missing: \(expected)") }
        for english in ["trace:", "value:", "grad: ", "scores", "weights"] { #expect(!r.stdout.contains(english), "\(english) in \(r.stdout)") }
        let english = Self.englishWords(in: r, typed: [program])
        #expect(english.isEmpty, "\(english.joined(separator: "\n"))")
    }

    @Test func evalTraceWordsTheBackwardPassAndAttentionSteps() throws {
        let grad = try BinaryRunner.run(["eval", "--lang", "zh", "--trace", Self.gradProgram])
        #expect(grad.stdout.contains("    求导：L = sum(x .* x) → 5/4 = 1.25\n    求导：∂L/∂(sum(x .* x)) → 1\n"))
        let heads = try BinaryRunner.run(["eval", "--trace", "--lang", "zh", Self.headsProgram])
        #expect(heads.stdout.contains("multihead：head_1 分数 = Q K^T → [1 3; 3 9]"))
        #expect(heads.stdout.contains("multihead：head_2 权重 = softmax(缩放分数) →"))
        #expect(heads.stdout.contains("multihead：输出 = 拼接 W_O →"))
        // English is unchanged, and JSON keeps the English labels (a format for programs).
        let english = try BinaryRunner.run(["eval", "--trace", Self.gradProgram])
        #expect(english.stdout.hasPrefix("trace:\n") && english.stdout.contains("    grad: L = sum(x .* x) → 5/4 = 1.25\n"))
        let json = try BinaryRunner.run(["--lang", "zh", "eval", "--format", "json", "--trace", Self.gradProgram])
        #expect(json.stdout.contains("\"expr\": \"grad: L = sum(x .* x)\""))
    }

    /// A transcript file for the error cases: a bad record, an unreadable value, a lesson that
    /// is gone.
    static func transcriptFiles(in dir: URL) throws -> [String: String] {
        let files = [
            "bad.json": "not json\n",
            "torn.jsonl": "{\"type\": \"start\"}\n{\"type\": 3}\n",
            "format.json": "{\"format\": \"x\", \"version\": 1, \"settings\": {\"digits\": 6, \"float\": false, \"trace\": false, \"language\": \"en\"}, \"events\": []}",
            "fields.json": "{\"format\": \"attn-repl-transcript\", \"version\": 1, \"events\": []}",
            "newer.json": "{\"format\": \"attn-repl-transcript\", \"version\": 99, \"settings\": {\"digits\": 6, \"float\": false, \"trace\": false, \"language\": \"en\"}, \"events\": []}",
        ]
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return files
    }

    @Test func replayAndExportErrorsAreChinese() throws {
        let dir = try Golden.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let names = try Self.transcriptFiles(in: dir).keys.sorted()
        let session = Golden.url("session.json").path
        try "x".write(to: dir.appendingPathComponent("taken.md"), atomically: true, encoding: .utf8)
        var runs: [[String]] = [["replay", "/nonexistent"], ["export", "/nonexistent", "--to", "md"], ["replay", dir.path],
                                ["export", session, "--to", "md", "-o", "/nonexistent/x.md"],
                                ["export", session, "--to", "md", "-o", dir.appendingPathComponent("taken.md").path],
                                ["export", session, "--to", "html", "-o", dir.path, "--force"],
                                ["eval", "1/0"], ["eval", "softmax([1, 2], 3)"]]
        runs += names.map { ["replay", dir.appendingPathComponent($0).path] }
        for arguments in runs {
            // --lang before the command name, as a global option.
            let r = try BinaryRunner.run(["--lang", "zh"] + arguments)
            #expect(r.status == 1, "\(arguments)")
            #expect(r.stderr.hasPrefix("错误："), "\(arguments): \(r.stderr)")
            let english = Self.englishWords(in: r, typed: arguments)
            #expect(english.isEmpty, "\(arguments): \(english.joined(separator: "\n"))")
        }
        let missing = try BinaryRunner.run(["--lang", "zh", "replay", "/nonexistent"])
        #expect(missing.stderr == "错误：无法读取 /nonexistent：没有这个文件或目录\n")
        let english = try BinaryRunner.run(["replay", "/nonexistent"])
        #expect(english.stderr == "error: cannot read /nonexistent: No such file or directory\n")
    }

    @Test func outputThatCannotBeWrittenIsReportedInChinese() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let r = try BinaryRunner.run(["-c", "exec \"$0\" --lang zh eval 1 > /dev/full", BinaryRunner.executable.path],
                                     executable: "/bin/sh")
        #expect(r.status == 1)
        #expect(r.stderr == "错误：无法写出输出（设备上没有剩余空间）\n")
    }

    /// Differences, a statement interrupted when recorded, a `:` command that is not replayed,
    /// a lesson that no longer exists, a recorded value that cannot be read: all in Chinese.
    @Test func replayReportsInChinese() throws {
        let dir = try Golden.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let journal = dir.appendingPathComponent("s.jsonl")
        let start = "{\"type\": \"start\", \"version\": \"0.1.0\", \"date\": \"2026-12-03T10:37:14Z\", \"settings\": {\"digits\": 6, \"float\": false, \"trace\": false, \"language\": \"en\"}}"
        let records = [
            start,
            "{\"type\": \"statement\", \"input\": \"y = 1/3\", \"results\": [{\"name\": \"y\", \"shape\": [], \"exact\": [\"1/4\"], \"values\": [\"0.25\"]}]}",
            "{\"type\": \"statement\", \"input\": \"z = 2; sum(rand(3000, 3000))\", \"interrupted\": true, \"results\": [{\"name\": \"z\", \"shape\": [], \"exact\": [\"2\"], \"values\": [\"2\"]}]}",
            "{\"type\": \"command\", \"input\": \":load q = /etc/passwd\"}",
            "{\"type\": \"lesson\", \"lesson\": \"gone\", \"language\": \"en\", \"steps\": 1, \"step\": 1, \"solved\": []}",
            "{\"type\": \"load\", \"input\": \":load w = w.json\", \"name\": \"w\", \"data\": {\"shape\": [2], \"exact\": [\"1\", \"exp(\"]}}",
            "{\"type\": \"statement\", \"input\": \"z\", \"results\": [{\"shape\": [], \"exact\": [\"2\"], \"values\": [\"2\"]}]}",
        ]
        try (records.joined(separator: "\n") + "\n{\"type\": \"stat").write(to: journal, atomically: true, encoding: .utf8)
        let r = try BinaryRunner.run(["replay", journal.path, "--lang", "zh"])
        #expect(r.status == 1)
        for expected in ["第 1 条语句：y = 1/3\n  记录的：y = 0.25\n  现在的：y = 0.333333\n",
                         "已跳过 z = 2; sum(rand(3000, 3000))：记录时被中断（Ctrl-C）（其中已经完成的前 1 条语句重新运行了）",
                         "已跳过第 4 条记录：:load q = /etc/passwd", "重放了 2 条语句，1 处差异，跳过了 1 条被中断的语句"] {
            #expect(r.stdout.contains(expected), "missing: \(expected) in \(r.stdout)")
        }
        for expected in ["警告：", "错误：课程 gone：gone：没有这门课程（课程：", "错误：w：无法读取记录的值：第 2 个元素：精确形式"] {
            #expect(r.stderr.contains(expected), "missing: \(expected) in \(r.stderr)")
        }
        // What the transcript's inputs typed (not its JSON keys, which are English words).
        let typed = ["y = 1/3", "z = 2; sum(rand(3000, 3000))", ":load q = /etc/passwd", "gone", "exp(", journal.path]
        let english = Self.englishWords(in: r, typed: typed)
        #expect(english.isEmpty, "\(english.joined(separator: "\n"))")
    }

    /// A common errno has a Chinese text and its English is glibc's own (en output unchanged).
    @Test func systemErrorTextsMatchTheSystemsEnglish() {
        for (number, english) in SystemError.english {
            #expect(String(cString: strerror(number)) == english)
            #expect(SystemError.message(number).text(in: .en) == english)
            let chinese = Language.zh.text(SystemError.message(number))
            #expect(chinese != english && Self.words(chinese).isEmpty, "\(english) → \(chinese)")
        }
        // A rare one keeps the system's words.
        #expect(SystemError.message(EHOSTDOWN).text(in: .zh) == String(cString: strerror(EHOSTDOWN)))
    }
}

extension ChineseOutputTests {
    /// Usage errors (exit 64): the program's own messages and ArgumentParser's common ones, in
    /// the frame ArgumentParser puts around them (`Usage:`, `See … --help`), all in Chinese.
    @Test(arguments: [["eval"], ["--digits", "0", "eval", "1"], ["eval", "--bogus", "1"], ["run", "dot-attention", "--set", "x"],
                      ["run", "dot-attention", "--set", "1=2"], ["run", "dot-attention", "--set", "x_1="], ["run"],
                      ["run", "rnn", "--format", "pdf"], ["export", "x"], ["bogus"], ["eval", "--digits", "x", "1"]])
    func usageErrorsAreChinese(_ arguments: [String]) throws {
        let r = try BinaryRunner.run(["--lang", "zh"] + arguments)
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("错误：") && r.stderr.contains("用法：attn-repl"), "\(r.stderr)")
        // The usage line is syntax: option names, placeholders and values are allowed.
        let syntax = ["plain", "digits", "float", "lang", "lessons", "subcommand", "id", "set", "EXPR", "format", "file", "to",
                      "output", "force", "trace", "program", "text", "markdown"]
        let english = Self.englishWords(in: r, typed: arguments + syntax)
        #expect(english.isEmpty, "\(english.joined(separator: "\n"))")
    }
}

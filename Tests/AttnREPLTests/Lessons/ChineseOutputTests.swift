// With --lang zh every word the program shows is Chinese (SPEC §5): run's headings, lesson text
// in the line REPL, :help, exercise feedback and hints, :why, progress and error messages. The
// test runs the binary and fails on any English word that is the program's own: words from
// the lesson's files (its Chinese prose, the formulas), formula-language names, commands,
// numbers and lesson ids are allowed.
import Engine
import Foundation
import Testing
@testable import AttnREPL

@Suite("Chinese output")
struct ChineseOutputTests {
    static let lessonsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("lessons")

    static let lessonIDs: [String] = LessonLibrary(extraDirectory: nil).ids.sorted()

    /// Words that are not English prose: names the learner types, keys, formats, the program's name.
    static let fixedWords: Set<String> = [
        "attn", "repl", "Ctrl", "Alt", "Home", "End", "Tab", "IEEE", "JSON", "HTML", "Markdown", "LaTeX", "OpenBLAS",
        "ID", "NAME", "FILE", "md", "json", "html", "ipynb", "npy", "csv", "on", "off", "all", "resume", "pi", "Frobenius",
        "PE", "pos", "eps", "libopenblas", "Python", "NumPy", "PyTorch", "MPFR",
    ]

    static func words(_ text: String) -> [Substring] {
        text.split { !($0.isASCII && $0.isLetter) }.filter { $0.count >= 2 }
    }

    /// Words a lesson's own files contain: its Chinese text, and the English file's formulas and inputs.
    static func lessonWords(_ id: String) throws -> Set<String> {
        var words = Set<String>()
        let zh = try String(contentsOf: lessonsDirectory.appendingPathComponent("zh/\(id).md"), encoding: .utf8)
        words.formUnion(Self.words(zh).map(String.init))
        let en = try String(contentsOf: lessonsDirectory.appendingPathComponent("\(id).md"), encoding: .utf8)
        let parts = en.components(separatedBy: "```")
        let frontMatter = en.components(separatedBy: "---").dropFirst().first ?? ""
        let formulas = parts.enumerated().filter { $0.offset % 2 == 1 && $0.element.hasPrefix("attn") }.map(\.element)
        for text in formulas + [frontMatter] { words.formUnion(Self.words(text).map(String.init)) }
        return words
    }

    static var programWords: Set<String> {
        Set(Builtins.names + CommandTable.all.map(\.name) + lessonIDs.flatMap { $0.split(separator: "-").map(String.init) })
            .union(fixedWords)
    }

    /// The English words of `output` that come from none of the allowed sources, with their lines.
    static func englishWords(in output: String, allowing allowed: Set<String>) -> [String] {
        output.split(separator: "\n").compactMap { line in
            let found = Self.words(String(line)).filter { !allowed.contains(String($0)) }
            return found.isEmpty ? nil : "\(found.joined(separator: " ")) ← \(line)"
        }
    }

    @Test(arguments: lessonIDs)
    func runPrintsNoEnglishWordOfItsOwn(_ id: String) throws {
        let r = try BinaryRunner.run(["run", id, "--lang", "zh"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("输入") && r.stdout.contains("第 1/"))
        let english = Self.englishWords(in: r.stdout + r.stderr, allowing: try Self.lessonWords(id).union(Self.programWords))
        #expect(english.isEmpty, "\(english.joined(separator: "\n"))")
    }

    static let session = """
        :help
        :help why
        :help softmax
        :lesson dot-attention
        :hint
        e_{2,1} = 0.9999999
        e_{2,1} = -1/2
        :why e_{2,1}
        :why e_{2,1}[3]
        :why x_1
        x_1 = [1 2]
        x_1 = [1, 0, 2]; h_2 = [0.5, 1, -0.5]
        :step 4
        total = 0.9999999
        total = [1, 2]
        total = 1
        :why alpha_{2,3}
        :digits 8
        :digits 0
        :float on
        :float off
        :trace on
        :trace off
        :vars
        :step x
        :bogus
        :d
        foo + 1
        [1 2; 3 4] * [1 2 3]
        softmax(1, 2)
        1/0
        log(-1)
        :reset
        :lesson
        :leave
        :why q
        :hint
        :lesson nope
        f(x) = x + 1
        :why f
        :digits 6
        exp(1e-99999) - 1
        a = 2
        a**2
        x = [1, 2]
        x.T
        grad([1,2], x)
        W = [1 2; 3 4]
        g = grad(sum(tanh(W x)), W)
        :why g[1, 2]
        A = grad(sum(attention(W, W, W)), W)
        :why A[1, 1]
        x = [1，2]
        x[0]
        ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
        :load y = /nonexistent.csv
        :save x /nonexistent/d/x.csv
        [1, 2
        """

    @Test func theLineREPLSpeaksChineseThroughout() throws {
        let r = try BinaryRunner.run(["--plain", "--lang", "zh"], stdin: Self.session + "\n")
        let output = r.stdout + r.stderr
        // What the session must have shown, in Chinese.
        for expected in ["输入公式即可计算", "✗ 不对，再算一次 e_{2,1}。", "✓ 正确：e_{2,1} = -1/2", "它用到", "有效数字：8 位",
                         "错误：未知的名字 foo", "错误：无法把 2×2 矩阵乘以 1×3 矩阵", "没有命令 :bogus", "除以零",
                         "x_1、h_2 已更改", "保留原来的值", "✓ 正确：total = 1", "✗ 不对，再算一次 total。", "total 是一个数，但你的答案是 2 维向量",
                         // Messages added after the first Chinese table: the precision cap, Python
                         // habits, grad and its chain rule, indices from 1, nesting, files.
                         "已到精度上限", "** 是 Python 的幂运算", "x.T 是 NumPy 的转置", "表达式没有用到 x",
                         "链式法则，从 L = sum(tanh(W x)) 一直到 W", "反向传播从这里开始", "索引从 1 开始",
                         "表达式嵌套太深", "全角字符“，”：请改用半角的“,”", "attention：权重 = softmax(缩放分数)", "/nonexistent.csv：没有这个文件", "无法写入 /nonexistent/d/x.csv：没有目录 /nonexistent/d"] {
            #expect(output.contains(expected), "missing: \(expected)")
        }
        // :help names the screen's keys as SPEC §6 has them: typing is never a command.
        #expect(output.contains("F1 显示帮助，Ctrl-D 退出。") && !output.contains("q 退出"))
        let typed = Set(Self.words(Self.session).map(String.init))
        // `:lesson` lists every lesson's title.
        let allowed = try Self.lessonIDs.reduce(Self.programWords.union(typed)) { $0.union(try Self.lessonWords($1)) }
        let english = Self.englishWords(in: output, allowing: allowed)
        #expect(english.isEmpty, "\(english.joined(separator: "\n"))")
    }

    @Test(arguments: [["run", "nope"], ["run", "dot-attention", "--set", "x_1=[1 2]"], ["run", "dot-attention", "--set", "x_1=foo"],
                      ["run", "multi-head", "--set", "h=3"], ["run", "dot-attention", "--set", "W=1"]])
    func runErrorsAreChinese(_ arguments: [String]) throws {
        let r = try BinaryRunner.run(arguments + ["--lang", "zh"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("错误："), "\(r.stderr)")
        let typed = Set(arguments.flatMap { Self.words($0).map(String.init) })
        let english = Self.englishWords(in: r.stderr, allowing: Self.programWords.union(typed).union(["lessons"]))
        #expect(english.isEmpty, "\(english.joined(separator: "\n"))")
    }

    /// The check itself finds English: the same session in English is full of it.
    @Test func theCheckFindsEnglishWhenThereIsSome() throws {
        let r = try BinaryRunner.run(["--plain", "--lang", "en"], stdin: Self.session + "\n")
        let allowed = try Self.lessonWords("dot-attention").union(Self.programWords)
        let english = Self.englishWords(in: r.stdout + r.stderr, allowing: allowed)
        #expect(english.contains { $0.hasPrefix("not quite") || $0.contains("correct") })
    }
}

// `--help` under --lang zh (SPEC §5): every command's help screen is Chinese, built from the
// same command and option definitions as ArgumentParser's English one, which stays as it was.
import Engine
import Foundation
import Testing
@testable import AttnREPL

@Suite("Chinese help")
struct ChineseHelpTests {
    static let commands = TranslatedHelp.displayedCommands(of: AttnREPLCommand.self)
    static let tree = CommandDescription.of(AttnREPLCommand.self)

    /// The English texts the help screen of the command `name` shows, from the command definitions.
    static func englishTexts(of name: String) throws -> [String] {
        let command = try #require(Self.commands.first { $0._commandName == name })
        let tree = try #require(Self.tree)
        let description = try #require(command == AttnREPLCommand.self ? tree : tree.subcommand(command._commandName))
        let configuration = command.configuration
        let arguments = (description.arguments ?? []).filter(\.shouldDisplay)
        return [configuration.abstract, configuration.discussion]
            + arguments.flatMap { [$0.abstract ?? "", $0.discussion ?? ""] }
            + configuration.subcommands.filter { $0.configuration.shouldDisplay }.map { $0.configuration.abstract }
    }

    /// A new option, command or changed help text without Chinese fails here (and the table
    /// keeps no text that no help screen shows any more).
    @Test func everyHelpTextHasChinese() throws {
        var shown = Set<String>()
        for command in Self.commands {
            let texts = try Self.englishTexts(of: command._commandName).filter { !$0.isEmpty }
            for text in texts {
                #expect(ChineseHelp.texts[text] != nil, "no Chinese help for \(command._commandName): \(text)")
            }
            shown.formUnion(texts)
        }
        let unused = Set(ChineseHelp.texts.keys).subtracting(shown)
        #expect(unused.isEmpty, "Chinese help for texts no screen shows: \(unused.sorted())")
    }

    /// What the Chinese layout does not render (value descriptions, titled option groups)
    /// is not used: a command that starts using one must extend TranslatedHelp first.
    @Test func noOptionUsesWhatTheChineseLayoutLacks() throws {
        let tree = try #require(Self.tree)
        for command in [tree] + (tree.subcommands ?? []) where command.shouldDisplay {
            for argument in command.arguments ?? [] {
                #expect(argument.allValueDescriptions == nil && argument.sectionTitle == nil, "\(command.commandName) \(argument.label)")
            }
        }
    }

    /// The lines of a help screen that name an argument, option or subcommand: their labels in order.
    static func labels(_ screen: String, after usageHeading: String) -> [String] {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let usage = lines.firstIndex(where: { $0.hasPrefix(usageHeading) }) else { return [] }
        return lines[(usage + 1)...].compactMap { line in
            guard line.hasPrefix("  "), line.dropFirst(2).first.map({ $0 != " " }) == true else { return nil }
            let label = line.dropFirst(2).components(separatedBy: "  ")[0]
            return label.hasPrefix("See '") || label.hasPrefix("各子命令") ? nil : label
        }
    }

    /// How many section headings follow the usage line.
    static func headings(_ screen: String, after usageHeading: String) -> Int {
        let lines = screen.split(separator: "\n")
        guard let usage = lines.firstIndex(where: { $0.hasPrefix(usageHeading) }) else { return 0 }
        return lines[usage...].filter { !$0.hasPrefix(" ") && ($0.hasSuffix(":") || $0.hasSuffix("：")) }.count
    }

    /// The Chinese screen lists exactly what ArgumentParser's English one lists, in the same
    /// sections and order, with the same usage line.
    @Test(arguments: commands.map { $0._commandName })
    func sameArgumentsAsTheEnglishHelp(_ name: String) throws {
        let command = try #require(Self.commands.first { $0._commandName == name })
        let english = AttnREPLCommand.helpMessage(for: command, columns: 1000)
        let chinese = try #require(TranslatedHelp.screen(for: command, root: AttnREPLCommand.self, frame: ChineseHelp.frame, width: 1000))
        let labels = Self.labels(english, after: "USAGE: ")
        #expect(labels.count >= 3)
        #expect(Self.labels(chinese, after: "用法：") == labels)
        #expect(Self.headings(chinese, after: "用法：") == Self.headings(english, after: "USAGE: "))
        let usage = english.split(separator: "\n").first { $0.hasPrefix("USAGE: ") }?.dropFirst(7)
        #expect(chinese.contains("\n用法：\(usage ?? "?")\n\n"))
        #expect(chinese.hasSuffix(english.hasSuffix("\n") ? "\n" : "。"))
    }

    /// Wrapped by display width: no line is wider than the terminal (a Chinese character
    /// takes two columns), and the note on values and defaults is never cut in two.
    @Test(arguments: [80, 100, 60, 70, 72])
    func linesFitTheWidth(_ width: Int) throws {
        for command in Self.commands {
            let screen = try #require(TranslatedHelp.screen(for: command, root: AttnREPLCommand.self, frame: ChineseHelp.frame, width: width))
            for line in screen.split(separator: "\n") {
                #expect(DisplayWidth.of(String(line)) <= width, "\(command._commandName) at \(width): \(line)")
                let text = line.drop { $0 == " " }
                #expect(!"）；，。、：".contains(text.first ?? "x"), "\(command._commandName) at \(width): \(line)")
            }
            #expect(!screen.contains("默认：\n") && !screen.contains("（可选值：\n"))
        }
    }

    /// Words allowed in the Chinese help: option names, placeholders and values (the usage
    /// line's), the example commands and paths, and names of things.
    static func syntaxWords(_ screen: String) -> Set<String> {
        var syntax = labels(screen, after: "用法：")
        var inUsage = false, inExample = false
        for line in screen.split(separator: "\n", omittingEmptySubsequences: false) {
            inUsage = line.hasPrefix("用法：") || (inUsage && !line.isEmpty)
            inExample = line.hasPrefix("  attn-repl") || (inExample && line.hasPrefix("    ") && !line.hasPrefix("     "))
            if inUsage || inExample { syntax.append(String(line)) }
        }
        return Set(syntax.flatMap { ChineseOutputTests.words($0).map(String.init) })
            .union(["RNN", "Transformer", "REPL", "readline", "echo", "Jupyter", "id", "en", "zh", "text", "markdown", "OUT",
                    "local", "state", "sessions", "jsonl", "subcommand", "help", "list"])
    }

    static let helpRequests: [[String]] = [
        ["--lang", "zh", "--help"], ["--help", "--lang", "zh"], ["--lang=zh", "-h"], ["help", "--lang", "zh"],
        ["eval", "--help", "--lang", "zh"], ["--lang", "zh", "eval", "-h"], ["help", "eval", "--lang", "zh"],
        ["run", "--lang", "zh", "--help"], ["lesson", "--help", "--lang", "zh"], ["replay", "--help", "--lang", "zh"],
        ["export", "--lang", "zh", "--help"],
    ]

    /// However help is asked for, with --lang zh it is the Chinese screen of that command,
    /// as wide as the terminal, with no English word of its own.
    @Test(arguments: helpRequests)
    func helpIsChineseWhereverLangIsGiven(_ arguments: [String]) throws {
        let r = try BinaryRunner.run(arguments, environment: ["COLUMNS": "80"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        let name = arguments.first { ["eval", "run", "lesson", "replay", "export"].contains($0) } ?? "attn-repl"
        let command = try #require(Self.commands.first { $0._commandName == name })
        let screen = try #require(TranslatedHelp.screen(for: command, root: AttnREPLCommand.self, frame: ChineseHelp.frame, width: 80))
        #expect(r.stdout == screen + "\n")
        #expect(r.stdout.hasPrefix("概述："))
        let english = ChineseOutputTests.englishWords(in: r.stdout, allowing: ChineseOutputTests.programWords.union(Self.syntaxWords(r.stdout)))
        #expect(english.isEmpty, "\(english.joined(separator: "\n"))")
    }

    /// The check above finds English where there is some.
    @Test func theWordCheckFindsEnglishHelp() throws {
        let r = try BinaryRunner.run(["eval", "--help"], environment: ["COLUMNS": "80"])
        let english = ChineseOutputTests.englishWords(in: r.stdout, allowing: ChineseOutputTests.programWords.union(Self.syntaxWords(r.stdout)))
        #expect(english.contains { $0.contains("OVERVIEW") } && english.contains { $0.contains("Show help information") })
    }

    /// Without --lang zh, help is ArgumentParser's, byte for byte; hidden commands (for
    /// scripts/bench) keep it under --lang zh too.
    @Test(arguments: [[], ["--lang", "en"]])
    func englishHelpIsArgumentParsers(_ lang: [String]) throws {
        for command in Self.commands {
            let isRoot = command == AttnREPLCommand.self
            let expected = AttnREPLCommand.helpMessage(for: command, columns: 80) + "\n"
            for arguments in [(isRoot ? [] : [command._commandName]) + ["--help"], ["help"] + (isRoot ? [] : [command._commandName])] {
                let r = try BinaryRunner.run(lang + arguments, environment: ["COLUMNS": "80"])
                #expect(r.status == 0 && r.stdout == expected, "\(arguments)")
            }
        }
        let hidden = try BinaryRunner.run(["--lang", "zh", "step-timing", "--help"], environment: ["COLUMNS": "80"])
        #expect(hidden.stdout == AttnREPLCommand.helpMessage(for: StepTimingCommand.self, columns: 80) + "\n")
    }

    /// A terminal narrower than ArgumentParser can lay help out in (it stopped on an assertion)
    /// gets the narrowest help it can, in either language; usage errors too.
    @Test(arguments: ["10", "0", "-3"])
    func aNarrowTerminalStillGetsHelp(_ columns: String) throws {
        let english = try BinaryRunner.run(["eval", "--help"], environment: ["COLUMNS": columns])
        #expect(english.status == 0 && english.stdout == AttnREPLCommand.helpMessage(for: EvalCommand.self, columns: TerminalColumns.narrowestHelp) + "\n")
        let chinese = try BinaryRunner.run(["--lang", "zh", "--help"], environment: ["COLUMNS": columns])
        #expect(chinese.status == 0 && chinese.stdout.hasPrefix("概述：") && chinese.stdout.contains("显示帮助信息。"))
        let usage = try BinaryRunner.run(["eval", "--bogus", "1"], environment: ["COLUMNS": columns])
        #expect(usage.status == 64 && usage.stderr.hasPrefix("Error: "))
    }

    /// The width is the terminal's, as ArgumentParser finds it (COLUMNS here).
    @Test func helpFollowsTheTerminalWidth() throws {
        let wide = try BinaryRunner.run(["--lang", "zh", "export", "--help"], environment: ["COLUMNS": "200"])
        #expect(wide.stdout.contains("  attn-repl export ~/.local/state/attn-repl/sessions/2026-11-26T08-15-03-4242.jsonl --to html -o session.html\n"))
        let narrow = try BinaryRunner.run(["--lang", "zh", "export", "--help"], environment: ["COLUMNS": "80"])
        #expect(narrow.stdout.contains("  attn-repl export\n    ~/.local/state/attn-repl/sessions/"))
    }
}

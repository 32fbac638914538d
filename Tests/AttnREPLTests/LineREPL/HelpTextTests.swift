// The line REPL's `:help`: wrapped to the width of its other prose in both languages, every
// command listed once, and the keys it names for the lesson screen the ones the screen has.
import Engine
import Testing
@testable import AttnREPL

@Suite("Line REPL help")
struct HelpTextTests {
    private func help(_ language: Language, _ topic: String = "") -> [String] {
        CommandTable.help(topic, strings: language.strings).output
    }

    @Test(arguments: [Language.en, .zh])
    func fitsSeventyEightColumnsAndListsEveryCommand(_ language: Language) {
        let lines = help(language)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 78 }, "\(lines.filter { DisplayWidth.of($0) > 78 })")
        let table = lines.prefix { !$0.isEmpty }
        for command in CommandTable.all {
            #expect(table.filter { $0.hasPrefix(":\(command.name) ") }.count == 1, ":\(command.name)")
        }
        // A wrapped description continues under itself, never under the command names.
        let nameColumn = lines.first { $0.hasPrefix(":digits") }.map { $0.prefix { $0 != " " }.count } ?? 0
        #expect(lines.filter { $0.hasPrefix(" ") }.allSatisfy { $0.prefix { $0 == " " }.count > nameColumn })
    }

    /// The keys named for the lesson screen step, help and quit there; none of them is a key
    /// that types (the screen gives every printable key to the input line).
    @Test(arguments: [Language.en, .zh])
    func namesOnlyKeysTheScreenHas(_ language: Language) {
        let text = help(language).joined(separator: " ")
        for key in ["Alt-n", "Alt-p", "F1", "Ctrl-D", ":next", ":prev"] { #expect(text.contains(key), "\(key)") }
        for typing in ["? help", "q quit", "n space", "? 帮助", "q 退出", "空格"] { #expect(!text.contains(typing), "\(typing)") }
    }

    @Test func aTopicsDescriptionIsWrappedUnderItsName() {
        let lines = help(.en, "export")
        #expect(lines.first == ":export md|json|html|ipynb [FILE]")
        #expect(lines.count > 2)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") && DisplayWidth.of($0) <= 78 })
    }
}

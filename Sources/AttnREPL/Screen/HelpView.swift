// The help, laid out to the terminal's width: the keys in two columns (descriptions wrapped
// under themselves), how the input line works, then the `:` commands. Shown in the pager.
import Engine

enum HelpView {
    /// `commands` names and describes the `:` commands in the session's language: the same
    /// table the line REPL's `:help` reads, so the two helps never disagree.
    static func lines(_ strings: ScreenStrings, commands: any Strings, width: Int) -> [String] {
        let text = max(20, width - 2)          // the pager indents one column
        let keyWidth = min(strings.helpKeys.map { DisplayWidth.of($0.0) }.max() ?? 0, text / 3)
        var out = TwoColumnTable.lines(strings.helpKeys, leftWidth: keyWidth, width: text, indent: 2)
        out.append("")
        for paragraph in strings.helpInput { out += TextWrap.wrap(paragraph, width: text) + [""] }
        out.append(strings.helpCommands)
        let table = CommandTable.helpRows(commands).map { ($0.command, $0.summary) }
        let nameWidth = min(table.map { DisplayWidth.of($0.0) }.max() ?? 0, text / 3)
        return out + TwoColumnTable.lines(table, leftWidth: nameWidth, width: text, indent: 2)
    }
}

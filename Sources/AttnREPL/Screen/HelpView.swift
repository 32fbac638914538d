// The help overlay: keys, input, and the `:` commands.
import Engine

enum HelpView {
    /// With `compact`, commands are listed by name only (for terminals too short for the full list).
    static func lines(zh: Bool, compact: Bool = false, width: Int = 80) -> [String] {
        let keys = zh ? [
            "按键",
            "  → n 空格   下一步            ← p      上一步",
            "  Home End   第一步 / 最后一步   Tab      选择下一个张量",
            "  ↑ ↓ , .    在张量中移动单元格   PgUp PgDn 滚动张量",
            "  ?          显示或关闭帮助      q        退出（主页）或回到主页",
            "",
            "输入行：直接打字即可输入公式或 : 命令，回车执行，Esc 取消。",
            "  x_1 = [2, 0, 1]   改变输入，所有步骤立即重算",
            "  ↑ ↓ 历史记录，Tab 补全，Ctrl-R 搜索历史",
        ] : [
            "Keys",
            "  → n space  next step               ← p        previous step",
            "  Home End   first / last step       Tab        select the next tensor",
            "  ↑ ↓ , .    move the cell cursor    PgUp PgDn  scroll the tensors",
            "  ?          this help (any key closes it)   q  back to the lesson list, or quit",
            "",
            "The input line: start typing a formula or a : command, Enter runs it, Esc leaves it.",
            "  x_1 = [2, 0, 1]   change an input: every step is recomputed at once",
            "  ↑ ↓ history, Tab completes names, Ctrl-R searches the history",
        ]
        let title = zh ? ["命令"] : ["Commands"]
        guard compact else {
            return keys + [""] + title + CommandTable.help("").output.dropFirst().prefix { !$0.isEmpty }.map { "  " + $0 }
        }
        let names = CommandTable.all.map { ":" + $0.name }.sorted().joined(separator: "  ")
        let more = zh ? "（:help 命令名 查看说明）" : "(:help NAME explains one)"
        return keys + [""] + title + TextWrap.lines(names + "  " + more, width: max(20, width - 8)).map { "  " + $0 }
    }

    static func draw(_ t: TerminalSurface, rows: Int, cols: Int, zh: Bool) {
        var ls = lines(zh: zh)
        if ls.count + 2 > rows - 2 { ls = lines(zh: zh, compact: true, width: cols) }
        let width = min(cols - 2, (ls.map(DisplayWidth.of).max() ?? 0) + 4)
        let height = min(rows - 2, ls.count + 2)
        let top = max(0, (rows - height) / 2), left = max(0, (cols - width) / 2)
        for i in 0..<height {
            t.put(String(repeating: " ", count: width), row: top + i, col: left, style: .tone(.normal))
        }
        t.put(Clip.text(zh ? " 帮助（按任意键关闭）" : " Help (any key closes it)", width: width), row: top, col: left, style: .tone(.title, bold: true))
        for (i, line) in ls.prefix(height - 2).enumerated() {
            t.put(Clip.text("  " + line, width: width - 1), row: top + 1 + i, col: left, style: .plain)
        }
    }
}

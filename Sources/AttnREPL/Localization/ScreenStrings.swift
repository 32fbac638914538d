// Every word the full screen shows, one table per language: titles, footers, marks, the help
// overlay, the legend and the screen's own messages. (Results and errors come from the
// Responder, in the session's language.)
import Engine

struct ScreenStrings {
    let tagline: String
    let homeIntro: String
    let noLessons: String
    let doneProgress: String
    /// `step 2/6`
    let step: (Int, Int) -> String
    let placeholder: String
    let formulasRule: String
    let tensorsRule: String
    let moreAbove: String
    let moreBelow: String
    /// `⋮ 12 more`
    let moreRows: (Int) -> String
    let predictFirst: String
    /// A vector's shape: `3-vector`.
    let vector: (Int) -> String
    /// The formula line of an exercise not yet answered.
    let predictFormula: (String) -> String
    /// The paragraph under a step that has an exercise.
    let exercise: (String) -> String
    let hint: String
    /// The detail line of an exercise tensor.
    let exerciseDetail: (String, String) -> String
    let legendTitle: String
    let legendSmall: String
    let legendMasked: String
    let enlarge: (Int, Int) -> String
    let quitKey: String
    let cancelled: String
    /// The footer while a statement computes: the screen is not frozen, and only Ctrl-C works.
    let computing: String
    let footerBusy: [String]
    let howToQuit: String
    /// A bare `:why` with no cell selected: what to do instead, with a command to type.
    let whyNoCell: (String) -> String
    let outputTitle: (String) -> String
    let helpTitle: (String) -> String
    let pagerKeys: String
    // Footers: the keys that work in each state.
    let footerHome: [String]
    let footerLesson: [String]
    let footerTyping: [String]
    let footerCell: [String]
    let footerTooSmall: [String]
    /// Help overlay: (keys, what they do) rows, then paragraphs.
    let helpKeys: [(String, String)]
    let helpInput: [String]
    let helpCommands: String
    static func of(_ language: Language) -> ScreenStrings { language == .zh ? zh : en }

    static let en = ScreenStrings(
        tagline: "attention, computed exactly",
        homeIntro: "Attention, from the RNN step to the Transformer, computed exactly on vectors you type. "
            + "Pick a lesson (↑ ↓ then Enter) or type a formula, e.g. softmax([1, 2, 3]).",
        noLessons: "No lessons found.",
        doneProgress: "done",
        step: { "step \($0)/\($1)" },
        placeholder: "type a formula or a : command (F1 help)",
        formulasRule: "formulas",
        tensorsRule: "tensors",
        moreAbove: "more above ↑",
        moreBelow: "more below ↓",
        moreRows: { "⋮ \($0) more" },
        predictFirst: "? predict it first",
        vector: { "\($0)-vector" },
        predictFormula: { "= ?   (predict it: type \($0) = your answer)" },
        exercise: { "Exercise: predict \($0) before it is shown. Type \($0) = your answer." },
        hint: "Hint:",
        exerciseDetail: { "\($0) is an exercise: type \($1) = your prediction" },
        legendTitle: "heat map:",
        legendSmall: "blank < 0.1",
        legendMasked: "· masked (= 0)",
        enlarge: { "Enlarge the terminal (at least \($0)×\($1))" },
        quitKey: "Ctrl-D: quit",
        cancelled: "cancelled",
        computing: "computing…",
        footerBusy: ["Ctrl-C stops"],
        howToQuit: "Ctrl-D on an empty line (or :quit) leaves",
        whyNoCell: { ":why explains one value: select a cell (Tab, then ↑↓←→) and type :why, or type \($0)" },
        outputTitle: { " Output, lines \($0)" },
        helpTitle: { " Help, lines \($0)" },
        pagerKeys: " ↑↓ PgUp PgDn Home End scroll · other keys close",   // fits 50 columns
        footerHome: ["↑↓ choose", "Enter open", "F1 help", "Ctrl-D quit", "typing goes to the input line"],
        footerLesson: ["→← step", "PgUp/PgDn scroll", "F1 help", "Ctrl-D quit", "Tab tensor", ":leave lessons"],
        footerTyping: ["Enter run", "Esc clear", "↑↓ history", "Tab complete", "Ctrl-→/← step"],
        footerCell: ["↑↓←→ cell", "Tab/Shift-Tab tensor", "Esc done", "PgUp/PgDn scroll", ":why explain"],
        footerTooSmall: ["Ctrl-D quit"],
        helpKeys: [
            ("→ ←", "next / previous step (on an empty input line)"),
            ("Ctrl-→ Ctrl-←, Alt-n Alt-p", "next / previous step, always"),
            ("Home End", "first / last step (on an empty input line)"),
            ("PgUp PgDn, Shift-↑ Shift-↓, wheel", "scroll the step"),
            ("Tab Shift-Tab", "select a tensor; then ↑ ↓ ← → move its cell cursor and the cell's exact value is shown, and :why explains how that cell was computed"),
            ("Esc", "clear the input line, or leave the tensor"),
            ("↑ ↓", "walk the history (on the lesson list with an empty line: choose a lesson, Enter opens it)"),
            ("Ctrl-C", "stop a long computation, or clear the line"),
            ("F1, :help", "this help"),
            ("Ctrl-D, :quit", "leave attn-repl (Ctrl-D on an empty line)"),
            (":leave", "close the lesson and go back to the lesson list"),
        ],
        helpInput: [
            "Every key that types something goes to the input line: type a formula or a : command and press Enter.",
            "x_1 = [2, 0, 1] changes an input of the lesson and every step is recomputed at once; "
                + "an exercise is answered the same way (n_x = [1/2, 3/4]).",
            "Ctrl-R searches the history, Tab completes names and commands.",
        ],
        helpCommands: "Commands")

    static let zh = ScreenStrings(
        tagline: "注意力机制，逐步精确计算",
        homeIntro: "在你自己输入的向量上精确计算注意力的每一个公式，从 RNN 到 Transformer。"
            + "选择一课（↑ ↓ 再按回车），或直接输入公式，例如 softmax([1, 2, 3])。",
        noLessons: "没有找到课程。",
        doneProgress: "已完成",
        step: { "第 \($0)/\($1) 步" },
        placeholder: "输入公式或 : 命令（F1 帮助）",
        formulasRule: "公式",
        tensorsRule: "张量",
        moreAbove: "上面还有 ↑",
        moreBelow: "下面还有 ↓",
        moreRows: { "⋮ 还有 \($0) 行" },
        predictFirst: "？请先预测",
        vector: { "\($0) 维向量" },
        predictFormula: { "= ？  （请预测：输入 \($0) = 你的答案）" },
        exercise: { "练习：先预测 \($0) 的值，在输入行输入 \($0) = 你的答案。" },
        hint: "提示：",
        exerciseDetail: { "\($0) 是练习：输入 \($1) = 你的预测" },
        legendTitle: "热图：",
        legendSmall: "空白 < 0.1",
        legendMasked: "· 被掩住（= 0）",
        enlarge: { "请把终端放大（至少 \($0)×\($1)）" },
        quitKey: "Ctrl-D：退出",
        cancelled: "已取消",
        computing: "正在计算…",
        footerBusy: ["Ctrl-C 停止"],
        howToQuit: "在空输入行按 Ctrl-D（或输入 :quit）退出",
        whyNoCell: { ":why 解释一个值：先选中单元格（Tab，再按 ↑↓←→）再输入 :why，或直接输入 \($0)" },
        outputTitle: { " 输出，第 \($0) 行" },
        helpTitle: { " 帮助，第 \($0) 行" },
        pagerKeys: " ↑↓ PgUp PgDn Home End 滚动 · 其他任意键关闭",
        footerHome: ["↑↓ 选择", "回车 打开", "F1 帮助", "Ctrl-D 退出", "打字即输入公式"],
        footerLesson: ["→← 换步", "PgUp/PgDn 滚动", "F1 帮助", "Ctrl-D 退出", "Tab 选张量", ":leave 课程列表"],
        footerTyping: ["回车 执行", "Esc 清空", "↑↓ 历史", "Tab 补全", "Ctrl-→/← 换步"],
        footerCell: ["↑↓←→ 单元格", "Tab/Shift-Tab 换张量", "Esc 完成", "PgUp/PgDn 滚动", ":why 解释"],
        footerTooSmall: ["Ctrl-D 退出"],
        helpKeys: [
            ("→ ←", "下一步 / 上一步（输入行为空时）"),
            ("Ctrl-→ Ctrl-←、Alt-n Alt-p", "下一步 / 上一步（任何时候）"),
            ("Home End", "第一步 / 最后一步（输入行为空时）"),
            ("PgUp PgDn、Shift-↑ Shift-↓、滚轮", "滚动本步内容"),
            ("Tab Shift-Tab", "选择张量；之后 ↑ ↓ ← → 移动单元格，并显示该单元格的精确值；输入 :why 解释这个单元格是怎样算出来的"),
            ("Esc", "清空输入行，或退出张量选择"),
            ("↑ ↓", "浏览历史记录（在课程列表且输入行为空时：选择课程，回车打开）"),
            ("Ctrl-C", "停止耗时的计算，或清空输入行"),
            ("F1、:help", "本帮助"),
            ("Ctrl-D、:quit", "退出 attn-repl（在空输入行按 Ctrl-D）"),
            (":leave", "关闭本课，回到课程列表"),
        ],
        helpInput: [
            "所有会输入字符的按键都进入输入行：输入公式或 : 命令，按回车执行。",
            "给本课的某个输入赋新值（如 x_1 = [2, 0, 1]），所有步骤立即重算；练习也这样作答（如 n_x = [1/2, 3/4]）。",
            "Ctrl-R 搜索历史记录，Tab 补全名称和命令。",
        ],
        helpCommands: "命令")
}

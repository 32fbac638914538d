// The program's own words in Chinese (see Strings.swift). Formula-language names, numbers,
// commands (`:hint`) and lesson ids stay as typed; a space separates Chinese from Latin text.
import Engine

struct ChineseStrings: Strings {
    let errorPrefix = "错误："
    func warning(_ text: String) -> String { "警告：\(text)" }
    var messages: [String: String] { ChineseProgramMessages.table }
    func couldNotRestore(_ text: String) -> String { "无法恢复：\(text)" }

    // Exports
    func exportTitle(_ name: String) -> String { "attn-repl 会话 \(name)" }
    func exportDigits(_ n: Int) -> String { "\(n) 位有效数字" }
    func exportArithmetic(float: Bool) -> String { float ? "IEEE 双精度" : "精确计算" }
    func exportNow(digits: Int, float: Bool) -> String { " — 现在是 \(digits) 位有效数字，\(exportArithmetic(float: float))" }
    func exportLesson(_ code: String, language: String?) -> String { "课程 \(code)" + (language.map { "，语言 \($0)" } ?? "") + "。" }
    func exportStep(_ number: String) -> String { "第 \(number) 步" }
    func exportChanged(_ name: String) -> String { "\(name) 已更改，所有步骤已重新计算。" }
    func exportVerdict(correct: Bool) -> String { correct ? "✓ 正确" : "✗ 不正确" }
    func exportAnswer(_ code: String, _ verdict: String) -> String { "答案 \(code)：\(verdict)" }
    func exportDefined(_ code: String) -> String { "已定义 \(code)。" }
    let exportExercise = "练习：先预测它的值，再看结果。"
    let exportInterrupted = "在完成前被中断（Ctrl-C）。"
    let exportInterruptedLabel = "已中断（Ctrl-C）：在完成前停止"
    func exportExactForms(_ count: Int) -> String { "精确形式" }
    let notebookIntroduction = "下面会话中的每条语句都是一个纯 NumPy（float64）代码单元，用同样的名字计算同样的值；"
        + "它的输出是 attn-repl 记录的精确结果。请从上到下依次运行这些单元。"
    let notebookLessonComment = "课程的输入和所有步骤的公式，后面的单元可以使用它的张量。"
    func notebookInputComment(_ input: String?) -> String { "\(input ?? "某个输入已更改")：课程重新计算每一步。" }
    let notebookNotTranslated = "（无法转换为 NumPy）"
    func loopPass(_ pass: String) -> String { "（\(pass)）" }

    let inputsHeading = "输入"
    func stepHeading(_ k: Int, of n: Int, _ title: String) -> String { "第 \(k)/\(n) 步 · \(title)" }
    func exerciseShownAbove(_ name: String) -> String { "练习：先预测 \(name)，答案见上。" }
    let floatNote = "（浮点模式：数值是 IEEE 双精度近似值）"
    func markdownExercise(_ name: String, answer: String) -> String {
        "> **练习。** 先自己算出 $`\(name)`$，再看答案：$`\(answer)`$。"
    }
    let markdownHintPrefix = "提示："
    let markdownFloatNote = "_浮点模式：数值是 IEEE 双精度近似值。_"
    func stepLine(_ title: String, _ k: Int, of n: Int, _ stepTitle: String) -> String { "\(title) — 第 \(k)/\(n) 步：\(stepTitle)" }
    func exercisePrompt(_ name: String) -> String {
        "练习：预测 \(name) 的值，输入 \(name) = 你的答案（:hint 看提示，:reveal 显示答案）。"
    }
    let stepFooter = "（:next 下一步，:prev 上一步；也可以直接输入公式试试）"
    func progress(seen: Int, steps: Int, solved: Int, exercises: Int) -> String {
        var text = seen == steps ? "已完成" : "已看 \(seen)/\(steps) 步"
        if exercises > 0 { text += "，练习 \(solved)/\(exercises)" }
        return text
    }

    func recomputed(_ names: [String]) -> String { "\(names.joined(separator: "、")) 已更改，所有步骤已重新计算。" }
    func correct(_ assignment: String) -> String { "✓ 正确：\(assignment)" }
    func revealed(_ assignment: String) -> String { "已显示答案：\(assignment)" }
    func wrong(_ name: String) -> String { "✗ 不对，再算一次 \(name)。" }
    func hint(_ text: String) -> String { "提示：\(text)" }
    func notExact(_ name: String) -> String {
        "✗ 很接近，但 \(name) 的值是精确的有理数，要精确地给出（写成 1/3 这样的分式，或写出全部小数位）。"
    }
    func wrongShape(_ name: String, expected: Shape, got: Shape) -> String {
        "\(name) 是\(Self.shape(expected))，但你的答案是\(Self.shape(got))"
            + (expected.isVector && got == .matrix(1, expected.count) ? "（[1 2 3] 是一行；向量要用逗号分隔：[1, 2, 3]）" : "")
    }
    let incompleteInput = "输入还不完整"
    func noValueYet(_ name: String) -> String { "\(name) 还没有值" }
    func notAnInput(_ name: String, lesson: String, inputs: [String]) -> String {
        "\(name) 不是 \(lesson) 的输入（它的输入：\(inputs.joined(separator: "、"))）"
    }
    func inputsKept(_ names: [String], after reason: String) -> String { "\(reason)；\(names.joined(separator: "、")) 保留原来的值" }

    func greeting(version: String) -> String { "attn-repl \(version) — 输入公式或 : 命令；:help 列出命令，Ctrl-D 退出。" }
    func defined(_ signature: String) -> String { "已定义 \(signature)" }
    var exactFormsTooLongForTable: String { "（精确形式太长，表中未列出：可用 --format json 查看，或在屏幕上用单元格光标查看）" }
    func exactFormsNamed(_ name: String, _ place: String) -> String {
        "（精确形式太长，表中未列出：:why \(name)\(place) 显示其中一个的完整形式，:save \(name) 文件名.json 把全部写入文件）"
    }
    func exactFormsUnnamed(_ place: String) -> String {
        "（精确形式太长，表中未列出：先给这个值起个名字（v = …），再用 :why v\(place) 显示其中一个的完整形式）"
    }
    var exactFormNotKept: String { "（超过 160 个字符的精确形式不予保留：所示小数均为已证明的数字）" }
    let traceHeading = "中间值："
    let valueHeading = "结果："

    func summary(ofCommand name: String) -> String? { Self.commandSummaries[name] }
    private static let commandSummaries: [String: String] = [
        "digits": "显示 N 位有效数字（1 到 \(Limits.maximumDigits)）",
        "float": "用 IEEE 双精度计算（近似，适合大输入），或精确计算",
        "trace": "同时打印每一个中间值",
        "vars": "列出变量和函数",
        "clear": "删除一个变量或函数，或全部删除",
        "lesson": "打开一课（不带 ID：列出所有课程和你的进度）",
        "next": "课程的下一步",
        "prev": "课程的上一步",
        "step": "跳到课程的第 N 步",
        "hint": "当前练习的提示",
        "reveal": "不作答，直接显示练习的答案",
        "reset": "清除你在一课（默认当前这课）或所有课程中的进度",
        "leave": "关闭课程（之后公式在你自己的作用域里计算）",
        "load": "从 .npy、.csv 或 .json 文件读入一个张量，存为 NAME",
        "save": "把 NAME 写入 .npy、.csv 或 .json 文件（FILE! 覆盖已有文件）",
        "sessions": "列出最近的会话；resume N 在这里重新运行会话 N 的语句",
        "export": "把本次会话导出为 Markdown、JSON、HTML 或 ipynb 笔记本（默认以会话命名；FILE! 覆盖已有文件）",
        "why": "解释一个值是怎样算出来的（例如 :why alpha_{2,3}，:why A[2, 3]）",
        "help": "本列表，或某个命令、内置函数的说明",
        "quit": "退出 attn-repl（也可以按 Ctrl-D）",
    ]
    func arguments(ofCommand name: String) -> String? {
        ["help": "[主题]", "clear": "[名字]", "reveal": "[名字]", "why": "名字[i, j]"][name]
    }
    func summary(ofBuiltin name: String) -> String? { Self.builtinSummaries[name] }
    private static let builtinSummaries: [String: String] = [
        "exp": "eˣ，逐元素", "log": "自然对数，逐元素", "sqrt": "平方根，逐元素", "tanh": "双曲正切，逐元素",
        "sigmoid": "1/(1 + e⁻ˣ)，逐元素", "sin": "正弦，逐元素", "cos": "余弦，逐元素",
        "relu": "max(x, 0)，逐元素", "abs": "绝对值，逐元素",
        "sum": "所有元素之和", "mean": "所有元素的平均值",
        "max": "最大的元素，或两个张量逐元素取较大值", "min": "最小的元素，或两个张量逐元素取较小值",
        "argmax": "最大元素的位置，从 1 开始（矩阵则每行一个）", "norm": "欧几里得长度（矩阵为 Frobenius 范数）",
        "dot": "Σ aᵢbᵢ，两个张量的元素个数要相同",
        "transpose": "Aᵀ：向量变成行，行变成向量", "rows": "行数（向量的长度）", "cols": "列数（向量为 1）",
        "shape": "各维大小：向量为 [n]，矩阵为 [r, c]", "zeros": "全为 0 的向量或矩阵", "ones": "全为 1 的向量或矩阵",
        "eye": "n×n 单位矩阵", "causal": "n×n 下三角 0/1 掩码：位置 i 可以关注 j ≤ i",
        "vcat": "从上到下堆叠（向量接成更长的向量）", "hcat": "左右并排（向量成为列）",
        "rand": "确定的 m×n 矩阵，元素是 [-1, 1] 中的短小数，用来举例",
        "softmax": "exp(xⱼ)/Σₖ exp(xₖ)；矩阵则逐行计算",
        "attention": "softmax(Q Kᵀ / √d_k) V，d_k = cols(K)；M 是 0/1 掩码（1 表示可以关注）",
        "multihead": "在 X W_Q、X W_K、X W_V 的列块上做 h 个头的注意力，拼接后用 W_O 投影",
        "headwidth": "cols(W) / h，即 h 个头中每个头的宽度；列数不能平分成 h 份时报错",
        "rnn": "hₜ = tanh(W_hh hₜ₋₁ + W_xh xₜ + b_h)，沿 X 的各行 xₜ 计算；结果的各行是 h_1..h_T",
        "additive": "分数 eⱼ = vᵀ tanh(W_h h + W_s sⱼ)，沿 S 的各行 sⱼ 计算",
        "posenc": "正弦位置编码：PE[pos, 2i] = sin(pos/10000^(2i/d))，PE[pos, 2i+1] = cos(…)，pos = 0..n-1",
        "layernorm": "每行减去均值，再除以 √(方差 + eps)；总体方差，eps 默认为 1e-5",
    ]
    let helpIntro = "输入公式即可计算（例如 softmax([1, 2, 3])），或输入命令："
    func helpBuiltins(_ names: String) -> String { "内置函数：" + names }
    let helpKeys = ":help 名字 说明其中一个。在这里用 :next 和 :prev 在课程中前后翻步；在全屏界面（attn-repl lesson 课程名）里，输入行为空时按 → 和 ←（Alt-n 和 Alt-p 任何时候都可以），Tab 选中一个张量，F1 显示帮助，Ctrl-D 退出。"
    func noHelp(_ topic: String) -> String { "没有 \(topic) 的说明：它不是命令，也不是内置函数" }
    func ambiguousCommand(_ word: String, _ candidates: String) -> String { ":\(word) 可以指 \(candidates)" }
    func unknownCommand(_ word: String) -> String { "没有命令 :\(word)（试试 :help）" }
    let noLessonOpen = "还没有打开课程（:lesson ID）"
    let stepNeedsNumber = ":step 后面要跟步骤编号"
    let noHint = "这一步没有提示"
    let nothingToReveal = "这一步没有要显示的答案"
    func notAnExercise(_ name: String) -> String { "\(name) 不是这一课的练习" }
    let resetNeedsTarget = ":reset 后面要跟课程 id 或 all"
    func noSuchLesson(_ id: String) -> String { "没有课程 \(id)" }
    func progressReset(_ target: String?) -> String { "进度已清除：\(target ?? "所有课程")" }
    let lessonClosed = "课程已关闭"
    func digitsShown(_ n: Int) -> String { "有效数字：\(n) 位" }
    let digitsUsage = ":digits 后面要跟 1 到 \(Limits.maximumDigits) 之间的整数"
    let floatOn = "浮点模式：结果是 IEEE 双精度近似值"
    let exactMode = "精确模式"
    let floatUsage = ":float 后面要跟 on 或 off"
    func floatNotApplied(_ on: Bool, lesson: String, reason: String) -> String {
        on ? "未切换到浮点模式，一切保持不变：无法用 IEEE 双精度重新计算课程 \(lesson)：\(reason)"
           : "未切换到精确模式，一切保持不变（仍是浮点模式）：无法精确地重新计算课程 \(lesson)：\(reason)"
    }
    func traceShown(_ on: Bool) -> String { "中间值：\(on ? "显示" : "不显示")" }
    let traceUsage = ":trace 后面要跟 on 或 off"
    let noVariables = "还没有变量"
    let cleared = "已全部删除"
    func clearedName(_ name: String) -> String { "已删除 \(name)" }
    let clearUsage = ":clear 后面要跟一个名字"
    func noVariable(_ name: String) -> String { "没有变量 \(name)" }

    let loadUsage = "用法：:load NAME = FILE（例如 :load X = embeddings.npy）"
    func loadNeedsName(_ got: String) -> String { ":load 的 = 前面要有一个名字（现在是“\(got)”）" }
    func loadNeedsFile(_ name: String) -> String { ":load \(name) = FILE 还缺文件名" }
    func exerciseNotLoadable(_ name: String) -> String { "\(name) 是这一步的练习：请输入你的答案（\(name) = ...）" }
    func loaded(_ name: String, _ shape: Shape, from path: String) -> String { "\(name)：\(shape.name(in: .zh))，来自 \(path)" }
    func origin(_ path: String, storedType: String?, fromFloats: Bool) -> String {
        "来自 \(path)" + (storedType.map { "，\($0) 数据" } ?? "") + (fromFloats ? "：精确的二进制分数" : "")
    }
    func note(_ text: String) -> String { "注：" + text }
    func loadFailed(_ name: String, from path: String, _ reason: String) -> String { "\(name)（来自 \(path)）：\(reason)" }
    func couldNotBeSet(_ name: String) -> String { "无法设置 \(name)" }
    let saveUsage = "用法：:save NAME FILE（例如 :save A weights.npy；FILE 末尾加 ! 可覆盖已有文件）"
    func scratchCopy(_ name: String, inputs: [String]) -> String {
        "（\(name) 由课程自己计算，各步骤仍用课程的值；你赋的值只是供你自己的公式使用的副本。"
            + "要改变课程的计算结果，请修改输入：\(inputs.joined(separator: "、"))。）"
    }
    func exerciseHidden(_ name: String) -> String { "\(name) 是这一步的练习：请改为输入 \(name) = 你的答案（:reveal 显示答案）" }
    func answerExerciseFirst(_ name: String) -> String { "\(name) 是这一步的练习：请先作答" }
    func noVariableInLesson(_ name: String) -> String { "这一课里没有变量 \(name)" }
    func saved(_ name: String, _ shape: Shape, to path: String) -> String { "已把 \(name)（\(shape.name(in: .zh))）保存到 \(path)" }
    let sessionsUsage = ":sessions 后面不跟参数，或跟 resume N（N 取自 :sessions 列表）"
    func noSessions(in path: String) -> String { "\(path) 里还没有会话" }
    let thisSession = "（本会话）"
    let unreadable = "（无法读取）"
    func sessionLine(_ k: Int, date: String, statements: Int, lessons: [String], path: String, current: Bool) -> String {
        let lesson = lessons.isEmpty ? "" : "  课程 \(lessons.joined(separator: ", "))"
        return "\(k). \(date)  \(statements) 条语句\(lesson)  \(path)" + (current ? "  " + thisSession : "")
    }
    let sessionsFooter = ":sessions resume N 在这里重新运行会话 N 的语句；attn-repl replay FILE 可检查一个会话"
    func noSession(_ n: Int) -> String { "没有会话 \(n)（:sessions 列出所有会话）" }
    func sessionIsThisOne(_ n: Int) -> String { "会话 \(n) 就是本会话" }
    func resumed(_ name: String, statements: Int, failed: Int, interrupted: Int, lesson: String?, step: Int, of steps: Int) -> String {
        var line = "已恢复 \(name)：重新运行了 \(statements) 条语句"
        if failed > 0 { line += "，其中 \(failed) 条出错" }
        if interrupted > 0 { line += "，跳过了 \(interrupted) 条被 Ctrl-C 中断的语句" }
        if let lesson { line += "；课程 \(lesson) 在第 \(step)/\(steps) 步" }
        return line
    }
    func exportUsage(_ formats: String) -> String { ":export 后面要跟 \(formats) [FILE]（FILE! 覆盖已有文件）" }
    let notRecorded = "本会话没有被记录"
    func wrote(_ path: String) -> String { "已写入 \(path)" }

    let whyUsage = ":why 后面要跟一个名字；向量或矩阵还要指明元素，例如 :why A[2, 3]"
    func whyPositions(_ example: String) -> String { ":why 的位置要用从 1 开始的整数，例如 \(example)" }
    func whyExercise(_ name: String) -> String { "\(name) 是这一步的练习：先预测它（:reveal 显示答案）" }
    func whyInput(_ name: String, _ value: String) -> [String] {
        ["\(name) 是这一课的输入：\(value)", "输入 \(name) = … 即可修改它，所有步骤都会重新计算"]
    }
    func whyFunction(_ name: String, _ definition: String) -> String {
        "\(name) 是函数（\(definition)）：:why 解释的是值；先调用它，再问结果"
    }
    func whySetDirectly(_ name: String) -> String { "\(name) 是直接给定的（输入或读入的文件），不是由公式算出的" }
    func unknownName(_ name: String) -> String { "未知的名字 \(name)" }
    func whyNoFormula(_ name: String) -> String { "\(name) 没有可解释的公式" }
    func whyUses(_ names: [String]) -> String {
        "它用到 \(names.joined(separator: "、"))；对其中任何一个再用 :why，就能再往下看一层"
    }
    func whyScalar(_ name: String) -> String { "\(name) 是标量：请问 :why \(name)" }
    func whyVector(_ name: String, _ n: Int) -> String { "\(name) 是 \(n) 维向量：请问 :why \(name)[i]，i 从 1 到 \(n)" }
    func whyMatrix(_ name: String, _ r: Int, _ c: Int) -> String {
        "\(name) 是 \(r)×\(c) 矩阵：请问 :why \(name)[i, j]，i 从 1 到 \(r)，j 从 1 到 \(c)"
    }

    private static func shape(_ s: Shape) -> String {
        switch s {
        case .scalar: return "一个数"
        case let .vector(n): return " \(n) 维向量"
        case let .matrix(r, c): return " \(r)×\(c) 矩阵"
        }
    }
}

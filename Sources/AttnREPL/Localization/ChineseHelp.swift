// `--help` in Chinese (TranslatedHelp): ArgumentParser's headings and notes, and the help text
// of every displayed command and option, keyed by its English text exactly as the command
// definitions (Sources/AttnREPL/CLI) and ArgumentParser give it. A text whose English changes,
// or a new option, has no entry until it is translated here; a test lists every such text.
// Option names, placeholders, values and example commands stay as typed.
import Engine

enum ChineseHelp {
    static let frame = HelpFrame(
        overview: "概述：",
        usage: "用法：",
        arguments: "参数：",
        options: "选项：",
        subcommands: "子命令：",
        values: { values, defaultValue in
            "（可选值：\(values.joined(separator: "、"))" + (defaultValue.map { "；默认：\($0)" } ?? "") + "）"
        },
        defaultValue: { "（默认：\($0)）" },
        seeSubcommandHelp: { "  各子命令的详细帮助请看 \($0) <subcommand>。" },
        texts: texts
    )

    static let texts: [String: String] = [
        // ArgumentParser's own options
        "Show the version.": "显示版本号。",
        "Show help information.": "显示帮助信息。",

        // Options several commands share (NumberOptions, LessonOptions, LanguageOption)
        "Significant digits shown (1 to \(Limits.maximumDigits)).": "显示的有效数字位数（1 到 \(Limits.maximumDigits)）。",
        "Compute in IEEE double instead of exactly (for large inputs); results are approximate.":
            "用 IEEE 双精度代替精确计算（适合很大的输入）；结果是近似值。",
        "Language of the lessons and messages: en or zh.": "课程和消息的语言：en 或 zh。",
        "A directory of extra lessons (overrides built-in lessons with the same id).": "额外课程所在的目录（覆盖 id 相同的内置课程）。",

        // attn-repl
        "Learn attention, from the RNN step to the Transformer, by computing every formula exactly.":
            "学习注意力机制，从 RNN 的一步到 Transformer，每个公式都精确计算。",
        """
        With no subcommand, reads formulas and `:` commands: a full-screen session on a terminal \
        (--plain: a line REPL with history and completion instead), or one statement per line \
        from standard input when it is not a terminal (echo 'softmax([1, 2, 3])' | attn-repl).
        """:
            """
            不带子命令时，读取公式和 `:` 命令：在终端上是全屏会话（--plain：改用带历史记录和补全的行式 REPL）；\
            标准输入不是终端时，从标准输入每行读取一条语句（echo 'softmax([1, 2, 3])' | attn-repl）。
            """,
        "Use the line REPL (readline: history, Tab completion) instead of the full screen.":
            "使用行式 REPL（readline：历史记录、Tab 补全），而不是全屏界面。",

        // eval
        "Evaluate a program and print the value of its last statement.": "计算一个程序，打印最后一条语句的值。",
        """
        Statements are separated by ';' or newlines. Use '-' to read the program from standard input.
        Examples:
          attn-repl eval 'softmax([1, 2, 3])'
          attn-repl eval --format json --digits 20 'h_2 = [1, 0, 3]; x_1 = [2, -1, 0.5]; h_2^T x_1'
        """:
            """
            语句之间用 ';' 或换行分隔。用 '-' 从标准输入读取程序。
            示例：
              attn-repl eval 'softmax([1, 2, 3])'
              attn-repl eval --format json --digits 20 'h_2 = [1, 0, 3]; x_1 = [2, -1, 0.5]; h_2^T x_1'
            """,
        "Output format: text or json.": "输出格式：text 或 json。",
        "Also print every intermediate value.": "同时打印每一个中间值。",
        "The program (quote it), or '-' for standard input.": "要计算的程序（请加引号），或用 '-' 表示标准输入。",

        // run
        "Run a lesson without a screen and print every step's tensors.": "不打开界面运行一课，打印每一步的张量。",
        """
        Examples:
          attn-repl run dot-attention
          attn-repl run dot-attention --set 'x_1=[1, 0, 2]' --format markdown
          attn-repl run self-attention --format json --digits 12
        """:
            """
            示例：
              attn-repl run dot-attention
              attn-repl run dot-attention --set 'x_1=[1, 0, 2]' --format markdown
              attn-repl run self-attention --format json --digits 12
            """,
        "The lesson id (see attn-repl lesson --list).": "课程 id（见 attn-repl lesson --list）。",
        "Give an input a value: NAME=EXPR (repeatable).": "给一个输入赋值：NAME=EXPR（可以重复）。",
        "Output format: text, json or markdown.": "输出格式：text、json 或 markdown。",

        // lesson
        "Open a lesson; without an id, choose from the list.": "打开一课；不给出 id 时，从课程列表中选择。",
        "The lesson id (without it: the list of lessons to choose from).": "课程 id（不给出时：从课程列表中选择）。",
        "Print the list of lessons.": "打印课程列表。",

        // replay
        "Re-run a session transcript and report every result that now differs.": "重新运行一份会话记录，报告现在不同的每一个结果。",
        """
        FILE is a session journal (~/.local/state/attn-repl/sessions/*.jsonl) or a JSON export.
        Statements run in order with the recorded settings, lessons and lesson inputs.
        Exit status 1 when any result differs (a recorded error must fail with the same message).
        """:
            """
            FILE 是会话日志（~/.local/state/attn-repl/sessions/*.jsonl）或 JSON 导出文件。
            语句按顺序运行，使用记录下来的设置、课程和课程输入。
            只要有一个结果不同，退出状态就是 1（记录下来的错误必须以同样的消息再次出错）。
            """,
        "The transcript: a journal (.jsonl) or a JSON export (.json).": "会话记录：日志（.jsonl）或 JSON 导出文件（.json）。",
        "A directory of extra lessons, if the session used some.": "额外课程所在的目录（如果会话用到了额外课程）。",

        // export
        "Convert a session transcript to Markdown, JSON, self-contained HTML or a Jupyter notebook.":
            "把会话记录转换为 Markdown、JSON、自包含的 HTML 或 Jupyter 笔记本。",
        """
        FILE is a session journal (~/.local/state/attn-repl/sessions/*.jsonl) or a JSON export.
        Without -o the result goes to standard output. An existing OUT is never replaced
        unless --force is given; OUT appears whole or not at all.
        Example: attn-repl export ~/.local/state/attn-repl/sessions/2026-11-26T08-15-03-4242.jsonl --to html -o session.html
        """:
            """
            FILE 是会话日志（~/.local/state/attn-repl/sessions/*.jsonl）或 JSON 导出文件。
            没有 -o 时，结果写到标准输出。已有的 OUT 只有在给出 --force 时才会被替换；OUT 要么完整写出，要么根本不出现。
            示例：
              attn-repl export ~/.local/state/attn-repl/sessions/2026-11-26T08-15-03-4242.jsonl --to html -o session.html
            """,
        "Output format: md, json, html or ipynb.": "输出格式：md、json、html 或 ipynb。",
        "Write to this file instead of standard output.": "写到这个文件，而不是标准输出。",
        "Replace OUT if it exists.": "OUT 已经存在时替换它。",
    ]
}

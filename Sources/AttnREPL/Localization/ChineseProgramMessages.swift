// The program's own messages in Chinese, by English template (the same scheme as the Engine's
// ChineseMessages: `%@` in a key is an argument, `%1`, `%2`, … name them in order): file
// errors, transcript warnings, lesson authoring errors. Paths, names and typed text stay as
// they are; a space separates Chinese from Latin text.

enum ChineseProgramMessages {
    static let table: [String: String] = [
        // Writing files (SafeFileWriter, TensorFile, exports)
        "it already exists": "它已经存在",
        "it is %@; attn-repl only ever replaces regular files": "它是%1；attn-repl 只会替换普通文件",
        "there is no directory %@": "没有目录 %1",
        "a symbolic link to nothing (%@)": "指向不存在目标的符号链接（%1）",
        "%@ already exists (end the file name with ! to replace it: %@!)": "%1 已经存在（要替换它，请在文件名后加 !：%2!）",
        "cannot save to %@: %@": "无法保存到 %1：%2",
        "%@ not written: %@": "%1 没有写入：%2",
        "cannot write %@: %@": "无法写入 %1：%2",
        "%@ already exists; give another name, or --force to replace it": "%1 已经存在；请换一个名字，或用 --force 替换它",

        // Reading files (TensorFile)
        "%@: %@ (attn-repl reads and writes %@)": "%1：%2（attn-repl 能读写 %3）",
        "no extension": "没有扩展名",
        "unknown extension .%@": "未知的扩展名 .%1",
        "%@: no such file": "%1：没有这个文件",
        "%@ is too large (%@; attn-repl reads tensors of at most %@ elements)": "%1 太大（%2；attn-repl 最多读取 %3 个元素的张量）",
        "%@: cannot read it (%@)": "%1：无法读取（%2）",
        "%@ is %@; attn-repl saves finite numbers only": "%1 是 %2；attn-repl 只保存有限数",
        "%@ is not a finite number (nan or infinity); attn-repl computes with exact numbers": "%1 不是有限数（nan 或无穷大）；attn-repl 用精确数计算",
        "%@ is too large for a float64": "%1 太大，float64 放不下",
        "it is %@, not a regular file; attn-repl reads regular files only": "它是%1，不是普通文件；attn-repl 只读取普通文件",
        "it is too large (%@ bytes; at most %@ are read)": "它太大了（%1 字节；最多读取 %2 字节）",
        "interrupted": "已中断",
        "a directory": "目录",
        "a FIFO (named pipe)": "FIFO（命名管道）",
        "a device": "设备",
        "a socket": "套接字",
        "a symbolic link": "符号链接",
        "not a regular file": "非普通文件",
        "line %@, field %@: %@%@": "第 %1 行第 %2 个字段：%3%4",
        " (a header row? attn-repl reads numbers only: remove it or start it with #)": "（是表头吗？attn-repl 只读数字：请删掉它，或在行首加 #）",

        // Transcripts: torn journals, records :resume could not restore or did not run
        "%@:%@: the last line is not a whole record (the journal was cut short); it is skipped": "%1:%2：最后一行不是完整的记录（日志被截断了）；已跳过",
        "skipped %@ (a transcript only replays :digits, :float, :trace, :clear, :reveal, :leave and lesson steps)":
            "已跳过 %1（记录只重放 :digits、:float、:trace、:clear、:reveal、:leave 和课程步骤）",
        "record %@: %@": "第 %1 条记录：%2",
        "%@: %@": "%1：%2",
        "the value was not recorded": "没有记录这个值",
        "%@: the recorded value has the wrong number of elements": "%1：记录的值元素个数不对",
        "%@: the recorded value cannot be read: %@": "%1：无法读取记录的值：%2",
        "lesson %@: %@": "课程 %1：%2",

        // Lesson files (LessonReader, LessonLibrary): for lesson authors
        "a lesson starts with a front matter between --- lines": "课程文件以两行 --- 之间的前言开头",
        "expected 'key: value', got '%@'": "应该是“键: 值”，却是“%1”",
        "unexpected indented line outside 'inputs:'": "“inputs:”之外出现了缩进的行",
        "input %@ has no value": "输入 %1 没有值",
        "input %@ is given twice": "输入 %1 给了两次",
        "unknown front matter key '%@' (known: id, title, order, summary, inputs)": "前言中未知的键“%1”（已知的键：id、title、order、summary、inputs）",
        "list inputs on indented lines below 'inputs:'": "请在“inputs:”下面用缩进的行列出输入",
        "the front matter is not closed by a --- line": "前言没有用 --- 行结束",
        "'%@' is not a name": "“%1”不是名字",
        "the front matter has no id": "前言中没有 id",
        "the front matter has no title": "前言中没有 title",
        "order must be a whole number": "order 必须是整数",
        "a lesson needs at least one '## ' step": "课程至少需要一个“## ”步骤",
        "a translation has no inputs (they live in the English file)": "译文没有输入（输入写在英文文件里）",
        "the ``` block is not closed": "``` 代码块没有闭合",
        "a ```%@ block must be inside a '## ' step": "```%1 代码块必须写在某个“## ”步骤里",
        "formulas live only in the English file; remove this ```attn block": "公式只写在英文文件里；请删掉这个 ```attn 代码块",
        "exercises are declared in the English file only": "练习只在英文文件里声明",
        "expected ```attn or ```attn for v = a:b, got ```%@": "应该是 ```attn 或 ```attn for v = a:b，却是 ```%1",
        "expected ```attn for v = a:b, got ```%@": "应该是 ```attn for v = a:b，却是 ```%1",
        "no such lessons directory": "没有这个课程目录",
        "not read: %@": "没有读取：%1",
        "a translation of %@, but there is no lesson %@": "是 %1 的译文，但没有课程 %2",
        "has %@ steps but %@ has %@": "有 %1 个步骤，但 %2 有 %3 个",
    ]
}

// The Engine's messages in Chinese, by English template (see MessageTranslations): `%@` in a
// key is an argument, `%1`, `%2`, … in a wording name the arguments in order. Formula-language
// names, symbols and commands stay as typed; a space separates Chinese from Latin text.

enum ChineseMessages {
    static let table: [String: String] = [
        // How errors are shown (DiagnosticText).
        "error: %@": "错误：%1",
        "error: %@ (%@)": "错误：%1（%2）",
        "column %@": "第 %1 列",
        "line %@, column %@": "第 %1 行第 %2 列",

        // Lexer
        "a lone \\ at the end": "末尾有一个单独的 \\",
        "empty subscript _{}": "空的下标 _{}",
        "expected a subscript after _": "_ 后面应该是下标",
        "the subscript _{ is not closed": "下标 _{ 没有闭合",
        "unexpected '.'": "多余的“.”",
        "unexpected character '%@'": "无法识别的字符“%1”",
        "full-width '%@': type the half-width '%@'": "全角字符“%1”：请改用半角的“%2”",
        "unknown LaTeX command \\%@": "未知的 LaTeX 命令 \\%1",

        // Parser
        " before the end of the line": "，但这一行已经结束",
        " but the input ended": "，但输入已经结束",
        ", found %@": "，却遇到 %1",
        ", found '%@'": "，却遇到“%1”",
        ", found \\%@": "，却遇到 \\%1",
        ", found pi": "，却遇到 pi",
        "\\right without \\left": "\\right 前面没有 \\left",
        "a function's parameters must be plain names": "函数的参数必须是简单的名字",
        "cannot assign to this: the left of '=' must be a name or f(x, …)": "不能给它赋值：“=”左边必须是名字或 f(x, …)",
        "empty '%@%@'": "空的“%1%2”",
        "end of input": "输入结尾",
        "end of line": "行尾",
        "expected '%@' to close the one at column %@": "应该有“%1”来闭合第 %2 列的括号",
        "expected '%@'%@": "应该是“%1”%2",
        "expected '(' after \\%@": "\\%1 后面应该是“(”",
        "expected '(' or '[' after \\left": "\\left 后面应该是“(”或“[”",
        "expected ']' to close the one at column %@%@": "应该有“]”来闭合第 %1 列的括号%2",
        "expected '{' after \\%@": "\\%1 后面应该是“{”",
        "expected \\right%@ to close \\left%@": "应该有 \\right%1 来闭合 \\left%2",
        "expected a name inside \\%@{…}": "\\%1{…} 里应该是一个名字",
        "expected a single expression": "这里应该只有一个表达式",
        "expected a value after ','": "“,”后面应该有一个值",
        "expected a value after '='": "“=”后面应该有一个值",
        "expected a value before ','": "“,”前面应该有一个值",
        "expected a value before \\%@": "\\%1 前面应该有一个值",
        "expected a value before the end of the line": "这一行结束前应该有一个值",
        "expected a value but the input ended": "应该有一个值，但输入已经结束",
        "expected a value, found '%@'": "应该是一个值，却遇到“%1”",
        "expression nested too deeply (limit %@)": "表达式嵌套太深（上限 %1 层）",
        "expression too long to evaluate (more than %@ operations in a chain)": "表达式太长，无法计算（一串运算超过 %1 个）",
        "name %@": "名字 %1",
        "'%@'": "“%1”",
        "number %@": "数 %1",
        "parameter %@ appears twice": "参数 %1 出现了两次",
        "unexpected %@ after a complete statement": "完整的语句后面多了 %1",
        "unexpected '%@'": "多余的“%1”",
        "unexpected '%@' (nothing to close)": "多余的“%1”（没有要闭合的括号）",
        "',' and spaces both separate elements in this bracket: write [1, 2, 3] for a column vector or [1 2 3] for a row":
            "这个方括号里既用“,”又用空格分隔元素：列向量写作 [1, 2, 3]，行向量写作 [1 2 3]",

        // Evaluation
        "%@ is a function: call it as %@(…)": "%1 是函数：请写成 %2(…) 来调用",
        "%@ is a value, not a function (to multiply, write %@ * (…))": "%1 是值，不是函数（要相乘，请写 %2 * (…)）",
        "%@ must be a whole number, got %@": "%1 必须是整数，但得到的是%2",
        "%@ takes %@ argument%@ (%@), got %@": "%1 需要 %2 个参数（%4），但给了 %5 个",
        "^ raises a scalar to a power; for a %@ tensor use .^ (element-wise)": "^ 只对标量求幂；%1要用 .^（逐元素）",
        "a %@ tensor": "%1",
        "a non-integer": "非整数",
        "a range (a:b or :) can only be used inside index brackets, as in A[:, 1:2]": "范围（a:b 或 :）只能写在索引方括号里，例如 A[:, 1:2]",
        "a range needs both ends, as in 1:3": "范围要写出两端，例如 1:3",
        "cannot divide by a %@ tensor: / divides by a scalar (use ./ for element-wise division)": "不能除以%1：/ 只能除以标量（逐元素相除请用 ./）",
        "functions nested more than %@ deep (does %@ call itself?)": "函数调用嵌套超过 %1 层（%2 是不是调用了自己？）",
        "the number %@ is too large or malformed": "数 %1 太大或写法有误",
        "unknown function %@%@": "未知的函数 %1%2",
        "unknown name %@%@": "未知的名字 %1%2",
        " (did you mean %@?)": "（是不是想写 %1？）",
        "in %@: %@": "在 %1 中：%2",
        "%@'s %@": "%1 的%2",
        "index": "索引",
        "row": "行号",
        "column": "列号",
        "range start": "范围起点",
        "range end": "范围终点",
        "size": "大小",
        "row count": "行数",
        "column count": "列数",
        "seed": "种子",
        "head count": "头数",
        "length": "长度",
        "dimension": "维数",
        "a %@ tensor takes 1 or 2 indices, got %@": "%1只能有 1 或 2 个索引，但给了 %2 个",
        "a scalar cannot be indexed": "标量不能加索引",
        "empty range %@:%@": "空范围 %1:%2",
        "%@ is a built-in function and cannot be assigned": "%1 是内置函数，不能赋值",
        "%@ is a built-in function and cannot be redefined": "%1 是内置函数，不能重新定义",
        "expected one expression": "这里应该只有一个表达式",
        "the expression ended early": "表达式提前结束了",
        "the input ended early (an open bracket or a missing operand)": "输入提前结束了（有括号没闭合，或缺少运算数）",
        "interrupted": "已中断",
        "the result depends on more than %@ nested operations; try %@ for long recurrences":
            "结果依赖超过 %1 层嵌套运算；很长的递推请试试 %2",

        // Tensors and numbers
        "a comma list holds scalars or equal-length vectors, not a %@ tensor": "逗号分隔的列表只能放标量或等长向量，不能放%1",
        "cannot put %@ and %@ side by side: heights %@ and %@": "%1和%2不能并排：高度是 %3 和 %4",
        "cannot stack %@ on %@: rows of length %@ and %@": "%1和%2不能上下堆叠：行长分别是 %3 和 %4",
        "empty vector literal []": "空的向量字面量 []",
        "nothing to join": "没有可以并排的东西",
        "nothing to stack": "没有可以堆叠的东西",
        "ragged literal: cannot put a %@ and a %@ side by side": "字面量参差不齐：%1和%2不能并排",
        "ragged literal: rows of length %@ and %@": "字面量参差不齐：行长分别是 %1 和 %2",
        "cannot %@ %@ and %@ (shapes must match, or one must be a scalar or a row that fits every row)":
            "无法对%2和%3%1（形状必须相同，或者其中一个是标量，或是一行、能配上每一行）",
        "add": "相加",
        "subtract": "相减",
        "multiply": "逐元素相乘",
        "divide": "逐元素相除",
        "raise": "逐元素求幂",
        "take the maximum of": "取较大值",
        "take the minimum of": "取较小值",
        "cannot multiply %@ by %@ (inner dimensions %@ and %@%@)": "无法把%1乘以%2（内侧维数是 %3 和 %4%5）",
        "; for a dot product write a^T b": "；点积请写 a^T b",
        "multiplying %@ by %@ is too much work for the exact path; try %@": "%1乘以%2的计算量对精确计算来说太大；试试 %3",
        "multiplying %@ by %@ is too much work for the float path": "%1乘以%2的计算量对浮点计算来说也太大",
        "a %@×%@ tensor is too large (the limit is %@ elements)": "%1×%2 的张量太大（上限 %3 个元素）",
        "an exact number here has %@ bits, more than the limit of %@; try %@": "这里的一个精确数有 %1 位，超过上限 %2 位；试试 %3",
        "negative dimension %@": "维数为负：%1",
        "the float path needs OpenBLAS (%@): install libopenblas0": "浮点计算需要 OpenBLAS（%1）：请安装 libopenblas0",
        "%@^%@ would have more than %@ bits": "%1^%2 会超过 %3 位",
        "a real exponent needs a positive base": "实数指数要求底数为正",
        "division by zero": "除以零",
        "division by zero (0 to a negative power)": "除以零（0 的负数次幂）",
        "division by zero (the divisor is 0 to %@ bits)": "除以零（除数在 %1 位精度内为 0）",
        "exponent %@ is too large": "指数 %1 太大",
        "fractional power of a negative number": "负数不能求分数次幂",
        "log of %@, which is not positive": "log 的参数 %1 不是正数",
        "log of a number that is not positive": "log 的参数不是正数",
        "sqrt of %@, which is negative": "sqrt 的参数 %1 是负数",
        "sqrt of a negative number": "sqrt 的参数是负数",

        // Built-in functions
        "a mask holds only 0 (masked) and 1 (may attend)": "掩码只能含 0（掩住）和 1（可以关注）",
        "attention: K has %@ rows but V has %@ (one value per key)": "attention：K 有 %1 行，V 却有 %2 行（每个键对应一个值）",
        "attention: Q has %@ columns but K has %@ (queries and keys must have the same length d_k)":
            "attention：Q 有 %1 列，K 却有 %2 列（查询和键的长度 d_k 必须相同）",
        "multihead needs at least one head": "multihead 至少要有一个头",
        "multihead: %@ has %@ columns, which do not split into %@ equal heads": "multihead：%1 有 %2 列，不能平分成 %3 个头",
        "multihead: W_Q and W_K must have the same number of columns (%@ and %@)": "multihead：W_Q 和 W_K 的列数必须相同（现在是 %1 和 %2）",
        "the mask is %@ but the scores are %@×%@": "掩码是%1，但分数矩阵是 %2×%3",
        "dot needs equal lengths, got %@ and %@": "dot 要求两个向量一样长，但给的是%1和%2",
        "%@ must be a matrix whose rows are the sequence's vectors, got %@": "%1 必须是矩阵，每一行是序列中的一个向量，但给的是%2",
        "%@ must be a vector, got %@": "%1 必须是向量，但给的是%2",
        "additive: v has %@ elements but W_h h + W_s s has %@": "additive：v 有 %1 个元素，W_h h + W_s s 却有 %2 个",
        "layernorm's eps must be a scalar ≥ 0": "layernorm 的 eps 必须是 ≥ 0 的标量",
        "posenc needs n ≥ 1 and d ≥ 1": "posenc 要求 n ≥ 1 且 d ≥ 1",
        "rnn: W_hh must be %@×%@ to match b_h, got %@": "rnn：W_hh 必须是 %1×%2 才能和 b_h 对应，但给的是%3",
        "rnn: W_xh must be %@×%@ (hidden size × input size), got %@": "rnn：W_xh 必须是 %1×%2（隐藏维数 × 输入维数），但给的是%3",
        "rnn: h_0 must have %@ elements, got %@": "rnn：h_0 必须有 %1 个元素，但给的有 %2 个",
        "every position of row %@ is masked: softmax needs at least one": "第 %1 行的每个位置都被掩住了：softmax 至少需要一个",
        "%@ needs sizes of at least 1": "%1 的大小至少要是 1",
        "a scalar has no dimensions (its shape is [])": "标量没有维度（它的形状是 []）",
        "causal needs a size of at least 1": "causal 的大小至少要是 1",
        "rand needs at least one row and one column": "rand 至少需要一行一列",
        "%@ columns cannot be split into %@ heads (%@ is not a multiple of %@)": "%1 列不能平分成 %2 个头（%1 不是 %2 的倍数）",

        // :why (CellExplanation)
        "   (%@ terms)": "   （共 %1 项）",
        "%@(…) with %@ (:trace on shows its inner steps)": "%1(…)，其中 %2（:trace on 显示内部步骤）",
        "(one entry of the bracket literal, stacked from its parts)": "（方括号字面量中的一个元素，由各部分拼成）",
        "(typed as item %@ of the list)": "（输入时是列表的第 %1 项）",
        "(typed in row %@, item %@ of the literal)": "（输入时在字面量第 %1 行第 %2 项）",
        "an element of %@ picked by %@": "%1 中由 %2 选出的元素",
        "Σₖ weights[%@, k]·%@   (weights = softmax(Q K^T / √d_k), :trace on shows them)":
            "Σₖ weights[%1, k]·%2   （weights = softmax(Q K^T / √d_k)，:trace on 显示它们）",

        // Lexer and parser: LaTeX input, subscripts
        "\\\\ (a new row) belongs inside \\begin{bmatrix} … \\end{bmatrix}": "\\\\（换行）只能写在 \\begin{bmatrix} … \\end{bmatrix} 里面",
        "expected a delimiter after \\%@": "\\%1 后面应该是定界符",
        "\\%@. (an invisible delimiter) has no meaning here: use ( ) or [ ]": "\\%1.（不可见的定界符）在这里没有意义：请用 ( ) 或 [ ]",
        "expected a delimiter such as ( or [ after \\%@": "\\%1 后面应该是 ( 或 [ 这样的定界符",
        "\\%@{%@}: only matrix environments (bmatrix, pmatrix) are understood": "\\%1{%2}：只支持矩阵环境（bmatrix、pmatrix）",
        "a subscript like '%@' belongs right after a name (x₁)": "“%1”这样的下标要紧跟在名字后面（x₁）",
        "unexpected '_': a subscript ends with a letter or digit (write A_{wrong} or A_wrong)":
            "多余的“_”：下标要以字母或数字结尾（请写 A_{wrong} 或 A_wrong）",

        // Habits from Python and NumPy (PythonHabit)
        "** is Python's power: write a^2 (a scalar or a square matrix) or a.^2 (element-wise)": "** 是 Python 的幂运算：请写 a^2（标量或方阵）或 a.^2（逐元素）",
        "keyword arguments (dim=1, axis=0) are Python's: attn-repl's functions take their arguments in order":
            "关键字参数（dim=1、axis=0）是 Python 的写法：attn-repl 的函数按顺序接收参数",
        "softmax takes no dim: on a matrix it is row-wise (each row sums to 1, PyTorch's dim=-1); for columns write softmax(X^T)^T":
            "softmax 没有 dim 参数：对矩阵按行计算（每行之和为 1，相当于 PyTorch 的 dim=-1）；按列请写 softmax(X^T)^T",
        "%@= is Python's update: write x = x %@ …": "%1= 是 Python 的更新写法：请写 x = x %2 …",
        "write rows(x) (the length of a vector, the number of rows of a matrix)": "请写 rows(x)（向量的长度，矩阵的行数）",
        "write A B (or A * B, A @ B)": "请写 A B（或 A * B、A @ B）",
        "write the brackets alone: [1, 2, 3]": "直接写方括号：[1, 2, 3]",
        "type the expression alone to see its value": "直接输入表达式就能看到它的值",
        "there is no reshape; build the shape with brackets, vcat and hcat": "没有 reshape；请用方括号、vcat 和 hcat 拼出形状",
        "write vcat(a, b) or hcat(a, b)": "请写 vcat(a, b) 或 hcat(a, b)",
        "write vcat(a, b) (rows) or hcat(a, b) (columns)": "请写 vcat(a, b)（按行）或 hcat(a, b)（按列）",
        "write 2^x": "请写 2^x",
        "write a^b (or a.^b element-wise)": "请写 a^b（逐元素则写 a.^b）",
        "write x^T for the transpose": "转置请写 x^T",
        "unknown function %@: %@": "未知的函数 %1：%2",
        "a list of values needs brackets: write [1, 2, 3] for a column vector or [1 2 3] for a row":
            "一串值需要加方括号：列向量写作 [1, 2, 3]，行向量写作 [1 2 3]",
        "%@.%@ is NumPy's transpose: write %@^T (or %@')": "%1.%2 是 NumPy 的转置：请写 %3^T（或 %4'）",
        "%@.%@(a, b) is written a^T b here (a dot product of column vectors; A B for matrices)":
            "%1.%2(a, b) 在这里写作 a^T b（列向量的点积；矩阵则写 A B）",
        "%@.%@(A, B) is written A B here (or A * B, A @ B)": "%1.%2(A, B) 在这里写作 A B（或 A * B、A @ B）",
        "no %@. needed: the functions are built in (write %@(…), not %@.%@(…))": "不需要 %1.：函数都是内置的（请写 %2(…)，而不是 %3.%4(…)）",
        "%@.%@ is Python's method syntax: write %@(%@)": "%1.%2 是 Python 的方法写法：请写 %3(%4)",
        "%@.%@ is Python's attribute syntax, which attn-repl does not have: write %@(%@) for a function":
            "%1.%2 是 Python 的属性写法，attn-repl 没有这种写法：函数请写 %3(%4)",

        // Evaluation: arguments, indices, literals, loops
        "%@ to %@": "%1 到 %2",
        "%@ start at 1 here, as in the documents (not at 0 as in Python): the first is [1]": "%1从 1 开始，和文档里一样（不像 Python 从 0 开始）：第一个是 [1]",
        "%@ %@ is out of range for a %@ tensor (%@ run from 1 to %@)": "%1 %2 超出了%3的范围（%4从 1 到 %5）",
        "indices": "索引",
        "rows": "行号",
        "columns": "列号",
        "rows must have the same length: row 1 has 1 element, row %@ has %@": "每一行必须一样长：第 1 行有 1 个元素，第 %1 行却有 %2 个",
        "rows must have the same length: row 1 has %@ elements, row %@ has %@": "每一行必须一样长：第 1 行有 %1 个元素，第 %2 行却有 %3 个",
        "the loop %@ = %@:%@ has %@ passes, and the lesson's loops may run %@ passes in all (%@ already ran)":
            "循环 %1 = %2:%3 要运行 %4 轮，而本课的循环一共最多运行 %5 轮（已经运行了 %6 轮）",
        "%@ is not a whole number": "%1 不是整数",
        "the loop %@ = %@:%@ is too long (at most %@ passes)": "循环 %1 = %2:%3 太长（最多 %4 轮）",
        "in the subscript of %@ with %@ = %@: %@": "%2 = %3 时 %1 的下标中：%4",
        "the subscript of %@ is not a whole number of at most 18 digits when %@ = %@": "%2 = %3 时，%1 的下标不是不超过 18 位的整数",
        "multihead's head count": "multihead 的头数",

        // Exact numbers, certified digits, MPFR's exponent range (Scalar, CertifiedDigits)
        "division by a number that cannot be told from 0: %@": "除以一个无法与 0 区分的数：%1",
        "%@^%@ would have more than %@ bits as an exact number; try %@ to compute in IEEE double":
            "%1^%2 作为精确数会超过 %3 位；试试 %4，用 IEEE 双精度计算",
        "the value": "该值",
        "%@ (%@)": "%1（%2）",
        "element %@": "第 %1 个元素",
        "element (%@, %@)": "元素 (%1, %2)",
        "2^%@%@ (about 10^%@%@)": "2^%1%2（约 10^%3%4）",
        " it is only known to lie in %@": "，只知道它在 %1 之内",
        " (it may be exactly 0)": "（它可能恰好是 0）",
        " (its argument, about 2^%@, needs that many bits of pi and more to be reduced modulo 2pi)":
            "（它的参数约为 2^%1，对 2pi 取模需要这么多位甚至更多位的 pi）",
        "%@ is too large for MPFR's exponent range, magnitudes up to %@: its digits cannot be computed exactly; rescale the inputs, or use %@ for an approximation":
            "%1 超出了 MPFR 的指数范围（绝对值最大到 %2）：无法精确算出它的数字；请缩放输入，或用 %3 求近似值",
        "%@ cannot be told from 0: a step fell below MPFR's exponent range, magnitudes down to %@; rescale the inputs, or use %@ for an approximation":
            "%1 无法与 0 区分：某一步低于 MPFR 的指数范围（绝对值最小到 %2）；请缩放输入，或用 %3 求近似值",
        "cannot prove any digit of %@: at the precision cap of %@ bits (for %@ digits)%@, so even its sign is unknown%@; use %@ for an approximation":
            "无法证明 %1 的任何一位数字：已到精度上限 %2 位（对应 %3 位数字）%4，连它的正负都不知道%5；请用 %6 求近似值",
        "cannot prove %@ digits of %@: at the precision cap of %@ bits%@%@; ask for fewer digits (%@), or use %@ for an approximation":
            "无法证明 %2 的 %1 位数字：已到精度上限 %3 位%4%5；请减少位数（%6），或用 %7 求近似值",
        "cannot prove any digit of %@: a divisor, or the argument of log, sqrt or a power, cannot be told from 0 at the precision cap of %@ bits; use %@ for an approximation":
            "无法证明 %1 的任何一位数字：在精度上限 %2 位下，某个除数（或 log、sqrt、幂的参数）无法与 0 区分；请用 %3 求近似值",
        "cannot decide the sign of %@: at the precision cap of %@ bits it is only known to lie in %@%@; use %@ for an approximation":
            "无法判断 %1 的正负：在精度上限 %2 位下，只知道它在 %3 之内%4；请用 %5 求近似值",
        "cannot decide the sign of %@ within %@ bits (a step leaves MPFR's exponent range, %@, or divides by a number that cannot be told from 0); use %@ for an approximation":
            "在 %2 位内无法判断 %1 的正负（某一步超出了 MPFR 的指数范围 %3，或者除以一个无法与 0 区分的数）；请用 %4 求近似值",

        // The memory budget (MemoryBudget)
        "%@ bytes": "%1 字节",
        "printing 1 value at %@ digits": "以 %1 位数字显示 1 个值",
        "printing %@ values at %@ digits": "以 %2 位数字显示 %1 个值",
        "%@ would need about %@ of memory, more than the budget of %@ (ATTN_MEMORY_LIMIT); try %@, fewer digits or smaller inputs":
            "%1 大约需要 %2 内存，超过了预算 %3（ATTN_MEMORY_LIMIT）；试试 %4、更少的位数或更小的输入",
        "this computation passed the memory budget of %@ (ATTN_MEMORY_LIMIT) and was stopped; try %@, fewer digits or smaller inputs":
            "这次计算超过了内存预算 %1（ATTN_MEMORY_LIMIT），已被停止；试试 %2、更少的位数或更小的输入",

        // grad and jacobian (Derivatives)
        "grad takes the expression itself: write grad(EXPR, NAME)": "grad 要直接接收表达式：请写 grad(表达式, 名字)",
        "jacobian takes the expression itself: write jacobian(EXPR, NAME)": "jacobian 要直接接收表达式：请写 jacobian(表达式, 名字)",
        "%@ takes 2 arguments (%@(EXPR, NAME)), got %@": "%1 需要 2 个参数（%2(表达式, 名字)），但给了 %3 个",
        "%@'s second argument is the name of a tensor, as in %@(sum(W x), W)": "%1 的第二个参数是一个张量的名字，例如 %2(sum(W x), W)",
        "%@: unknown name %@%@": "%1：未知的名字 %2%3",
        "%@: the expression does not use %@, so there is nothing to differentiate with respect to it": "%1：表达式没有用到 %2，无法对它求导",
        "grad needs a scalar expression, and this one is %@ (take sum(…) of it, or use jacobian)": "grad 需要标量表达式，而这个是%1（可以对它取 sum(…)，或改用 jacobian）",
        "%@ inside grad or jacobian is not supported: differentiate once, or assign the inner result to a name first":
            "不支持在 grad 或 jacobian 里面再用 %1：只求一次导，或者先把里面的结果赋给一个名字",
        "grad: norm has no derivative at the zero vector (its slope depends on the direction)": "grad：norm 在零向量处没有导数（斜率取决于方向）",
        "grad: %@ has no derivative rule": "grad：%1 没有求导规则",
        "grad: layernorm of a constant row with eps = 0 has no derivative (it divides by √0)": "grad：eps = 0 时，常数行的 layernorm 没有导数（要除以 √0）",
        "grad: x.^p with p < 1 has no derivative at x = 0 (its slope is infinite there)": "grad：p < 1 时 x.^p 在 x = 0 处没有导数（那里斜率无穷大）",
        "grad: x.^p differentiated with respect to p needs every x > 0 (its derivative contains log x)": "grad：x.^p 对 p 求导要求每个 x > 0（导数中含有 log x）",
        "grad: sqrt has no derivative at 0 (its slope is infinite there)": "grad：sqrt 在 0 处没有导数（那里斜率无穷大）",
        "∂L/∂(%@) = ∂L/∂(%@) reshaped": "∂L/∂(%1) = 改变形状后的 ∂L/∂(%2)",
        "∂L/∂(%@) = ∂L/∂(%@) moved back to where each element came from": "∂L/∂(%1) = ∂L/∂(%2) 放回每个元素原来的位置",
        "∂L/∂(%@) = α ⊙ (∂L/∂α − (∂L/∂α · α) per row), α = %@  [(diag(α) − ααᵀ) ∂L/∂α]": "∂L/∂(%1) = α ⊙ (∂L/∂α − 逐行的 (∂L/∂α · α)), α = %2  [(diag(α) − ααᵀ) ∂L/∂α]",

        // Trace steps of built-ins (`--trace`, `:trace on`): `attention: scores = Q K^T`. The
        // built-in's name stays; a step's own name becomes Chinese wherever it appears.
        "%@: %@": "%1：%2",
        "%@scores = Q K^T": "%1分数 = Q K^T",
        "%@scaled = scores / sqrt(d_k)": "%1缩放分数 = 分数 / sqrt(d_k)",
        "%@weights = softmax(scaled)": "%1权重 = softmax(缩放分数)",
        "%@output = weights V": "%1输出 = 权重 V",
        "concat = hcat(head_1, …, head_%@)": "拼接 = hcat(head_1, …, head_%1)",
        // layernorm's steps as nodes of a gradient graph (`:why` on a gradient cell).
        "sum of row %@": "第 %1 行之和",
        "mean of row %@": "第 %1 行的均值",
        "row %@ - mean": "第 %1 行 - 均值",
        "(row %@ - mean).^2": "(第 %1 行 - 均值).^2",
        "sum of squares of row %@": "第 %1 行的平方和",
        "variance of row %@": "第 %1 行的方差",
        "variance + eps of row %@": "第 %1 行的方差 + eps",
        "√(variance + eps) of row %@": "第 %1 行的 √(方差 + eps)",
        "row %@ normalised": "归一化后的第 %1 行",
        "output = concat W_O": "输出 = 拼接 W_O",
        // grad's backward pass in a trace: L, then ∂L/∂(each node).
        "grad: L = %@": "求导：L = %1",
        "grad: ∂L/∂(%@)": "求导：∂L/∂(%1)",

        // :why on a gradient cell (GradientExplanation)
        "the chain rule, from L = %@ down to %@, one level each:": "链式法则，从 L = %1 一直到 %2，每行一层：",
        "the expression": "该表达式",
        "  ∂L/∂L = 1   (where the backward pass starts)": "  ∂L/∂L = 1   （反向传播从这里开始）",
        "(:trace on lists the same values as the statement runs)": "（:trace on 会在语句运行时列出同样的值）",
    ]
}

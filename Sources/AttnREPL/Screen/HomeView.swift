// The home view: what attn-repl is, the lessons with the learner's progress, and how to start.
import Engine

enum HomeView {
    struct Row {
        let id: String
        let title: String
        let progress: String
    }

    static func rows(_ lessons: [Lesson], progress: Progress) -> [Row] {
        lessons.map { Row(id: $0.id, title: $0.title, progress: progress.summary(for: $0)) }
    }

    static func draw(_ t: TerminalSurface, _ r: Rect, rows: [Row], selection: Int, zh: Bool) {
        var y = r.top + 1
        let intro = zh
            ? "在你自己输入的向量上精确计算注意力的每一个公式。选择一课（↑ ↓ 回车），或直接输入公式，例如 softmax([1, 2, 3])。"
            : "Attention, from the RNN step to the Transformer, computed exactly on vectors you type. Pick a lesson (↑ ↓ Enter) or type a formula, e.g. softmax([1, 2, 3])."
        for line in TextWrap.lines(intro, width: r.width - 4) where y < r.bottom {
            t.put("  " + line, row: y, col: 0, style: .plain)
            y += 1
        }
        y += 1
        guard !rows.isEmpty else {
            t.put(zh ? "  没有找到课程。" : "  No lessons found.", row: y, col: 0, style: .tone(.error))
            return
        }
        let idWidth = rows.map { DisplayWidth.of($0.id) }.max() ?? 0
        let progressWidth = rows.map { DisplayWidth.of($0.progress) }.max() ?? 0
        let visible = max(1, r.bottom - y)
        let window = Window.range(count: rows.count, capacity: visible, focus: selection)
        for k in window {
            let row = rows[k]
            let chosen = k == selection
            let marker = chosen ? "▸ " : "  "
            let titleWidth = max(8, r.width - idWidth - progressWidth - 12)
            let text = "\(marker)\(k + 1). " + DisplayWidth.padRight(row.id, idWidth) + "  "
                + DisplayWidth.padRight(Clip.text(row.title, width: titleWidth), titleWidth) + "  " + row.progress
            t.put(Clip.text(" " + text, width: r.width), row: y, col: 0,
                  style: chosen ? Style(tone: .selection, bold: true) : (row.progress == "done" ? .tone(.success) : .plain))
            y += 1
        }
    }
}

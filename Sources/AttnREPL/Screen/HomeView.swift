// The home view: what attn-repl is, the lessons with the learner's progress, and how to start.
// Each lesson is one line where its id, title and progress fit side by side, else a few lines
// (the title and the progress wrapped under the id): nothing is cut.
import Engine

enum HomeView {
    struct Row {
        let id: String
        let title: String
        let progress: String
        let done: Bool
    }

    static func rows(_ lessons: [Lesson], progress: Progress) -> [Row] {
        lessons.map { lesson in
            let seen = progress.lessons[lesson.id]?.stepsSeen.filter { $0 >= 1 && $0 <= lesson.steps.count }.count ?? 0
            return Row(id: lesson.id, title: lesson.title, progress: progress.summary(for: lesson), done: seen == lesson.steps.count)
        }
    }

    static func draw(_ t: TerminalSurface, _ r: Rect, rows: [Row], selection: Int, strings: ScreenStrings) {
        var y = r.top + 1
        for line in TextWrap.lines(strings.homeIntro, width: r.width - 4) where y < r.bottom {
            t.put("  " + line, row: y, col: 0, style: .plain)
            y += 1
        }
        y += 1
        guard !rows.isEmpty else {
            t.put("  " + strings.noLessons, row: y, col: 0, style: .tone(.error))
            return
        }
        let entries = rows.enumerated().map { k, row in lines(row, number: k + 1, count: rows.count, chosen: k == selection,
                                                               idWidth: rows.map { DisplayWidth.of($0.id) }.max() ?? 0,
                                                               progressWidth: rows.map { DisplayWidth.of($0.progress) }.max() ?? 0,
                                                               width: r.width) }
        let tallest = entries.map(\.count).max() ?? 1
        let visible = max(1, (r.bottom - y) / tallest)
        for k in Window.range(count: rows.count, capacity: visible, focus: selection) {
            let row = rows[k]
            let chosen = k == selection
            for (i, line) in entries[k].enumerated() where y < r.bottom {
                let style: Style = chosen ? Style(tone: .selection, bold: i == 0) : (row.done ? .tone(.success) : i == 0 ? .plain : .tone(.muted))
                t.put(chosen ? DisplayWidth.padRight(line, r.width - 1) : line, row: y, col: 0, style: style)
                y += 1
            }
        }
    }

    private static func lines(_ row: Row, number: Int, count: Int, chosen: Bool, idWidth: Int, progressWidth: Int, width: Int) -> [String] {
        let numberWidth = "\(count). ".count
        let head = (chosen ? " ▸ " : "   ") + DisplayWidth.padRight("\(number).", numberWidth) + DisplayWidth.padRight(row.id, idWidth) + "  "
        let titleWidth = width - 1 - DisplayWidth.of(head) - 2 - progressWidth
        if titleWidth >= DisplayWidth.of(row.title) {
            return [head + DisplayWidth.padRight(row.title, titleWidth) + "  " + row.progress]
        }
        let indent = String(repeating: " ", count: 3 + numberWidth)
        let wrapped = TextWrap.wrap([Segment(text: row.title + " · " + row.progress, style: .plain)], width: max(10, width - 1 - indent.count))
        return [head.trimmingTrailingSpaces] + wrapped.map { indent + $0.map(\.text).joined() }
    }
}

// Draws one whole frame from the session's state: the home view or the lesson view,
// the help overlay, the status and input lines. A pure function of its inputs, so the
// same code draws into ncurses and into the in-memory terminal of the golden tests.
import Engine

struct ScreenFrame {
    let state: ReplState
    let screen: ScreenState
    let cells: CellCache
    var input: (prompt: String, text: String, cursor: Int) = (InputLine.prompt, "", 0)
    var homeRows: [HomeView.Row] = []

    var strings: ScreenStrings { ScreenStrings.of(state.language) }

    /// The layout and, in a lesson, the step document for a terminal size.
    func view(rows: Int, cols: Int) -> (layout: Layout, document: StepDocument?)? {
        guard let layout = Layout.make(rows: rows, cols: cols, outputLines: outputLines(width: cols).count) else { return nil }
        guard let lesson = state.lesson, screen.mode == .lesson else { return (layout, nil) }
        return (layout, document(lesson, width: cols, viewHeight: layout.body.height))
    }

    /// Draws and returns where the cursor belongs (nil: hidden).
    @discardableResult
    func draw(on t: TerminalSurface) -> (row: Int, col: Int)? {
        t.clear()
        if let pager = screen.pager {
            PagerView.draw(t, lines: pager.lines, top: pager.top, error: pager.error,
                           title: pager.help ? strings.helpTitle : strings.outputTitle, keys: strings.pagerKeys)
            return nil
        }
        guard let (layout, doc) = view(rows: t.rows, cols: t.cols) else {
            tooSmall(t)
            return nil
        }
        if let lesson = state.lesson, let doc, screen.mode == .lesson {
            HeaderView.draw(t, layout.header, title: lesson.lesson.title, right: strings.step(lesson.step + 1, lesson.stepCount),
                            extra: " · " + lesson.progressSummary)
            DocumentView.draw(t, layout.body, lines: doc.lines, top: DocumentView.line(of: screen.place, in: doc.lines), strings: strings)
        } else {
            HeaderView.draw(t, layout.header, title: "attn-repl", right: strings.tagline)
            HomeView.draw(t, layout.body, rows: homeRows, selection: screen.homeSelection, strings: strings)
        }
        OutputView.draw(t, layout.output, lines: outputLines(width: t.cols))
        StatusView.draw(t, layout.footer, keys: footer)
        return (layout.input.top, InputLineView.draw(t, layout.input, prompt: input.prompt, text: input.text,
                                                     cursor: input.cursor, placeholder: strings.placeholder))
    }

    /// Drawn over the last frame just before long work (a statement, or a frame that must read
    /// a large tensor first), since the screen cannot redraw while it computes: the footer says
    /// it is computing and that Ctrl-C stops it, and the input line shows what runs, with no
    /// cursor since nothing edits it.
    func drawBusy(on t: TerminalSurface, running text: String) {
        guard let layout = Layout.make(rows: t.rows, cols: t.cols) else { return }
        StatusView.drawBusy(t, layout.footer, message: strings.computing, keys: strings.footerBusy)
        _ = InputLineView.draw(t, layout.input, prompt: input.prompt, text: text, cursor: 0, placeholder: "")
    }

    /// The keys that work now.
    var footer: [String] {
        if !input.text.isEmpty { return strings.footerTyping }
        if screen.mode == .home || state.lesson == nil { return strings.footerHome }
        return screen.cellMode ? strings.footerCell : strings.footerLesson
    }

    /// The last result, error or message, wrapped to the width (never cut).
    func outputLines(width: Int) -> [DocumentLine] {
        var out: [DocumentLine] = []
        func add(_ text: String, _ style: Style) {
            for piece in TextWrap.wrap([Segment(text: text, style: style)], width: max(10, width - 2)) {
                out.append(DocumentLine(segments: [Segment(text: " ", style: .plain)] + piece, anchor: 0))
            }
        }
        for line in screen.output { add(line, .plain) }
        for line in screen.errors { add(line, .tone(.error)) }
        if let message = screen.message { add(message.text, .tone(message.tone, bold: true)) }
        return out
    }

    private func tooSmall(_ t: TerminalSurface) {
        let lines = TextWrap.lines(strings.enlarge(Layout.minimumCols, Layout.minimumRows), width: max(1, t.cols - 1))
            + ["\(t.cols)×\(t.rows)"] + strings.footerTooSmall
        let top = max(0, (t.rows - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            t.put(line, row: top + i, col: max(0, (t.cols - DisplayWidth.of(line)) / 2), style: .tone(.accent, bold: true))
        }
    }

    func tensorItems(_ lesson: LessonSession) -> [TensorPane.Item] {
        let statements = lesson.run.steps[lesson.step].records.map(\.statement)
        let used = References.of(statements)
        return TensorEntry.entries(lesson).map { entry in
            let emphasis: TensorBlock.Emphasis = entry.step == lesson.step ? .current
                : used[entry.name] != nil ? .referenced : entry.step < 0 ? .input : .plain
            return TensorPane.Item(entry: entry, source: cells.source(entry, digits: lesson.digits),
                                   emphasis: emphasis, highlightedRows: used[entry.name] ?? [])
        }
    }

    /// Whether drawing this frame starts with long work: a large tensor's heat map to decide.
    var drawingIsLong: Bool {
        guard screen.pager == nil, screen.mode == .lesson, let lesson = state.lesson else { return false }
        return tensorItems(lesson).contains { $0.source.weightsCheckIsLong }
    }

    /// The learner's choice, or else the last tensor the current step made.
    func selectedTensor(_ items: [TensorPane.Item], _ lesson: LessonSession) -> Int? {
        if let s = screen.selectedTensor, s < items.count { return s }
        return items.lastIndex { $0.entry.step == lesson.step } ?? (items.isEmpty ? nil : items.count - 1)
    }
}

/// Cell sources by tensor name and the step that made the value (a name a later step
/// assigns again is another value), dropped whenever values or digits change: after every
/// input that ran, since any of them may have recomputed the lesson.
final class CellCache {
    private struct Key: Hashable {
        let name: String
        let step: Int
    }
    private var sources: [Key: CellSource] = [:]

    func source(_ entry: TensorEntry, digits: Int) -> CellSource {
        let key = Key(name: entry.name, step: entry.step)
        if let s = sources[key], s.digits == digits, s.tensor.shape == entry.value.shape { return s }
        let s = CellSource(entry.value, digits: digits)
        sources[key] = s
        return s
    }

    func invalidate() { sources.removeAll() }
}

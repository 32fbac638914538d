// Draws one whole frame from the session's state: the home view or the lesson view,
// the help overlay, the status and input lines. A pure function of its inputs, so the
// same code draws into ncurses and into the in-memory terminal of the golden tests.
import Engine

struct ScreenFrame {
    let state: ReplState
    let screen: ScreenState
    let cells: CellCache
    var input: (prompt: String, text: String, cursor: Int) = (InputLine.prompt, "", 0)
    var inputFocused = false
    var homeRows: [HomeView.Row] = []

    var zh: Bool { state.language == .zh }

    /// Draws and returns where the cursor belongs (nil: hidden).
    @discardableResult
    func draw(on t: TerminalSurface) -> (row: Int, col: Int)? {
        t.clear()
        guard Layout.fits(rows: t.rows, cols: t.cols) else {
            tooSmall(t)
            return nil
        }
        let layout: Layout
        if let lesson = state.lesson, screen.mode == .lesson {
            let prose = proseText(lesson)
            let formulas = FormulaView.lines(lesson, width: t.cols)
            let items = tensorItems(lesson)
            let tensorLines = TensorPane.neededHeight(items: items, selected: selectedTensor(items, lesson),
                                                      cursor: (screen.cellRow, screen.cellCol), width: t.cols, maxHeight: t.rows / 2)
            layout = Layout.lesson(rows: t.rows, cols: t.cols, proseLines: ProseView.lines(prose, width: t.cols).count,
                                   formulaLines: formulas.count, tensorLines: tensorLines, outputLines: outputLines)!
            drawLesson(t, layout, lesson, prose: prose, formulas: formulas, items: items)
        } else {
            layout = Layout.home(rows: t.rows, cols: t.cols, outputLines: outputLines)!
            HeaderView.draw(t, layout.header, title: "attn-repl", right: zh ? "注意力机制，逐步精确计算" : "attention, computed exactly")
            HomeView.draw(t, layout.tensors, rows: homeRows, selection: screen.homeSelection, zh: zh)
        }
        if !screen.output.isEmpty || !screen.errors.isEmpty {
            OutputView.draw(t, layout.output, lines: screen.output + screen.errors, error: !screen.errors.isEmpty)
        }
        StatusView.draw(t, layout.status, message: screen.message, keys: zh ? KeyMap.summaryZh : KeyMap.summary)
        let placeholder = zh ? "输入公式或 : 命令（? 帮助）" : "type a formula or a : command (? for help)"
        let col = InputLineView.draw(t, layout.input, prompt: input.prompt, text: input.text, cursor: input.cursor,
                                     focused: inputFocused, placeholder: placeholder)
        if screen.showingHelp {
            HelpView.draw(t, rows: t.rows, cols: t.cols, zh: zh)
            return nil
        }
        if let pager = screen.pager {
            PagerView.draw(t, lines: pager.lines, top: pager.top, error: pager.error, zh: zh)
            return nil
        }
        return inputFocused ? (layout.input.top, col) : nil
    }

    private var outputLines: Int {
        let n = screen.output.count + screen.errors.count
        return n == 0 ? 0 : n + 1
    }

    private func tooSmall(_ t: TerminalSurface) {
        let text = zh ? "请把终端放大（至少 \(Layout.minimumCols)×\(Layout.minimumRows)）"
                      : "Enlarge the terminal (at least \(Layout.minimumCols)×\(Layout.minimumRows))"
        let lines = TextWrap.lines(text, width: max(1, t.cols - 1)) + ["\(t.cols)×\(t.rows)", "q: quit"]
        let top = max(0, (t.rows - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            t.put(Clip.text(line, width: t.cols), row: top + i, col: max(0, (t.cols - DisplayWidth.of(line)) / 2), style: .tone(.accent, bold: true))
        }
    }

    private func proseText(_ lesson: LessonSession) -> String {
        let step = lesson.currentStep
        var parts = ["## " + step.title]
        if lesson.step == 0 && !lesson.lesson.introduction.isEmpty { parts.append(lesson.lesson.introduction) }
        if !step.prose.isEmpty { parts.append(step.prose) }
        if let name = lesson.pendingExercises.first {
            parts.append(zh ? "练习：先预测 \(name) 的值，在输入行输入 \(name) = 你的答案。" : "Exercise: predict \(name) before it is shown. Type \(name) = your answer.")
        }
        return parts.joined(separator: "\n\n")
    }

    private func drawLesson(_ t: TerminalSurface, _ layout: Layout, _ lesson: LessonSession, prose: String,
                            formulas: [FormulaView.Line], items: [TensorPane.Item]) {
        let stepText = zh ? "第 \(lesson.step + 1)/\(lesson.stepCount) 步" : "step \(lesson.step + 1)/\(lesson.stepCount)"
        HeaderView.draw(t, layout.header, title: lesson.lesson.title, right: "\(stepText) · \(lesson.progressSummary)")
        ProseView.draw(t, layout.prose, text: prose)
        FormulaView.draw(t, layout.formula, lines: formulas)
        TensorPane.draw(t, layout.tensors, items: items, selected: selectedTensor(items, lesson),
                        cursor: (screen.cellRow, screen.cellCol), scroll: screen.tensorScroll)
    }

    func tensorItems(_ lesson: LessonSession) -> [TensorPane.Item] {
        let statements = lesson.run.steps[lesson.step].records.map(\.statement)
        let used = References.of(statements)
        return TensorEntry.entries(lesson).map { entry in
            let emphasis: TensorBlock.Emphasis = entry.step == lesson.step ? .current
                : used[entry.name] != nil ? .referenced : entry.step < 0 ? .input : .plain
            return TensorPane.Item(entry: entry, source: cells.source(entry.name, entry.value, digits: lesson.digits),
                                   emphasis: emphasis, highlightedRows: used[entry.name] ?? [])
        }
    }

    /// The learner's choice, or else the last tensor the current step made.
    func selectedTensor(_ items: [TensorPane.Item], _ lesson: LessonSession) -> Int? {
        if let s = screen.selectedTensor, s < items.count { return s }
        return items.lastIndex { $0.entry.step == lesson.step } ?? (items.isEmpty ? nil : items.count - 1)
    }
}

/// Cell sources by tensor name, dropped whenever values or digits change.
final class CellCache {
    private var sources: [String: CellSource] = [:]

    func source(_ name: String, _ value: Tensor, digits: Int) -> CellSource {
        if let s = sources[name], s.digits == digits, s.tensor.count == value.count, s.tensor.shape == value.shape { return s }
        let s = CellSource(value, digits: digits)
        sources[name] = s
        return s
    }

    func invalidate() { sources.removeAll() }
}

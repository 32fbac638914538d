// A lesson step as one document, top to bottom: the prose, the formulas (as written, with the
// numbers substituted, one line per pass of a loop), then the tensors so far and the heat
// map's legend. The screen shows a window of it between the title bar and the input line and
// scrolls; nothing in it is ever cut off.
import Engine

/// One line of the document and the block it belongs to (a paragraph, a formula, a tensor):
/// after a resize re-flows the text, the reader's place is found again by its block.
struct DocumentLine {
    var segments: [Segment]
    var anchor: Int

    var text: String { segments.map(\.text).joined() }
}

struct StepDocument {
    var lines: [DocumentLine] = []
    /// Lines of each tensor (by item index) and, for the selected one, of its cell's value:
    /// what scrolls into view when a tensor is selected.
    var tensorLines: [Int: Range<Int>] = [:]

    /// Anchors: prose blocks count from 0, formulas and tensors from these.
    static let formulaAnchor = 1_000_000
    static let tensorAnchor = 2_000_000
    static let legendAnchor = 3_000_000

    mutating func add(_ segments: [Segment], anchor: Int) { lines.append(DocumentLine(segments: segments, anchor: anchor)) }

    mutating func blank(anchor: Int) {
        if let last = lines.last, !last.segments.isEmpty { add([], anchor: anchor) }
    }

    /// `── formulas ─────` across the width.
    mutating func rule(_ title: String, width: Int, anchor: Int) {
        blank(anchor: anchor)
        let head = "── \(title) "
        add([Segment(text: head + String(repeating: "─", count: max(0, width - DisplayWidth.of(head))), style: .tone(.muted))], anchor: anchor)
    }
}

extension ScreenFrame {
    /// The whole current step, laid out `width` columns wide; `viewHeight` bounds the block of
    /// the selected tensor (larger tensors elide their middle rows and columns).
    func document(_ lesson: LessonSession, width: Int, viewHeight: Int) -> StepDocument {
        var doc = StepDocument()
        let text = width - 2               // one column of margin on each side
        for line in MarkdownView.lines(proseText(lesson), width: text) {
            doc.add(indented(line.segments), anchor: line.anchor)
        }
        let formulas = FormulaView.lines(lesson, width: text, strings: strings)
        if !formulas.isEmpty {
            doc.rule(strings.formulasRule, width: width, anchor: StepDocument.formulaAnchor)
            for line in formulas { doc.add(indented(line.segments), anchor: line.anchor) }
        }
        let items = tensorItems(lesson)
        if !items.isEmpty {
            doc.rule(strings.tensorsRule, width: width, anchor: StepDocument.tensorAnchor)
            let selected = screen.cellMode ? selectedTensor(items, lesson) : nil
            let pane = TensorPane.lines(items, selected: selected, highlighted: selectedTensor(items, lesson),
                                        cursor: (screen.cellRow, screen.cellCol), width: width,
                                        selectedHeight: max(6, viewHeight - 3), strings: strings)
            let first = doc.lines.count
            for line in pane.lines { doc.add(line.segments, anchor: line.anchor) }
            for (k, range) in pane.ranges { doc.tensorLines[k] = (range.lowerBound + first)..<(range.upperBound + first) }
            if items.contains(where: { $0.source.isWeights }) {
                doc.blank(anchor: StepDocument.legendAnchor)
                for piece in TextWrap.wrap(HeatMap.legend(strings), width: text) {
                    doc.add(indented(piece), anchor: StepDocument.legendAnchor)
                }
            }
        }
        return doc
    }

    private func indented(_ segments: [Segment]) -> [Segment] {
        segments.isEmpty ? [] : [Segment(text: " ", style: .plain)] + segments
    }

    /// The step's title as a heading, the lesson's introduction on its first step, the prose,
    /// and the exercise to do.
    func proseText(_ lesson: LessonSession) -> String {
        let step = lesson.currentStep
        var parts = ["## " + step.title]
        if lesson.step == 0 && !lesson.lesson.introduction.isEmpty { parts.append(lesson.lesson.introduction) }
        if !step.prose.isEmpty { parts.append(step.prose) }
        if let name = lesson.pendingExercises.first { parts.append("**" + strings.exercise(name) + "**") }
        return parts.joined(separator: "\n\n")
    }
}

// The lesson's tensors so far as lines of the step document: blocks packed left to right in
// rows ("shelves"), and under the selected tensor's shelf the full value of the cell under
// its cursor (wrapped, never cut).
import Engine

enum TensorPane {
    struct Item {
        let entry: TensorEntry
        let source: CellSource
        let emphasis: TensorBlock.Emphasis
        let highlightedRows: Set<Int>
    }

    static let gap = 3

    /// `selected`: the tensor whose cell cursor moves (cell mode), drawn in full up to
    /// `selectedHeight` lines; `highlighted`: the tensor whose label is marked.
    static func lines(_ items: [Item], selected: Int?, highlighted: Int?, cursor: (row: Int, col: Int), width: Int,
                      selectedHeight: Int, strings: ScreenStrings) -> (lines: [DocumentLine], ranges: [Int: Range<Int>]) {
        let blocks = items.enumerated().map { k, item in
            TensorBlock.make(.init(name: item.entry.name, value: item.entry.value, cells: item.source,
                                   emphasis: item.emphasis, selected: k == selected, marked: k == highlighted && selected == nil,
                                   hidden: item.entry.hidden, highlightedRows: item.highlightedRows,
                                   cursor: k == selected ? cursor : (0, 0),
                                   maxHeight: k == selected ? selectedHeight : min(selectedHeight, 10), maxWidth: width - 2,
                                   strings: strings))
        }
        var out: [DocumentLine] = []
        var ranges: [Int: Range<Int>] = [:]
        for shelf in pack(blocks.map { ($0.width, $0.lines.count) }, width: width - 1) {
            let anchor = StepDocument.tensorAnchor + 1 + shelf.members[0]
            let top = out.count
            for dy in 0..<shelf.height {
                var line: [Segment] = [Segment(text: " ", style: .plain)]
                var x = 1
                for k in shelf.members {
                    let block = blocks[k]
                    let start = x
                    if dy < block.lines.count {
                        line += block.lines[dy]
                        x += block.lines[dy].reduce(0) { $0 + DisplayWidth.of($1.text) }
                    }
                    // Pad to the next block's column.
                    let next = start + block.width + gap
                    if k != shelf.members.last, next > x {
                        line.append(Segment(text: String(repeating: " ", count: next - x), style: .plain))
                        x = next
                    }
                }
                out.append(DocumentLine(segments: line, anchor: anchor))
            }
            for k in shelf.members { ranges[k] = top..<out.count }
            if let s = selected, shelf.members.contains(s), s < items.count,
               let detail = detailLine(items[s], cursor: cursor, strings: strings) {
                for piece in TextWrap.wrap([Segment(text: detail, style: .tone(.accent, bold: true))], width: width - 3) {
                    out.append(DocumentLine(segments: [Segment(text: "  ", style: .plain)] + piece, anchor: anchor))
                }
                ranges[s] = top..<out.count
            }
            out.append(DocumentLine(segments: [], anchor: anchor))
        }
        if out.last?.segments.isEmpty == true { out.removeLast() }
        return (out, ranges)
    }

    struct Shelf {
        var members: [Int] = []
        var width = 0
        var height = 0
    }

    /// Blocks left to right, a new shelf when the next does not fit.
    static func pack(_ sizes: [(width: Int, height: Int)], width: Int) -> [Shelf] {
        var shelves: [Shelf] = []
        var current = Shelf()
        for (k, size) in sizes.enumerated() {
            let needed = current.members.isEmpty ? size.width : current.width + gap + size.width
            if !current.members.isEmpty && needed > width {
                shelves.append(current)
                current = Shelf()
            }
            current.width = current.members.isEmpty ? size.width : current.width + gap + size.width
            current.height = max(current.height, size.height)
            current.members.append(k)
        }
        if !current.members.isEmpty { shelves.append(current) }
        return shelves
    }

    /// The cursor's element: its index in the tensor and its 1-based place as typed (`[2, 3]`,
    /// `[2]` in a vector, nothing for a scalar).
    static func position(_ shape: Shape, cursor: (row: Int, col: Int)) -> (index: Int, text: String) {
        switch shape {
        case .scalar: return (0, "")
        case .vector: return (cursor.row, "[\(cursor.row + 1)]")
        case .matrix: return (cursor.row * shape.cols + cursor.col, "[\(cursor.row + 1), \(cursor.col + 1)]")
        }
    }

    /// `A[2, 3] = exp(…)/(…) ≈ 0.244728…`: the cell's full exact form and its decimal at the
    /// session's digits.
    static func detailLine(_ item: Item, cursor: (row: Int, col: Int), strings: ScreenStrings) -> String? {
        let v = item.entry.value
        if item.entry.hidden { return strings.exerciseDetail(UnicodeMath.name(item.entry.name), item.entry.name) }
        let (index, place) = position(v.shape, cursor: cursor)
        guard index < v.count else { return nil }
        let cell = item.source.cell(index, digits: item.source.digits)
        let fullExact = v.isFloat ? nil : ExactForm.string(v.scalar(at: index), limit: 4000)
        let value: String
        if cell.decimalIsExact { value = fullExact.map { $0 == cell.decimal ? "= \($0)" : "= \($0) = \(cell.decimal)" } ?? "= \(cell.decimal)" }
        else { value = (fullExact.map { "= \($0) " } ?? "") + "≈ \(cell.decimal)" }
        return "\(UnicodeMath.name(item.entry.name))\(place) \(value)"
    }
}

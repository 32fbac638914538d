// The lesson's tensors so far, packed left to right in rows ("shelves") that scroll to keep
// the selected tensor in view, and a last line with the full value of the cell under the cursor.
import Engine

enum TensorPane {
    struct Item {
        let entry: TensorEntry
        let source: CellSource
        let emphasis: TensorBlock.Emphasis
        let highlightedRows: Set<Int>
    }

    static let gap = 3

    /// Lines the tensors would take in a pane this wide and at most this high (for the layout).
    static func neededHeight(items: [Item], selected: Int?, cursor: (row: Int, col: Int), width: Int, maxHeight: Int) -> Int {
        let blocks = self.blocks(items, selected: selected, cursor: cursor, width: width, bodyHeight: maxHeight)
        return pack(blocks.map { ($0.width, $0.lines.count) }, width: width - 1).reduce(1) { $0 + $1.height }
    }

    private static func blocks(_ items: [Item], selected: Int?, cursor: (row: Int, col: Int), width: Int, bodyHeight: Int) -> [TensorBlock] {
        items.enumerated().map { k, item in
            TensorBlock.make(.init(name: item.entry.name, value: item.entry.value, cells: item.source,
                                   emphasis: item.emphasis, selected: k == selected, hidden: item.entry.hidden,
                                   highlightedRows: item.highlightedRows, cursor: k == selected ? cursor : (0, 0),
                                   maxHeight: k == selected ? bodyHeight : min(bodyHeight, 10), maxWidth: width - 2))
        }
    }

    static func draw(_ t: TerminalSurface, _ r: Rect, items: [Item], selected: Int?, cursor: (row: Int, col: Int), scroll: Int) {
        guard r.height >= 2, r.width >= 10 else { return }
        let bodyHeight = r.height - 1
        let blocks = self.blocks(items, selected: selected, cursor: cursor, width: r.width, bodyHeight: bodyHeight)
        let shelves = pack(blocks.map { ($0.width, $0.lines.count) }, width: r.width - 1)
        let target = selected.flatMap { s in shelves.firstIndex { $0.members.contains(s) } } ?? max(0, shelves.count - 1)
        var first = firstShelf(showing: target, shelves: shelves, height: bodyHeight)
        first = min(max(0, first + scroll), max(0, shelves.count - 1))
        var y = r.top
        for shelf in shelves[first...] {
            guard y < r.top + bodyHeight else { break }
            var x = r.left + 1
            for k in shelf.members {
                for (dy, line) in blocks[k].lines.enumerated() where y + dy < r.top + bodyHeight {
                    var cx = x
                    for seg in line {
                        t.put(seg.text, row: y + dy, col: cx, style: seg.style)
                        cx += DisplayWidth.of(seg.text)
                    }
                }
                x += blocks[k].width + gap
            }
            y += shelf.height
        }
        let detail = selected.flatMap { s in s < items.count ? detailLine(items[s], cursor: cursor) : nil }
            ?? "Tab selects a tensor; ↑ ↓ , . move the cell cursor"
        t.put(Clip.text(" " + detail, width: r.width), row: r.top + bodyHeight, col: 0, style: .tone(.muted))
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

    /// The first shelf to draw so that `target` is fully visible, preferring to show earlier ones.
    static func firstShelf(showing target: Int, shelves: [Shelf], height: Int) -> Int {
        guard target < shelves.count else { return 0 }
        var first = target, used = shelves[target].height
        while first > 0 && used + shelves[first - 1].height <= height {
            first -= 1
            used += shelves[first].height
        }
        return first
    }

    /// `A[2, 3] = exp(…)/(…) ≈ 0.244728…` at the session's digits.
    static func detailLine(_ item: Item, cursor: (row: Int, col: Int)) -> String? {
        let v = item.entry.value
        if item.entry.hidden { return "\(UnicodeMath.name(item.entry.name)) is an exercise: type \(item.entry.name) = your prediction" }
        let index: Int, place: String
        switch v.shape {
        case .scalar: index = 0; place = ""
        case .vector: index = cursor.row; place = "[\(cursor.row + 1)]"
        case .matrix: index = cursor.row * v.shape.cols + cursor.col; place = "[\(cursor.row + 1), \(cursor.col + 1)]"
        }
        guard index < v.count else { return nil }
        let cell = item.source.cell(index, digits: item.source.digits)
        let fullExact = v.isFloat ? nil : ExactForm.string(v.scalar(at: index), limit: 400)
        let value: String
        if cell.decimalIsExact { value = fullExact.map { $0 == cell.decimal ? "= \($0)" : "= \($0) = \(cell.decimal)" } ?? "= \(cell.decimal)" }
        else { value = (fullExact.map { "= \($0) " } ?? "") + "≈ \(cell.decimal)" }
        return "\(UnicodeMath.name(item.entry.name))\(place) \(value)"
    }
}

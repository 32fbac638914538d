// The text and approximate value of a tensor's entries, computed on first use and kept:
// a screen of a 500×500 exact tensor evaluates only the entries it shows.
import Engine

final class CellSource {
    let tensor: Tensor
    /// Significant digits of the full value (the detail line).
    let digits: Int
    private var texts: [Int: [Int: CellText]] = [:]      // digits → index → text
    private var doubles: [Double]?
    private var weights: Bool?

    init(_ tensor: Tensor, digits: Int) {
        self.tensor = tensor
        self.digits = digits
    }

    func cell(_ index: Int, digits: Int) -> CellText {
        if let c = texts[digits]?[index] { return c }
        let c: CellText
        switch tensor.elements {
        case let .float(d): c = CellText(float: d[index], digits: digits)
        case let .exact(e): c = CellText(e[index], digits: digits)
        }
        // Cut short by Ctrl-C: shown this once, computed again on the next frame.
        if !Interrupt.isRequested { texts[digits, default: [:]][index] = c }
        return c
    }

    func double(_ index: Int) -> Double { allDoubles[index] }

    func isExactZero(_ index: Int) -> Bool {
        if case let .exact(e) = tensor.elements { return e[index].isZero }
        return false
    }

    var isWeights: Bool {
        if let weights { return weights }
        let w = tensor.count <= 1 << 16 && HeatMap.isWeights(tensor, values: allDoubles)
        weights = w
        return w
    }

    private var allDoubles: [Double] {
        if let doubles { return doubles }
        let d: [Double]
        switch tensor.elements {
        case let .float(f): d = f
        case let .exact(e): d = e.map(\.approximateDouble)
        }
        doubles = d
        return d
    }
}

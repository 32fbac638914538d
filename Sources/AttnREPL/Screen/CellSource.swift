// The text and approximate value of a tensor's entries, computed on first use and kept:
// a screen of a 500×500 exact tensor evaluates only the entries it shows (an entry of an
// attention output costs a row of exponentials, so a draw never asks for all of them).
import Engine

final class CellSource {
    let tensor: Tensor
    /// Significant digits of the full value (the detail line).
    let digits: Int
    private var texts: [Int: [Int: CellText]] = [:]      // digits → index → text
    /// Approximate values by index, made one at a time (NaN: not made yet).
    private var doubles: [Double] = []
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

    func double(_ index: Int) -> Double {
        switch tensor.elements {
        case let .float(d): return d[index]
        case let .exact(e):
            if doubles.isEmpty { doubles = Array(repeating: .nan, count: e.count) }
            if !doubles[index].isNaN { return doubles[index] }
            let d = e[index].approximateDouble
            if !Interrupt.isRequested { doubles[index] = d }     // cut short by Ctrl-C: not kept
            return d
        }
    }

    func isExactZero(_ index: Int) -> Bool {
        if case let .exact(e) = tensor.elements { return e[index].isZero }
        return false
    }

    var isWeights: Bool {
        if let weights { return weights }
        if tensor.isSoftmaxOfRows {
            weights = true          // a 200×200 softmax: no 40,000 entries read to find out
            return true
        }
        // Stopped by Ctrl-C: not shaded (until the next input), rather than tried again on
        // every frame.
        let decided = HeatMap.isWeights(tensor, value: double) && !Interrupt.isRequested
        weights = decided
        return decided
    }

    /// Entries of an exact tensor this large cost up to a row of exponentials each: a tensor
    /// whose first row passes as weights is read whole on its first frame (a 200×200 softmax:
    /// a third of a second), which the screen says before drawing it.
    static let longWeightsCheck = 4096

    /// Whether `isWeights` is yet to read many entries.
    var weightsCheckIsLong: Bool {
        guard weights == nil, !tensor.isSoftmaxOfRows, case .exact = tensor.elements, tensor.count > Self.longWeightsCheck else { return false }
        return HeatMap.isWeights(tensor, value: double, rows: 1)
    }
}

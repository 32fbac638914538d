// Attention weights as a heat map: which tensors are weights, and how each weight looks
// (a colour tone, and a shade character that also works without colour).
import Engine

enum HeatMap {
    static let shades: [Character] = ["░", "▒", "▓", "█"]
    static let maskedShade: Character = "·"

    /// Weights: every entry in [0, 1] and each row (a vector: the whole) summing to 1,
    /// with at least one entry strictly between 0 and 1. Softmax and attention outputs qualify.
    /// Read row by row and given up at the first row that fails: an entry of an exact tensor
    /// can cost hundreds of exponentials (a 300×4 `A V` needs the whole 300×300 softmax), and
    /// most tensors fail on their first row. Rows of one entry never qualify (summing to 1,
    /// the entry is 1), so a column of row sums is not read at all. With `rows`, only that many
    /// rows are read, and the answer is whether none of them fails.
    static func isWeights(_ t: Tensor, value: (Int) -> Double, rows limit: Int = .max) -> Bool {
        guard t.shape != .scalar, t.count <= 1 << 16 else { return false }
        let width = t.shape.isVector ? t.count : t.shape.cols
        guard width > 1 else { return false }
        var between = false
        for (read, start) in stride(from: 0, to: t.count, by: width).enumerated() {
            if read == limit { return true }
            var sum = 0.0
            for i in start..<(start + width) {
                let w = value(i)
                guard w >= -1e-12 && w <= 1 + 1e-12 else { return false }      // NaN fails too
                if w > 1e-12 && w < 1 - 1e-12 { between = true }
                sum += w
            }
            guard abs(sum - 1) < 1e-9 else { return false }
        }
        return between
    }

    /// The tone for a weight w in [0, 1].
    static func tone(_ w: Double) -> Style.Tone {
        switch w {
        case ..<0.1: return .heat0
        case ..<0.25: return .heat1
        case ..<0.5: return .heat2
        case ..<0.75: return .heat3
        default: return .heat4
        }
    }

    /// A shade character for a weight: blank-ish for tiny weights, full block near 1.
    static func shade(_ w: Double) -> Character {
        switch w {
        case ..<0.1: return " "
        case ..<0.25: return shades[0]
        case ..<0.5: return shades[1]
        case ..<0.75: return shades[2]
        default: return shades[3]
        }
    }

    /// One line saying what the shades and colours mean.
    static func legend(_ strings: ScreenStrings) -> [Segment] {
        var out = [Segment(text: strings.legendTitle + "  ", style: .tone(.muted))]
        let steps: [(Double, String)] = [(0.1, "< 0.25"), (0.25, "< 0.5"), (0.5, "< 0.75"), (0.75, "≥ 0.75")]
        for (w, meaning) in steps {
            out.append(Segment(text: "\(shade(w))", style: Style(tone: tone(w))))
            out.append(Segment(text: " " + meaning + "  ", style: .tone(.muted)))
        }
        out.append(Segment(text: strings.legendSmall + "  ", style: .tone(.muted)))
        out.append(Segment(text: strings.legendMasked, style: .tone(.masked)))
        return out
    }
}

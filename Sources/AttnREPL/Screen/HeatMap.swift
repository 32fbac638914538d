// Attention weights as a heat map: which tensors are weights, and how each weight looks
// (a colour tone, and a shade character that also works without colour).
import Engine

enum HeatMap {
    static let shades: [Character] = ["░", "▒", "▓", "█"]
    static let maskedShade: Character = "·"

    /// Weights: every entry in [0, 1] and each row (a vector: the whole) summing to 1,
    /// with at least one entry strictly between 0 and 1. Softmax and attention outputs qualify.
    static func isWeights(_ t: Tensor, values: [Double]) -> Bool {
        guard t.shape != .scalar, values.count == t.count, t.count <= 1 << 16 else { return false }
        guard values.allSatisfy({ $0 >= -1e-12 && $0 <= 1 + 1e-12 }),
              values.contains(where: { $0 > 1e-12 && $0 < 1 - 1e-12 }) else { return false }
        let width = t.shape.isVector ? t.count : t.shape.cols
        return stride(from: 0, to: values.count, by: width).allSatisfy { start in
            abs(values[start..<(start + width)].reduce(0, +) - 1) < 1e-9
        }
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

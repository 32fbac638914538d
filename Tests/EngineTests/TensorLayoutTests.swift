// Tensors laid out to a terminal's width: exact forms beside their decimals when both fit,
// under them when only that fits, the decimals alone (said so) after that, and fewer
// columns last; never a line wider than asked for.
import Testing
@testable import Engine

@Suite("Tensor text within a width")
struct TensorLayoutTests {
    private func widest(_ lines: [String]) -> Int { lines.map { DisplayWidth.of($0) }.max() ?? 0 }

    @Test func withoutAWidthTheBlocksStandSideBySide() throws {
        let t = try #require(Run.value("softmax([1 2; 3 4])"))
        let free = TensorText.layout(t, digits: 6)
        #expect(free.lines == TensorText.lines(t, digits: 6))
        #expect(free.lines.count == 2 && free.lines[0].contains("⎤ ≈ ⎡ 0.268941  0.731059 ⎤"))
        #expect(!free.droppedExactForms)
    }

    @Test func decimalsGoUnderTheExactFormsWhenBesideIsTooWide() throws {
        let t = try #require(Run.value("softmax([1 2; 3 4])"))
        let beside = TensorText.lines(t, digits: 6)
        let under = TensorText.layout(t, digits: 6, width: widest(beside) - 1)
        #expect(under.lines.count == 4)
        #expect(under.lines[0].hasPrefix("⎡ exp(1)/(exp(1) + exp(2))"))
        #expect(under.lines[2] == "≈ ⎡ 0.268941  0.731059 ⎤")
        #expect(under.lines[3] == "  ⎣ 0.268941  0.731059 ⎦")
        #expect(!under.droppedExactForms)
    }

    @Test func tooNarrowForExactFormsLeavesTheDecimalsAndSaysSo() throws {
        let t = try #require(Run.value("softmax([1 2; 3 4])"))
        let alone = TensorText.layout(t, digits: 6, width: 30)
        #expect(alone.lines == ["≈ ⎡ 0.268941  0.731059 ⎤", "  ⎣ 0.268941  0.731059 ⎦"])
        #expect(alone.droppedExactForms)
    }

    @Test func tooNarrowForTheDecimalsElidesMoreColumns() throws {
        let t = try #require(Run.value("rand(3, 12, 1) / 7"))
        let narrow = TensorText.layout(t, digits: 6, width: 60)
        #expect(widest(narrow.lines) <= 60)
        #expect(narrow.lines.allSatisfy { $0.contains("⋯") })
        // The first and last columns stay.
        #expect(narrow.lines[0].contains("-53/700") && narrow.lines[0].contains("33/700"))
    }

    /// Whatever the tensor and width, no line is wider than the width allows, unless even
    /// three columns of decimals are wider (then nothing narrower exists to show).
    @Test(arguments: [20, 32, 45, 60, 80, 100, 132])
    func noLineIsWiderThanTheWidth(_ width: Int) throws {
        for program in ["softmax([1 2; 3 4])", "rand(5, 14, 3) / 3", "softmax(rand(4, 9, 2))", "[1/3, 2/7, sqrt(2)]",
                        "attention(rand(6, 4, 1), rand(6, 4, 2), rand(6, 4, 3))", "exp(rand(2, 30, 5))"] {
            let t = try #require(Run.value(program))
            let shown = TensorText.layout(t, digits: 6, width: width)
            let threeColumns = TensorText.layout(t, digits: 6, maxCols: 2)
            #expect(widest(shown.lines) <= max(width, widest(threeColumns.lines)), "\(program) at \(width)")
        }
    }
}

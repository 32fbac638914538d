// The screen without a terminal: layouts for every size, tensor blocks that stay inside their
// budget, and whole frames drawn into the in-memory terminal and compared with golden files.
// ATTN_UPDATE_GOLDEN=1 swift test --filter ScreenRendering rewrites the golden files.
import Foundation
import Testing
@testable import AttnREPL
import Engine

@Suite("Screen rendering")
struct ScreenRenderingTests {
    // MARK: Layout

    @Test(arguments: [16, 20, 24, 30, 45, 60])
    func layoutTilesTheWholeScreen(rows: Int) throws {
        for cols in [50, 80, 120, 200] {
            for (prose, formula, tensors, output) in [(0, 0, 0, 0), (5, 3, 8, 0), (40, 20, 60, 4), (2, 1, 200, 10)] {
                let l = try #require(Layout.lesson(rows: rows, cols: cols, proseLines: prose, formulaLines: formula,
                                                   tensorLines: tensors, outputLines: output))
                let stack = [l.header, l.prose, l.formula, l.tensors, l.output, l.status, l.input]
                #expect(stack.allSatisfy { $0.height >= 0 && $0.width == cols && $0.left == 0 })
                for (a, b) in zip(stack, stack.dropFirst()) { #expect(a.bottom == b.top, "\(rows)×\(cols)") }
                #expect(l.header.top == 0 && l.input.bottom == rows)
                #expect(l.prose.height >= 2 && l.tensors.height >= 2, "\(rows)×\(cols) \(prose),\(formula),\(tensors)")
            }
        }
    }

    @Test func tooSmallTerminalsGetNoLayout() {
        #expect(Layout.lesson(rows: 15, cols: 80, proseLines: 1, formulaLines: 1) == nil)
        #expect(Layout.lesson(rows: 30, cols: 49, proseLines: 1, formulaLines: 1) == nil)
        #expect(Layout.home(rows: 10, cols: 30) == nil)
    }

    // MARK: Keys

    @Test func keysMapToActions() {
        #expect(KeyMap.action(for: .right) == .nextStep)
        #expect(KeyMap.action(for: .character("p")) == .previousStep)
        #expect(KeyMap.action(for: .character("q")) == .quit)
        #expect(KeyMap.action(for: .character("x")) == .focusInput(initial: "x"))
        #expect(KeyMap.action(for: .character(":")) == .focusInput(initial: ":"))
        #expect(KeyMap.action(for: .character("α")) == .focusInput(initial: "α"))
        #expect(KeyMap.action(for: .enter) == .open)
        #expect(KeyMap.action(for: .resize) == .none)
    }

    // MARK: Tensor blocks

    /// A 300×300 matrix draws as a window of its cells with elision marks, inside its budget.
    @Test func hugeMatricesAreWindowedInsideTheirBudget() throws {
        let value = Tensor(shape: .matrix(300, 300), exact: (0..<90_000).map { Scalar(Rational($0 % 97, 7)) })
        for cursor in [(0, 0), (150, 150), (299, 299)] {
            var request = TensorBlock.Request(name: "X", value: value, cells: CellSource(value, digits: 6))
            request.cursor = cursor
            request.maxHeight = 12
            request.maxWidth = 70
            let block = TensorBlock.make(request)
            #expect(block.lines.count <= 12)
            #expect(block.width <= 70)
            let text = block.lines.map { $0.map(\.text).joined() }.joined(separator: "\n")
            #expect(text.contains("⋯") && text.contains("⋮"))
            // The cursor's own value is on screen.
            let here = CellText(value.scalar(at: cursor.0 * 300 + cursor.1), digits: 6).decimal
            #expect(text.contains(here))
        }
    }

    // MARK: Whole frames

    func frame(lesson id: String, language: Language = .en, step: Int, rows: Int, cols: Int) throws -> [String] {
        let state = ReplState(digits: 6, float: false, language: language, library: LessonLibrary())
        let lesson = try LessonSession(lesson: state.library.lesson(id, language: language), progress: Progress(), saveProgress: false)
        lesson.go(to: step)
        state.lesson = lesson
        let screen = ScreenState()
        screen.mode = .lesson
        let terminal = MemoryTerminal(rows: rows, cols: cols)
        ScreenFrame(state: state, screen: screen, cells: CellCache()).draw(on: terminal)
        return terminal.lines
    }

    @Test(arguments: [("dot-attention", "en", 0, 30, 100), ("dot-attention", "en", 2, 20, 60),
                      ("dot-attention", "zh", 4, 30, 100), ("self-attention", "en", 3, 40, 120)])
    func framesMatchTheGoldenFiles(_ id: String, _ language: String, _ step: Int, _ rows: Int, _ cols: Int) throws {
        let lines = try frame(lesson: id, language: Language(named: language), step: step, rows: rows, cols: cols)
        #expect(lines.count == rows)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= cols })
        let name = "\(id)-\(language)-step\(step + 1)-\(cols)x\(rows).txt"
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/golden/\(name)")
        let text = lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["ATTN_UPDATE_GOLDEN"] == "1" {
            try text.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(text == expected, "\(name) differs; run with ATTN_UPDATE_GOLDEN=1 and review the diff")
    }

    @Test func aTooSmallTerminalAsksForRoom() throws {
        let lines = try frame(lesson: "dot-attention", step: 0, rows: 10, cols: 30)
        #expect(lines.joined().contains("Enlarge"))
    }
}

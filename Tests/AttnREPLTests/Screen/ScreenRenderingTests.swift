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
            for output in [0, 1, 4, 40] {
                let l = try #require(Layout.make(rows: rows, cols: cols, outputLines: output))
                let stack = [l.header, l.body, l.output, l.footer, l.input]
                #expect(stack.allSatisfy { $0.height >= 0 && $0.width == cols && $0.left == 0 })
                for (a, b) in zip(stack, stack.dropFirst()) { #expect(a.bottom == b.top, "\(rows)×\(cols)") }
                #expect(l.header.top == 0 && l.input.bottom == rows)
                #expect(l.body.height >= rows / 2, "\(rows)×\(cols) \(output)")
            }
        }
    }

    @Test func tooSmallTerminalsGetNoLayout() {
        #expect(Layout.make(rows: 15, cols: 80) == nil)
        #expect(Layout.make(rows: 30, cols: 49) == nil)
    }

    /// The window shows marks on lines of their own and reaches the last line.
    @Test func theDocumentWindowScrollsToBothEnds() {
        #expect(DocumentView.window(count: 5, height: 10, top: 3) == .init(top: 0, rows: 5, above: false, below: false))
        #expect(DocumentView.window(count: 30, height: 10, top: 0) == .init(top: 0, rows: 9, above: false, below: true))
        #expect(DocumentView.window(count: 30, height: 10, top: 10) == .init(top: 10, rows: 8, above: true, below: true))
        let last = DocumentView.window(count: 30, height: 10, top: 1000)
        #expect(last.above && !last.below && last.top + last.rows == 30)
    }

    // MARK: Keys

    /// Printable keys always go to the input line; navigation only with keys that type nothing.
    @Test func typingIsNeverACommand() {
        let lesson = KeyMap.Context(), home = KeyMap.Context(home: true)
        let typing = KeyMap.Context(inputEmpty: false), cells = KeyMap.Context(cellMode: true)
        for c in "qnp ?.,=5[xα:" {
            for context in [lesson, home, typing, cells] { #expect(KeyMap.action(for: .character(c), in: context) == .edit) }
        }
        #expect(KeyMap.action(for: .right, in: lesson) == .nextStep)
        #expect(KeyMap.action(for: .right, in: typing) == .edit)
        #expect(KeyMap.action(for: .controlRight, in: typing) == .nextStep)
        #expect(KeyMap.action(for: .meta("p"), in: typing) == .previousStep)
        #expect(KeyMap.action(for: .home, in: lesson) == .firstStep)
        #expect(KeyMap.action(for: .home, in: typing) == .edit)
        #expect(KeyMap.action(for: .up, in: lesson) == .edit)            // history
        #expect(KeyMap.action(for: .up, in: cells) == .cellUp)
        #expect(KeyMap.action(for: .escape, in: cells) == .leaveSelection)
        #expect(KeyMap.action(for: .tab, in: lesson) == .nextTensor)
        #expect(KeyMap.action(for: .tab, in: typing) == .edit)           // completion
        #expect(KeyMap.action(for: .up, in: home) == .chooseUp)
        #expect(KeyMap.action(for: .enter, in: home) == .open)
        #expect(KeyMap.action(for: .enter, in: KeyMap.Context(home: true, inputEmpty: false)) == .edit)
        #expect(KeyMap.action(for: .pageDown, in: lesson) == .scrollPages(1))
        #expect(KeyMap.action(for: .wheelUp, in: typing) == .scrollLines(-3))
        #expect(KeyMap.action(for: .help, in: typing) == .help)
    }

    /// The help is laid out to the width, and in Chinese describes every command in Chinese.
    @Test(arguments: [50, 80, 120])
    func helpFitsTheWidthInBothLanguages(_ cols: Int) {
        for language in Language.allCases {
            #expect(HelpView.lines(ScreenStrings.of(language), commands: language.strings, width: cols)
                .allSatisfy { DisplayWidth.of($0) <= cols - 1 })
        }
        let missing = CommandTable.all.map(\.name).filter { Language.zh.strings.summary(ofCommand: $0) == nil }
        #expect(missing.isEmpty, "no Chinese summary for \(missing)")
        // The screen's help and the line REPL's :help describe :export alike, ipynb included.
        let help = HelpView.lines(ScreenStrings.zh, commands: Language.zh.strings, width: 200).joined(separator: "\n")
        #expect(help.contains(Language.zh.strings.summary(ofCommand: "export")!) && help.contains("ipynb"))
    }

    // MARK: Markdown

    @Test func markdownShowsAttributesNotMarkers() {
        let lines = MarkdownView.lines("## Title\n\nSome **bold** and `code`.\n\n- one\n- two\n\n```\nx = 1\n```", width: 40)
        let text = lines.map(\.text)
        #expect(text.contains("Title"))
        #expect(text.contains("Some bold and code."))
        #expect(text.contains("• one") && text.contains("• two"))
        #expect(text.contains("  x = 1"))
        #expect(!text.joined().contains("**") && !text.joined().contains("`") && !text.joined().contains("#"))
        let bold = lines.flatMap(\.segments).first { $0.text == "bold" }
        #expect(bold?.style.bold == true)
        #expect(lines.flatMap(\.segments).first { $0.text == "code" }?.style.tone == .accent)
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

    func session(_ id: String, language: Language = .en, step: Int) throws -> (ReplState, ScreenState) {
        let state = ReplState(digits: 6, float: false, language: language, library: LessonLibrary())
        let lesson = try LessonSession(lesson: state.library.lesson(id, language: language), progress: Progress(), saveProgress: false)
        lesson.go(to: step)
        state.lesson = lesson
        let screen = ScreenState()
        screen.mode = .lesson
        return (state, screen)
    }

    /// A loop shows every pass, each under its index: head₁ under `i = 1`, head₂ under `i = 2`,
    /// and the accumulator Z_sum once per pass, not only its last statement.
    @Test func everyLoopPassIsShownUnderItsIndex() throws {
        for (step, name) in [(1, "head"), (4, "Zₛᵤₘ = Zₛᵤₘ + head")] {
            let (state, _) = try session("multi-head", step: step)
            let lines = FormulaView.lines(try #require(state.lesson), width: 80, strings: ScreenStrings.en)
                .map { $0.segments.map(\.text).joined() }
            let one = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "i = 1" })
            let two = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "i = 2" })
            #expect(one < two)
            #expect(lines[one..<two].contains { $0.contains(name + "₁") })
            #expect(lines[two...].contains { $0.contains(name + "₂") })
        }
    }

    /// The frame scrolled to the top, or to the bottom of the step.
    func frame(lesson id: String, language: Language = .en, step: Int, rows: Int, cols: Int, bottom: Bool = false) throws -> [String] {
        let (state, screen) = try session(id, language: language, step: step)
        let frame = ScreenFrame(state: state, screen: screen, cells: CellCache())
        if bottom, let (layout, doc) = frame.view(rows: rows, cols: cols), let doc {
            screen.place = DocumentView.place(at: DocumentView.maxTop(count: doc.lines.count, height: layout.body.height), in: doc.lines)
        }
        let terminal = MemoryTerminal(rows: rows, cols: cols)
        frame.draw(on: terminal)
        return terminal.lines
    }

    /// The step of a lesson with the longest document at a width (a step longer than the screen).
    func longestStep(_ id: String, cols: Int) throws -> Int {
        let steps = try LessonLibrary().lesson(id).steps.indices
        return try steps.max { a, b in try documentLength(id, a, cols) < documentLength(id, b, cols) } ?? 0
    }

    func documentLength(_ id: String, _ step: Int, _ cols: Int) throws -> Int {
        let (state, screen) = try session(id, step: step)
        return ScreenFrame(state: state, screen: screen, cells: CellCache()).view(rows: 40, cols: cols)?.document?.lines.count ?? 0
    }

    @Test(arguments: [("dot-attention", "en", 0, 24, 80, false), ("dot-attention", "en", 0, 24, 80, true),
                      ("rnn-attention", "en", -1, 40, 120, false), ("rnn-attention", "en", -1, 40, 120, true),
                      ("dot-attention", "zh", 4, 30, 100, false), ("self-attention", "en", 3, 40, 120, true),
                      ("rnn-attention", "en", 2, 16, 50, false)])
    func framesMatchTheGoldenFiles(_ id: String, _ language: String, _ given: Int, _ rows: Int, _ cols: Int, _ bottom: Bool) throws {
        let step = given >= 0 ? given : try longestStep(id, cols: cols)
        let lines = try frame(lesson: id, language: Language(named: language), step: step, rows: rows, cols: cols, bottom: bottom)
        #expect(lines.count == rows)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= cols })
        #expect(!lines.contains { $0.hasSuffix("…") })          // nothing cut at the edge
        if given < 0 || rows == 24 { #expect(lines.joined().contains(bottom ? "more above ↑" : "more below ↓")) }
        let name = "\(id)-\(language)-step\(step + 1)-\(cols)x\(rows)\(bottom ? "-bottom" : "").txt"
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/golden/\(name)")
        let text = lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["ATTN_UPDATE_GOLDEN"] == "1" {
            try text.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(text == expected, "\(name) differs; run with ATTN_UPDATE_GOLDEN=1 and review the diff")
    }

    /// Paging down every step of every built-in lesson at 80×24 shows every word of its prose.
    @Test(arguments: Language.allCases)
    func everyParagraphIsReachableAt80x24(_ language: Language) throws {
        let library = LessonLibrary()
        for lesson in library.lessons(language: language) {
            for step in lesson.steps.indices {
                let (state, screen) = try session(lesson.id, language: language, step: step)
                let frame = ScreenFrame(state: state, screen: screen, cells: CellCache())
                let (layout, doc) = try #require(frame.view(rows: 24, cols: 80))
                let lines = try #require(doc).lines
                var seen = ""
                var top = 0
                while true {
                    screen.place = DocumentView.place(at: top, in: lines)
                    let terminal = MemoryTerminal(rows: 24, cols: 80)
                    frame.draw(on: terminal)
                    seen += terminal.lines.joined(separator: "\n") + "\n"
                    let w = DocumentView.window(count: lines.count, height: layout.body.height, top: top)
                    if !w.below { break }
                    top = w.top + DocumentView.page(height: layout.body.height)
                }
                // Compared without white space: Chinese lines break between any two characters.
                let shown = seen.filter { !$0.isWhitespace }
                let prose = lesson.steps[step].prose + (step == 0 ? "\n\n" + lesson.introduction : "")
                for paragraph in prose.components(separatedBy: "\n\n") {
                    let text = MarkdownView.lines(paragraph, width: 1000).map(\.text).joined(separator: " ")
                    for piece in text.split(whereSeparator: { $0 == " " || "，。；：、".contains($0) }) {
                        #expect(shown.contains(piece.filter { !$0.isWhitespace }), "\(lesson.id) step \(step + 1): \(piece)")
                    }
                }
            }
        }
    }

    @Test func aTooSmallTerminalAsksForRoom() throws {
        let lines = try frame(lesson: "dot-attention", step: 0, rows: 10, cols: 30)
        #expect(lines.joined().contains("Enlarge"))
    }
}

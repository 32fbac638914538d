// What the screen keeps between frames and what it reads of a large tensor: the heat map's
// weights test reads no more rows than it must, cells follow the value and never outlive it,
// and the frame drawn while a statement computes says so.
import Testing
@testable import AttnREPL
import Engine

@Suite("Screen caches")
struct ScreenCacheTests {
    static func matrix(_ rows: Int, _ cols: Int, _ values: [Rational]) -> Tensor {
        Tensor(shape: .matrix(rows, cols), exact: values.map { Scalar($0) })
    }

    static func q(_ n: Int, _ d: Int = 1) -> Rational { Rational(Int64(n), Int64(d)) }

    // MARK: Weights

    @Test func weightsAreRowsOfEntriesInZeroOneSummingToOne() {
        func isWeights(_ t: Tensor) -> Bool { HeatMap.isWeights(t, value: { t.scalar(at: $0).approximateDouble }) }
        #expect(isWeights(Self.matrix(2, 2, [Self.q(1, 4), Self.q(3, 4), Self.q(1, 2), Self.q(1, 2)])))
        #expect(isWeights(Tensor(shape: .vector(3), exact: [Scalar(Self.q(1, 3)), Scalar(Self.q(1, 3)), Scalar(Self.q(1, 3))])))
        // Rows of 0 and 1 sum to 1 but shade nothing; an entry above 1; a row not summing to 1.
        #expect(!isWeights(Self.matrix(2, 2, [Self.q(1), Self.q(0), Self.q(0), Self.q(1)])))
        #expect(!isWeights(Self.matrix(1, 3, [Self.q(3, 2), Self.q(-1, 4), Self.q(-1, 4)])))
        #expect(!isWeights(Self.matrix(2, 2, [Self.q(1, 4), Self.q(3, 4), Self.q(1, 2), Self.q(1, 4)])))
        // A column of ones (row sums) is not weights.
        #expect(!isWeights(Self.matrix(3, 1, [Self.q(1), Self.q(1), Self.q(1)])))
    }

    /// A tensor that fails on its first row is not read further: an entry of an exact attention
    /// output can cost a whole row of exponentials.
    @Test func weightsStopAtTheFirstRowThatFails() {
        let t = Self.matrix(300, 4, (0..<1200).map { Self.q($0 % 5, 7) })
        var read = Set<Int>()
        #expect(!HeatMap.isWeights(t, value: { read.insert($0); return t.scalar(at: $0).approximateDouble }))
        #expect(read == Set(0..<4))
        // A column is never read at all.
        read = []
        let column = Self.matrix(300, 1, Array(repeating: Self.q(1), count: 300))
        #expect(!HeatMap.isWeights(column, value: { read.insert($0); return 1 }))
        #expect(read.isEmpty)
    }

    /// Reading only the first rows says whether those pass: the cheap look that decides whether
    /// the screen says it is computing before a frame.
    @Test func theFirstRowsCanBeReadAlone() {
        let t = Self.matrix(2, 2, [Self.q(1, 4), Self.q(3, 4), Self.q(1, 2), Self.q(1, 4)])
        let value = { (i: Int) in t.scalar(at: i).approximateDouble }
        #expect(HeatMap.isWeights(t, value: value, rows: 1))
        #expect(!HeatMap.isWeights(t, value: value))
    }

    /// A large exact tensor whose first row passes is read whole on its first frame (the screen
    /// says so first); once decided, or when its first row fails, nothing long is left.
    @Test func aLongWeightsCheckIsKnownBeforeItRuns() {
        let weights = Self.matrix(100, 100, Array(repeating: Self.q(1, 100), count: 10_000))
        let source = CellSource(weights, digits: 6)
        #expect(source.weightsCheckIsLong)
        #expect(source.isWeights)
        #expect(!source.weightsCheckIsLong)
        let scores = Self.matrix(100, 100, (0..<10_000).map { Self.q($0 % 13) })
        #expect(!CellSource(scores, digits: 6).weightsCheckIsLong)
        let small = Self.matrix(2, 2, [Self.q(1, 4), Self.q(3, 4), Self.q(1, 2), Self.q(1, 2)])
        #expect(!CellSource(small, digits: 6).weightsCheckIsLong)
    }

    /// A softmax of rational scores kept as its rows' scores is weights by construction: the
    /// screen shades it at once, without making its 40,000 weights to check (it used to take a
    /// third of a second on a step's first frame); the same values made eagerly are weights too.
    @Test func aSoftmaxOfRowsIsWeightsWithoutReadingIt() throws {
        var interpreter = Interpreter()
        let (records, error) = interpreter.run("S = rand(200, 200, 3); A = softmax(S)")
        #expect(error == nil)
        let a = try #require(records.last?.outcome.tensor)
        #expect(a.isSoftmaxOfRows)
        let source = CellSource(a, digits: 6)
        #expect(!source.weightsCheckIsLong)
        #expect(source.isWeights)
        let small = try #require(interpreter.run("softmax([1 2 3; 3 2 1])").records.last?.outcome.tensor)
        #expect(!small.isSoftmaxOfRows)
        #expect(CellSource(small, digits: 6).isWeights)
    }

    /// Entries made one at a time are the tensor's own, whichever is asked for first.
    @Test func aSourceGivesEachEntrysValueAndText() {
        let t = Self.matrix(300, 4, (0..<1200).map { Self.q($0, 1200) })
        let source = CellSource(t, digits: 6)
        #expect(source.double(601) == t.scalar(at: 601).approximateDouble)
        #expect(source.double(7) == t.scalar(at: 7).approximateDouble)
        #expect(source.double(601) == t.scalar(at: 601).approximateDouble)
        #expect(!source.isWeights)
        #expect(source.cell(5, digits: 6).decimal == CellText(Scalar(Self.q(5, 1200)), digits: 6).decimal)
    }

    // MARK: Cell cache

    /// The same name made again by a later step (a loop's accumulator, a recurrence) is another
    /// value: its cells are its own, never the earlier value's.
    @Test func cellsBelongToTheStepThatMadeTheValue() {
        let cache = CellCache()
        let early = TensorEntry(name: "z", value: Self.matrix(1, 2, [Self.q(1), Self.q(2)]), step: 2, hidden: false)
        let late = TensorEntry(name: "z", value: Self.matrix(1, 2, [Self.q(7), Self.q(9)]), step: 4, hidden: false)
        #expect(cache.source(early, digits: 6).cell(1, digits: 6).decimal == "2")
        #expect(cache.source(late, digits: 6).cell(1, digits: 6).decimal == "9")
        #expect(cache.source(early, digits: 6).cell(1, digits: 6).decimal == "2")
        #expect(cache.source(early, digits: 6) === cache.source(early, digits: 6))      // kept between frames
    }

    /// After an input ran, a changed value of the same shape shows its new cells (the screen
    /// invalidates after every input), and a change of digits never reuses the old texts.
    @Test func aChangedInputNeverShowsStaleCells() {
        let cache = CellCache()
        let before = TensorEntry(name: "X", value: Self.matrix(2, 2, [Self.q(1), Self.q(2), Self.q(3), Self.q(4)]), step: -1, hidden: false)
        let after = TensorEntry(name: "X", value: Self.matrix(2, 2, [Self.q(5), Self.q(6), Self.q(7), Self.q(8)]), step: -1, hidden: false)
        let old = cache.source(before, digits: 6)
        #expect(old.cell(3, digits: 6).decimal == "4")
        cache.invalidate()
        #expect(cache.source(after, digits: 6).cell(3, digits: 6).decimal == "8")
        #expect(cache.source(after, digits: 6) !== old)
        let third = TensorEntry(name: "X", value: Self.matrix(1, 1, [Self.q(1, 3)]), step: -1, hidden: false)
        #expect(cache.source(third, digits: 6).digits == 6)
        #expect(cache.source(third, digits: 9).cell(0, digits: 9).decimal == CellText(Scalar(Self.q(1, 3)), digits: 9).decimal)
    }

    // MARK: Busy frame

    /// Drawn over the last frame while a statement computes: the footer says so and names the
    /// one key that works, the input line shows the statement; the step above stays.
    @Test(arguments: [Language.en, .zh])
    func theBusyFrameSaysItComputesAndThatCtrlCStops(_ language: Language) throws {
        let state = ReplState(digits: 6, float: false, language: language, library: LessonLibrary())
        let lesson = try LessonSession(lesson: state.library.lesson("self-attention", language: language), progress: Progress(), saveProgress: false)
        state.lesson = lesson
        let screen = ScreenState()
        screen.mode = .lesson
        let frame = ScreenFrame(state: state, screen: screen, cells: CellCache())
        let terminal = MemoryTerminal(rows: 24, cols: 80)
        frame.draw(on: terminal)
        let before = terminal.lines
        frame.drawBusy(on: terminal, running: "X = rand(300, 4, 7)")
        let strings = ScreenStrings.of(language)
        #expect(terminal.lines[22].contains(strings.computing))
        #expect(terminal.lines[22].contains(strings.footerBusy[0]))
        #expect(terminal.lines[23].contains("X = rand(300, 4, 7)"))
        #expect(Array(terminal.lines[0..<22]) == Array(before[0..<22]))
        #expect(strings.computing != ScreenStrings.of(language == .en ? .zh : .en).computing)
    }
}

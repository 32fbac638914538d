// The full-screen session's loop: read a key (polling every 100 ms so signals and resizes
// are noticed), turn it into an action or give it to the input line, run what was
// submitted, redraw. Every key that types something goes to the input line; the session
// ends on Ctrl-D on an empty line, :quit, SIGTERM or SIGHUP.
import Engine

final class ScreenController {
    private let terminal: CursesTerminal
    private let state: ReplState
    private let screen = ScreenState()
    private let cells = CellCache()
    private let input: InputLine
    private var quit = false
    /// The lesson list's rows; progress is read from disk again only after an input ran.
    private var homeRows: [HomeView.Row]?

    init(terminal: CursesTerminal, state: ReplState, openLesson: Bool) {
        self.terminal = terminal
        self.state = state
        input = InputLine(historyFile: StatePaths.history)
        screen.mode = openLesson && state.lesson != nil ? .lesson : .home
        if let id = state.lesson?.lesson.id, let k = state.lessonList.firstIndex(where: { $0.id == id }) {
            screen.homeSelection = k
        }
    }

    private var strings: ScreenStrings { ScreenStrings.of(state.language) }

    /// Runs until the learner leaves; the terminal is restored on return.
    func run() {
        InteractiveSignals.install()
        defer {
            input.close()
            terminal.end()
        }
        draw()
        while !quit {
            if InteractiveSignals.terminationRequested { break }
            let interrupts = InteractiveSignals.takeInterrupts()
            if interrupts > 0 { interrupted() }
            guard let key = terminal.readKey() else {
                if interrupts > 0 { draw() }
                continue
            }
            #if DEBUG
            CrashGuard.crashIfRequested()
            #endif
            handle(key)
            while !quit, let more = terminal.readPendingKey() { handle(more) }
            if !quit { draw() }
        }
    }

    // MARK: Keys

    private func handle(_ key: Key) {
        if key == .resize {
            terminal.updateSize()
            return
        }
        if screen.pager != nil {
            handlePager(key)
            return
        }
        if !Layout.fits(rows: terminal.rows, cols: terminal.cols) {
            if key == .control(4) { quit = true }
            return
        }
        let home = screen.mode == .home || state.lesson == nil
        let context = KeyMap.Context(home: home, inputEmpty: input.isEmpty, cellMode: screen.cellMode)
        switch KeyMap.action(for: key, in: context) {
        case .help: openHelp()
        case let .scrollLines(n): home ? choose(n > 0 ? 1 : -1) : scroll(by: n)
        case let .scrollPages(n): home ? choose(n * 5) : scroll(by: n * DocumentView.page(height: bodyHeight))
        case .nextStep: move { $0.next() }
        case .previousStep: move { $0.previous() }
        case .firstStep: move { $0.go(to: 0) }
        case .lastStep: move { $0.go(to: $0.stepCount - 1) }
        case .nextTensor: selectTensor(by: 1)
        case .previousTensor: selectTensor(by: -1)
        case .cellUp, .cellDown, .cellLeft, .cellRight: moveCell(KeyMap.action(for: key, in: context))
        case .leaveSelection:
            screen.cellMode = false
            screen.selectedTensor = nil
        case .chooseUp: choose(-1)
        case .chooseDown: choose(1)
        case .open: openSelectedLesson()
        case .edit: edit(key)
        }
    }

    private func handlePager(_ key: Key) {
        guard let pager = screen.pager else { return }
        let page = PagerView.pageHeight(rows: terminal.rows)
        let moved: Int? = switch key {
        case .up, .shiftUp: pager.top - 1
        case .down, .shiftDown: pager.top + 1
        case .wheelUp: pager.top - 3
        case .wheelDown: pager.top + 3
        case .pageUp: pager.top - page
        case .pageDown: pager.top + page
        case .home: 0
        case .end: pager.lines.count
        default: nil
        }
        if let moved {
            screen.pager?.top = PagerView.clamp(moved, lines: pager.lines.count, rows: terminal.rows)
            return
        }
        screen.pager = nil
        // A key that types something is not lost: it starts the input.
        switch key {
        case .character, .meta: handle(key)
        default: break
        }
    }

    /// A key for the input line (readline).
    private func edit(_ key: Key) {
        if key == .escape {
            if !input.isEmpty { input.cancel() } else {
                screen.output = []
                screen.errors = []
                screen.message = nil
            }
            return
        }
        if key == .tab {                    // only completion reads them
            Readline.candidates = state.completionCandidates
            Readline.argumentCandidates = state.argumentCompletions
        }
        input.feed(key)
        if !input.completionMatches.isEmpty {
            screen.output = [input.completionMatches.joined(separator: "  ")]
            screen.errors = []
            screen.message = nil
        }
        for text in input.takeSubmitted() where !quit { submit(text) }
    }

    private func choose(_ delta: Int) {
        let count = state.lessonList.count
        screen.homeSelection = min(max(0, count - 1), max(0, screen.homeSelection + delta))
    }

    private func move(_ change: (LessonSession) -> Void) {
        guard let lesson = state.lesson else { return }
        change(lesson)
        screen.resetForStep()
    }

    // MARK: Scrolling and selection

    private var bodyHeight: Int {
        frame().view(rows: terminal.rows, cols: terminal.cols)?.layout.body.height ?? 1
    }

    private func scroll(by n: Int) {
        guard let (layout, doc) = frame().view(rows: terminal.rows, cols: terminal.cols), let doc else { return }
        let height = layout.body.height
        let top = DocumentView.window(count: doc.lines.count, height: height, top: DocumentView.line(of: screen.place, in: doc.lines)).top
        let next = min(max(0, top + n), DocumentView.maxTop(count: doc.lines.count, height: height))
        screen.place = DocumentView.place(at: next, in: doc.lines)
    }

    /// Scrolls so that the selected tensor and its cell's value are on screen.
    private func revealSelection() {
        guard let (layout, doc) = frame().view(rows: terminal.rows, cols: terminal.cols), let doc,
              let s = screen.selectedTensor, let range = doc.tensorLines[s] else { return }
        let height = layout.body.height
        let w = DocumentView.window(count: doc.lines.count, height: height, top: DocumentView.line(of: screen.place, in: doc.lines))
        var top = w.top
        if range.lowerBound < w.top || range.count > height - 2 {
            top = range.lowerBound
        } else if range.upperBound > w.top + w.rows {
            top = range.upperBound - (height - 2)
        }
        screen.place = DocumentView.place(at: min(max(0, top), DocumentView.maxTop(count: doc.lines.count, height: height)), in: doc.lines)
    }

    private func selectTensor(by delta: Int) {
        guard let lesson = state.lesson else { return }
        let f = frame()
        let items = f.tensorItems(lesson)
        guard !items.isEmpty else { return }
        if screen.cellMode, let current = f.selectedTensor(items, lesson) {
            screen.selectedTensor = (current + delta + items.count) % items.count
        } else {
            screen.selectedTensor = f.selectedTensor(items, lesson)    // the step's newest first
        }
        screen.cellMode = true
        screen.cellRow = 0
        screen.cellCol = 0
        revealSelection()
    }

    private func moveCell(_ action: ScreenAction) {
        guard let lesson = state.lesson else { return }
        let f = frame()
        let items = f.tensorItems(lesson)
        guard let s = f.selectedTensor(items, lesson) else { return }
        let shape = items[s].entry.value.shape
        switch action {
        case .cellUp: screen.cellRow = max(0, screen.cellRow - 1)
        case .cellDown: screen.cellRow = min(max(0, shape.rows - 1), screen.cellRow + 1)
        case .cellLeft: screen.cellCol = max(0, screen.cellCol - 1)
        default: screen.cellCol = min(max(0, shape.cols - 1), screen.cellCol + 1)
        }
        screen.selectedTensor = s
        revealSelection()
    }

    private func openHelp() {
        screen.pager = .init(lines: HelpView.lines(strings, commands: state.language.strings, width: terminal.cols), top: 0, error: false, help: true)
    }

    private func openSelectedLesson() {
        let lessons = state.lessonList
        guard screen.homeSelection < lessons.count else { return }
        submit(":lesson \(lessons[screen.homeSelection].id)")
    }

    // MARK: Running input

    private func submit(_ typed: String) {
        if typed.trimmingSpaces == ":help" {
            openHelp()
            return
        }
        // A bare `:why` asks about the selected cell. A `:why` changes nothing, so the cell
        // stays selected for the next one; anything else run (not an empty Enter) ends the
        // selection, as Esc does.
        var text = typed
        let asksAboutCell = isBareWhy(typed) && screen.mode == .lesson && state.lesson != nil
        if asksAboutCell {
            guard let command = whyCommandForSelectedCell() else {
                screen.output = []
                screen.errors = []
                screen.message = (strings.whyNoCell(whyExample()), .accent)
                return
            }
            text = command
        } else if !isWhy(typed) && !typed.trimmingSpaces.isEmpty {
            screen.cellMode = false
        }
        if !typed.trimmingSpaces.isEmpty { showBusy(running: typed) }
        let response = Responder(state: state, printsLessonSteps: false, wording: .screen(state.strings, columns: terminal.cols)).respond(to: text)
        _ = InteractiveSignals.takeInterrupts()        // the Ctrl-C that stopped it is spent:
        Interrupt.clear()                               // the next frame is drawn in full
        cells.invalidate()
        homeRows = nil
        screen.output = response.lines
        screen.errors = response.errors
        screen.message = nil
        if response.quit { quit = true }
        if response.lessonChanged, state.lesson != nil {
            let opened = screen.mode != .lesson || text.trimmingSpaces.hasPrefix(":lesson")
            if opened { screen.resetForStep() }
            screen.mode = .lesson
            if let status = response.status, response.errors.isEmpty, response.lines.count <= 1, !opened {
                screen.output = []
                screen.message = (status, status.hasPrefix("✓") ? .success : .accent)
            }
        }
        if state.lesson == nil { screen.mode = .home }
        let shown = frame().outputLines(width: terminal.cols).count
        if shown > Layout.outputCapacity(rows: terminal.rows) {
            screen.pager = .init(lines: PagerView.wrap(screen.output + screen.errors, width: terminal.cols), top: 0,
                                 error: !screen.errors.isEmpty, help: false)
        } else if screen.cellMode {
            revealSelection()           // the output pane took rows from the document
        }
    }

    private func isBareWhy(_ text: String) -> Bool { text.trimmingSpaces == ":why" }

    private func isWhy(_ text: String) -> Bool {
        text.trimmingSpaces.split(separator: " ", maxSplits: 1).first == ":why"
    }

    /// `:why NAME[i, j]` for the cell under the cursor, when a tensor is selected.
    private func whyCommandForSelectedCell() -> String? {
        guard screen.cellMode, let lesson = state.lesson else { return nil }
        let f = frame()
        let items = f.tensorItems(lesson)
        guard let s = f.selectedTensor(items, lesson) else { return nil }
        let entry = items[s].entry
        return ":why " + entry.name + TensorPane.position(entry.value.shape, cursor: (screen.cellRow, screen.cellCol)).text
    }

    /// A `:why` the learner could type about the step's newest tensor they may look at.
    private func whyExample() -> String {
        guard let lesson = state.lesson else { return ":why A[2, 3]" }
        let entries = frame().tensorItems(lesson).map(\.entry).filter { !$0.hidden }
        guard let entry = entries.last(where: { $0.step == lesson.step }) ?? entries.last else { return ":why A[2, 3]" }
        return ":why " + entry.name + TensorPane.position(entry.value.shape, cursor: (0, 0)).text
    }

    private func interrupted() {
        Interrupt.clear()
        if !input.isEmpty {
            input.cancel()
            screen.message = (strings.cancelled, .muted)
        } else if screen.cellMode {
            screen.cellMode = false
            screen.selectedTensor = nil
        } else {
            screen.message = (strings.howToQuit, .muted)
        }
    }

    // MARK: Drawing

    private func frame() -> ScreenFrame {
        var f = ScreenFrame(state: state, screen: screen, cells: cells)
        f.input = input.display
        if screen.mode == .home {
            if homeRows == nil { homeRows = HomeView.rows(state.lessonList, progress: Progress.load()) }
            f.homeRows = homeRows ?? []
        }
        return f
    }

    /// Before work that may take long: says so on the frame already shown.
    private func showBusy(running text: String) {
        frame().drawBusy(on: terminal, running: text)
        terminal.hideCursor()
        terminal.refresh()
    }

    private func draw() {
        let f = frame()
        if f.drawingIsLong { showBusy(running: input.display.text) }
        if let cursor = f.draw(on: terminal) {
            terminal.refresh()
            terminal.showCursor(row: cursor.row, col: cursor.col)
        } else {
            terminal.hideCursor()
        }
        terminal.refresh()
    }
}

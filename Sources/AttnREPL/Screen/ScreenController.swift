// The full-screen session's loop: read a key (polling every 100 ms so signals and resizes
// are noticed), turn it into an action or feed it to the input line, run what was
// submitted, redraw. Ends cleanly on q, :quit, Ctrl-D, SIGTERM, SIGHUP or a second Ctrl-C.
import Engine

final class ScreenController {
    private let terminal: CursesTerminal
    private let state: ReplState
    private let screen = ScreenState()
    private let cells = CellCache()
    private let input: InputLine
    private var inputFocused = false
    private var quit = false
    /// Opened with `attn-repl lesson ID`: q leaves the program rather than going home.
    private let startedInLesson: Bool

    init(terminal: CursesTerminal, state: ReplState, openLesson: Bool) {
        self.terminal = terminal
        self.state = state
        self.startedInLesson = openLesson
        input = InputLine(historyFile: StatePaths.history)
        screen.mode = openLesson && state.lesson != nil ? .lesson : .home
        if let id = state.lesson?.lesson.id, let k = state.lessonList.firstIndex(where: { $0.id == id }) {
            screen.homeSelection = k
        }
    }

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
        if screen.showingHelp {
            screen.showingHelp = false
            return
        }
        if let pager = screen.pager {
            let page = PagerView.pageHeight(rows: terminal.rows)
            let moved: Int? = switch key {
            case .up: pager.top - 1
            case .down: pager.top + 1
            case .pageUp: pager.top - page
            case .pageDown, .character(" "): pager.top + page
            case .home: 0
            case .end: pager.lines.count
            default: nil
            }
            if let moved {
                screen.pager?.top = PagerView.clamp(moved, lines: pager.lines.count, rows: terminal.rows)
            } else {
                screen.pager = nil
            }
            return
        }
        if !Layout.fits(rows: terminal.rows, cols: terminal.cols) {
            if key == .character("q") { quit = true }
            return
        }
        if inputFocused {
            handleInput(key)
            return
        }
        if screen.mode == .home {
            handleHome(key)
            return
        }
        perform(KeyMap.action(for: key))
    }

    private func handleInput(_ key: Key) {
        switch key {
        case .escape:
            input.cancel()
            inputFocused = false
        case .control(4) where input.isEmpty:           // Ctrl-D on an empty line leaves the input
            inputFocused = false
        default:
            if key == .tab {                    // only completion reads them
                Readline.candidates = state.completionCandidates
                Readline.argumentCandidates = state.argumentCompletions
            }
            input.feed(key)
            if !input.completionMatches.isEmpty {
                screen.output = [input.completionMatches.joined(separator: "  ")]
                screen.errors = []
            }
            let submitted = input.takeSubmitted()
            for text in submitted { submit(text) }
            if !submitted.isEmpty { inputFocused = false }
        }
    }

    private func handleHome(_ key: Key) {
        let count = state.lessonList.count
        switch key {
        case .up: screen.homeSelection = max(0, screen.homeSelection - 1)
        case .down: screen.homeSelection = min(max(0, count - 1), screen.homeSelection + 1)
        case .home: screen.homeSelection = 0
        case .end: screen.homeSelection = max(0, count - 1)
        case .enter, .right: openSelectedLesson()
        case .character("?"): screen.showingHelp = true
        case .character("q"): quit = true
        default:
            if case let .focusInput(initial) = KeyMap.action(for: key) { focusInput(initial) }
        }
    }

    private func perform(_ action: ScreenAction) {
        guard let lesson = state.lesson else { return }
        switch action {
        case .nextStep: move { lesson.next() }
        case .previousStep: move { lesson.previous() }
        case .firstStep: move { lesson.go(to: 0) }
        case .lastStep: move { lesson.go(to: lesson.stepCount - 1) }
        case .help: screen.showingHelp = true
        case .quit:
            if startedInLesson { quit = true } else { screen.mode = .home; screen.resetForStep() }
        case .nextTensor, .previousTensor:
            let items = frame().tensorItems(lesson)
            guard !items.isEmpty else { return }
            let current = frame().selectedTensor(items, lesson) ?? 0
            screen.selectedTensor = (current + (action == .nextTensor ? 1 : items.count - 1)) % items.count
            screen.cellRow = 0
            screen.cellCol = 0
        case .cellUp, .cellDown, .cellLeft, .cellRight: moveCell(action, lesson)
        case .scrollUp: screen.tensorScroll -= 1
        case .scrollDown: screen.tensorScroll += 1
        case let .focusInput(initial): focusInput(initial)
        case .open: focusInput("")
        case .none: break
        }
    }

    private func move(_ change: () -> Void) {
        change()
        screen.resetForStep()
    }

    private func moveCell(_ action: ScreenAction, _ lesson: LessonSession) {
        let items = frame().tensorItems(lesson)
        guard let s = frame().selectedTensor(items, lesson) else { return }
        let shape = items[s].entry.value.shape
        switch action {
        case .cellUp: screen.cellRow = max(0, screen.cellRow - 1)
        case .cellDown: screen.cellRow = min(shape.rows - 1, screen.cellRow + 1)
        case .cellLeft: screen.cellCol = max(0, screen.cellCol - 1)
        default: screen.cellCol = min(shape.cols - 1, screen.cellCol + 1)
        }
        screen.selectedTensor = s
    }

    private func focusInput(_ initial: String) {
        inputFocused = true
        screen.message = nil
        if !initial.isEmpty { input.type(initial) }
    }

    private func openSelectedLesson() {
        let lessons = state.lessonList
        guard screen.homeSelection < lessons.count else { return }
        submit(":lesson \(lessons[screen.homeSelection].id)")
    }

    // MARK: Running input

    private func submit(_ text: String) {
        Interrupt.clear()
        let response = Responder(state: state, printsLessonSteps: false).respond(to: text)
        cells.invalidate()
        screen.output = response.lines
        screen.errors = response.errors
        screen.message = nil
        if response.quit { quit = true }
        if response.lessonChanged, state.lesson != nil {
            if screen.mode != .lesson || text.trimmingSpaces.hasPrefix(":lesson") { screen.resetForStep() }
            screen.mode = .lesson
            if let status = response.status, response.errors.isEmpty {
                screen.output = []
                screen.message = (status, .success)
            }
        }
        if state.lesson == nil { screen.mode = .home }
        let all = screen.output + screen.errors
        if all.count > Layout.outputCapacity(rows: terminal.rows, home: screen.mode == .home) {
            screen.pager = (all, 0, !screen.errors.isEmpty)
        }
    }

    private func interrupted() {
        Interrupt.clear()
        if inputFocused || !input.isEmpty {
            input.cancel()
            inputFocused = false
            screen.message = ("cancelled", .muted)
        } else {
            screen.message = (state.language == .zh ? "按 q 退出" : "press q to quit", .muted)
        }
    }

    // MARK: Drawing

    private func frame() -> ScreenFrame {
        var f = ScreenFrame(state: state, screen: screen, cells: cells)
        f.input = input.display
        f.inputFocused = inputFocused
        f.homeRows = HomeView.rows(state.lessonList, progress: Progress.load())
        return f
    }

    private func draw() {
        if let cursor = frame().draw(on: terminal) {
            terminal.refresh()
            terminal.showCursor(row: cursor.row, col: cursor.col)
        } else {
            terminal.hideCursor()
        }
        terminal.refresh()
    }
}

// The only file that calls ncurses: a TerminalSurface on a real terminal, key input,
// colours (or attributes on monochrome terminals and under NO_COLOR), and restoring
// the terminal on exit, signals and crashes.
import CNcurses
import Engine
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

final class CursesTerminal: TerminalSurface {
    private let screen: OpaquePointer
    let hasColor: Bool
    private(set) var rows: Int
    private(set) var cols: Int
    private var ended = false

    /// nil when standard input or output is not a terminal, TERM is unusable, or ncurses refuses.
    init?() {
        guard TerminalKind.current == .capable else { return nil }
        CrashGuard.saveTerminalModes()
        // newterm returns NULL for an unknown TERM instead of exiting the process (initscr would).
        guard let s = newterm(nil, stdout, stdin) else { return nil }
        screen = s
        set_term(s)
        cbreak()
        noecho()
        nonl()
        keypad(attn_stdscr(), true)
        CursesTerminal.defineExtendedKeys()
        attn_enable_wheel()
        set_escdelay(25)
        wtimeout(attn_stdscr(), 100)
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        hasColor = !noColor && has_colors() && start_color() == OK
        if hasColor { CursesTerminal.definePairs() }
        rows = Int(getmaxy(attn_stdscr()))
        cols = Int(getmaxx(attn_stdscr()))
        CursesTerminal.active = self
        CrashGuard.install()
    }

    /// Codes for keys terminfo often lacks (xterm's modified arrows), given to ncurses so that
    /// they arrive as one key instead of Escape and characters that would be typed.
    private static let extendedKeys: [(code: Int32, key: Key, sequences: [String])] = [
        (0x1001, .controlRight, ["\u{1b}[1;5C", "\u{1b}[5C", "\u{1b}Oc"]),
        (0x1002, .controlLeft, ["\u{1b}[1;5D", "\u{1b}[5D", "\u{1b}Od"]),
        (0x1003, .shiftUp, ["\u{1b}[1;2A", "\u{1b}[a"]),
        (0x1004, .shiftDown, ["\u{1b}[1;2B", "\u{1b}[b"]),
        (0x1005, .controlRight, ["\u{1b}[1;3C"]),       // Alt-→, as some terminals send Ctrl-→
        (0x1006, .controlLeft, ["\u{1b}[1;3D"]),
        (0x1007, .help, ["\u{1b}OP", "\u{1b}[11~", "\u{1b}[[A"]),
    ]

    private static func defineExtendedKeys() {
        for entry in extendedKeys {
            for sequence in entry.sequences { define_key(sequence, entry.code) }
        }
    }

    /// The terminal for the crash and signal handlers to restore.
    nonisolated(unsafe) static weak var active: CursesTerminal?

    deinit { end() }

    /// Leaves curses mode; safe to call more than once.
    func end() {
        guard !ended else { return }
        ended = true
        endwin()
        delscreen(screen)
    }

    private static func definePairs() {
        use_default_colors()
        let rich = COLORS >= 256
        func pair(_ tone: Style.Tone, _ fg: Int32, _ bg: Int32) { init_pair(Int16(tone.rawValue + 1), Int16(fg), Int16(bg)) }
        pair(.normal, -1, -1)
        pair(.title, Int32(COLOR_WHITE), Int32(COLOR_BLUE))
        pair(.accent, Int32(COLOR_CYAN), -1)
        pair(.current, Int32(COLOR_YELLOW), -1)
        pair(.muted, rich ? 244 : Int32(COLOR_WHITE), -1)
        pair(.error, Int32(COLOR_RED), -1)
        pair(.success, Int32(COLOR_GREEN), -1)
        pair(.selection, Int32(COLOR_BLACK), Int32(COLOR_CYAN))
        // Heat map: dark to bright backgrounds.
        let white = Int32(COLOR_WHITE), black = Int32(COLOR_BLACK)
        let basic: [(Int32, Int32)] = [(white, -1), (white, Int32(COLOR_BLUE)), (black, Int32(COLOR_CYAN)),
                                       (black, Int32(COLOR_YELLOW)), (white, Int32(COLOR_RED))]
        let extended: [(Int32, Int32)] = [(252, 235), (255, 24), (255, 31), (16, 214), (16, 196)]
        let heat = rich ? extended : basic
        for (i, tone) in [Style.Tone.heat0, .heat1, .heat2, .heat3, .heat4].enumerated() { pair(tone, heat[i].0, heat[i].1) }
        pair(.masked, rich ? 240 : Int32(COLOR_WHITE), -1)
    }

    private func attributes(_ style: Style) -> attr_t {
        var a: attr_t = 0
        if style.bold { a |= attn_a_bold() }
        if style.reverse { a |= attn_a_reverse() }
        if style.underline { a |= attn_a_underline() }
        if hasColor {
            a |= attr_t(attn_color_pair(Int32(style.tone.rawValue + 1)))
            if style.tone == .muted || style.tone == .masked { a |= attn_a_dim() }
        } else {
            // Monochrome: tones become attributes.
            switch style.tone {
            case .title, .selection: a |= attn_a_reverse()
            case .current, .error, .heat4: a |= attn_a_bold()
            case .muted, .masked, .heat0: a |= attn_a_dim()
            case .accent: a |= attn_a_underline()
            default: break
            }
        }
        return a
    }

    func clear() { werase(attn_stdscr()) }

    func put(_ text: String, row: Int, col: Int, style: Style) {
        guard row >= 0, row < rows, col >= 0, col < cols else { return }
        let visible = Clip.text(Sanitize.text(text), width: cols - col)
        // The last cell of the screen cannot be written without scrolling: leave it.
        let safe = row == rows - 1 && col + DisplayWidth.of(visible) >= cols ? Clip.prefix(visible, width: cols - col - 1) : visible
        wattrset(attn_stdscr(), Int32(bitPattern: attributes(style)))
        mvwaddstr(attn_stdscr(), Int32(row), Int32(col), safe)
        wattrset(attn_stdscr(), 0)
    }

    func showCursor(row: Int, col: Int) {
        curs_set(1)
        wmove(attn_stdscr(), Int32(row), Int32(min(col, cols - 1)))
    }

    func hideCursor() { curs_set(0) }
    func refresh() { wrefresh(attn_stdscr()) }

    /// Re-reads the size after a resize.
    func updateSize() {
        rows = Int(getmaxy(attn_stdscr()))
        cols = Int(getmaxx(attn_stdscr()))
    }

    /// A key already typed, or nil at once: lets a burst of keys (a paste, fast typing)
    /// be handled before the next redraw.
    func readPendingKey() -> Key? {
        wtimeout(attn_stdscr(), 0)
        defer { wtimeout(attn_stdscr(), 100) }
        return readKey()
    }

    /// The next key, or nil after the 100 ms poll (so signals and flags are noticed).
    func readKey() -> Key? {
        var ch: wint_t = 0
        let r = wget_wch(attn_stdscr(), &ch)
        if r == ERR { return nil }
        if r == KEY_CODE_YES {
            switch Int32(ch) {
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_BTAB: return .backTab
            case KEY_ENTER: return .enter
            case KEY_BACKSPACE: return .backspace
            case KEY_DC: return .delete
            case KEY_RESIZE: return .resize
            case KEY_SR: return .shiftUp
            case KEY_SF: return .shiftDown
            case attn_key_f1(): return .help
            case attn_key_mouse():
                switch attn_wheel_direction() {
                case -1: return .wheelUp
                case 1: return .wheelDown
                default: return .other(Int32(ch))
                }
            default:
                if let entry = CursesTerminal.extendedKeys.first(where: { $0.code == Int32(ch) }) { return entry.key }
                return .other(Int32(ch))
            }
        }
        switch ch {
        case 9: return .tab
        case 10, 13: return .enter
        case 27:
            // Escape alone, or Alt+key: look for a key that arrived with it.
            wtimeout(attn_stdscr(), 0)
            defer { wtimeout(attn_stdscr(), 100) }
            var next: wint_t = 0
            let got = wget_wch(attn_stdscr(), &next)
            if got == OK, next >= 32, let s = Unicode.Scalar(UInt32(next)) {
                return .meta(Character(s))
            }
            // Not Alt+key (Escape, then another key or an escape sequence): keep what came next.
            if got == OK { unget_wch(wchar_t(next)) } else if got == KEY_CODE_YES { ungetch(Int32(next)) }
            return .escape
        case 127, 8: return .backspace
        default:
            guard let scalar = Unicode.Scalar(UInt32(ch)) else { return .other(Int32(ch)) }
            return ch < 32 ? .control(UInt8(ch)) : .character(Character(scalar))
        }
    }
}


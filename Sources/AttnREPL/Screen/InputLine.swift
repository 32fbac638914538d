// The only file that calls GNU readline: an input line driven through readline's callback
// interface inside ncurses. The screen hands it keys; it feeds them to readline as the bytes
// a terminal would send, and reads back the line, the cursor and the prompt to draw them.
// History is kept in a file across sessions; Tab completes names, built-ins and commands.
import CNcurses
import Engine
import Foundation

final class InputLine {
    static let prompt = "› "
    static let continuationPrompt = "… "

    /// Complete inputs (statements or commands) waiting for the screen to run them.
    private(set) var submitted: [String] = []
    /// Set when the last Tab offered several completions.
    var completionMatches: [String] = []
    private var pending = ""
    private let historyFile: URL?

    /// Only one readline exists per process; the callbacks reach the live input line here.
    nonisolated(unsafe) private static weak var live: InputLine?
    nonisolated(unsafe) private static var queue: [UInt8] = []
    nonisolated(unsafe) static var candidates: [String] = []
    nonisolated(unsafe) private static var generated: [String] = []
    nonisolated(unsafe) private static var wordBreaks = strdup(" \t\n()[],;=+-*/^@<>|&")

    init(historyFile: URL?) {
        self.historyFile = historyFile
        InputLine.live = self
        rl_catch_signals = 0
        rl_catch_sigwinch = 0
        rl_change_environment = 0
        rl_prep_term_function = { _ in }
        rl_deprep_term_function = { }
        rl_outstream = fopen("/dev/null", "w")
        rl_getc_function = { _ in
            guard !InputLine.queue.isEmpty else { return EOF }
            return Int32(InputLine.queue.removeFirst())
        }
        rl_input_available_hook = { InputLine.queue.isEmpty ? 0 : 1 }
        rl_redisplay_function = { }
        rl_completer_word_break_characters = UnsafePointer(InputLine.wordBreaks)
        rl_attempted_completion_function = { text, _, _ in
            rl_attempted_completion_over = 1
            rl_completion_append_character = 0      // `softmax` is followed by `(`, not a space
            let prefix = text.map { String(cString: $0) } ?? ""
            InputLine.generated = InputLine.candidates.filter { $0.hasPrefix(prefix) }
            return rl_completion_matches(text) { _, state in
                guard Int(state) < InputLine.generated.count else { return nil }
                return strdup(InputLine.generated[Int(state)])
            }
        }
        rl_completion_display_matches_hook = { matches, count, _ in
            guard let matches, count > 0 else { return }
            InputLine.live?.completionMatches = (1...Int(count)).compactMap { matches[$0].map { String(cString: $0) } }
        }
        using_history()
        stifle_history(2000)
        if let historyFile {
            try? FileManager.default.createDirectory(at: historyFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: historyFile.path) {
                FileManager.default.createFile(atPath: historyFile.path, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            read_history(historyFile.path)
        }
        install()
    }

    deinit { close() }

    private var installed = false

    private func install() {
        rl_callback_handler_install(pending.isEmpty ? InputLine.prompt : InputLine.continuationPrompt) { line in
            InputLine.live?.received(line)
        }
        installed = true
    }

    /// Leaves readline and saves the history.
    func close() {
        guard installed else { return }
        installed = false
        rl_callback_handler_remove()
        if let historyFile { history_truncate_file(historyFile.path, 2000) }
    }

    private func received(_ line: UnsafeMutablePointer<CChar>?) {
        guard let line else {            // Ctrl-D on an empty line
            submitted.append(":quit")
            return
        }
        let text = String(cString: line)
        free(line)
        pending += pending.isEmpty ? text : "\n" + text
        if !pending.hasPrefix(":"), case .incomplete = Parser.parse(pending) {
            install()                     // brackets still open: keep reading with the continuation prompt
            return
        }
        let complete = pending
        pending = ""
        if !complete.trimmingSpaces.isEmpty {
            add_history(complete)
            if let historyFile { append_history(1, historyFile.path) }
            submitted.append(complete)
        }
        install()
    }

    /// Feeds one key to readline.
    func feed(_ key: Key) {
        completionMatches = []
        InputLine.queue += InputLine.bytes(for: key)
        while !InputLine.queue.isEmpty { rl_callback_read_char() }
    }

    /// Puts text on the line as if typed.
    func type(_ text: String) {
        InputLine.queue += Array(text.utf8)
        while !InputLine.queue.isEmpty { rl_callback_read_char() }
    }

    /// Drops the line being edited (and any open continuation).
    func cancel() {
        rl_replace_line("", 0)
        rl_point = 0
        if !pending.isEmpty {
            pending = ""
            install()
        }
    }

    func takeSubmitted() -> [String] {
        defer { submitted = [] }
        return submitted
    }

    var isEmpty: Bool { rl_end == 0 && pending.isEmpty }

    /// The prompt, the text and the cursor's character offset in it, for drawing.
    var display: (prompt: String, text: String, cursor: Int) {
        let prompt = rl_display_prompt.map { String(cString: $0) } ?? InputLine.prompt
        guard let buffer = rl_line_buffer else { return (prompt, "", 0) }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: Int(rl_end))
        let text = String(decoding: bytes, as: UTF8.self)
        let before = String(decoding: bytes.prefix(Int(max(0, min(rl_point, rl_end)))), as: UTF8.self)
        return (prompt, text, before.count)
    }

    /// The bytes a terminal sends for a key, as readline's default key bindings expect them.
    static func bytes(for key: Key) -> [UInt8] {
        switch key {
        case let .character(c): return Array(String(c).utf8)
        case let .meta(c): return [27] + Array(String(c).utf8)
        case .left: return Array("\u{1b}[D".utf8)
        case .right: return Array("\u{1b}[C".utf8)
        case .up: return Array("\u{1b}[A".utf8)
        case .down: return Array("\u{1b}[B".utf8)
        case .home: return Array("\u{1b}[H".utf8)
        case .end: return Array("\u{1b}[F".utf8)
        case .delete: return Array("\u{1b}[3~".utf8)
        case .backspace: return [127]
        case .tab: return [9]
        case .enter: return [13]
        case let .control(c): return [c]
        case .escape, .backTab, .pageUp, .pageDown, .resize, .other: return []
        }
    }
}

/// Drawing the input line: prompt and text with the cursor kept in view by scrolling sideways.
enum InputLineView {
    /// Returns the cursor's screen column.
    static func draw(_ t: TerminalSurface, _ r: Rect, prompt: String, text: String, cursor: Int, focused: Bool, placeholder: String) -> Int {
        t.put(String(repeating: " ", count: r.width), row: r.top, col: 0, style: .plain)
        let promptWidth = DisplayWidth.of(prompt)
        t.put(prompt, row: r.top, col: 0, style: .tone(focused ? .accent : .muted, bold: true))
        if text.isEmpty && !focused {
            t.put(Clip.text(placeholder, width: r.width - promptWidth), row: r.top, col: promptWidth, style: .tone(.muted))
            return promptWidth
        }
        let available = max(4, r.width - promptWidth - 1)
        let chars = Array(text)
        let cursorWidth = DisplayWidth.of(String(chars.prefix(cursor)))
        // Scroll so the cursor stays visible, by whole characters.
        var start = 0, skipped = 0
        while cursorWidth - skipped >= available && start < chars.count {
            skipped += DisplayWidth.of(String(chars[start]))
            start += 1
        }
        let visible = Clip.text(String(chars[start...]), width: available)
        t.put(visible, row: r.top, col: promptWidth, style: .plain)
        return promptWidth + cursorWidth - skipped
    }
}

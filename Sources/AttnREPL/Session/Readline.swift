// The only file that calls GNU readline. Two front ends share one history file and one
// name completion: InputLine, which the ncurses screen drives key by key through readline's
// callback interface (readline never touches the terminal there), and TerminalLineReader,
// readline on the terminal itself for the line REPL (`attn-repl --plain`).
import CNcurses
import Engine
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// What both front ends share: completion of names and commands, the history file, the locale.
enum Readline {
    /// The words Tab completes; the owner refreshes them before input is read.
    nonisolated(unsafe) static var candidates: [String] = []
    /// What Tab offers after `:command ` (lesson ids after `:lesson`), by command name.
    nonisolated(unsafe) static var argumentCandidates: [String: [String]] = [:]
    nonisolated(unsafe) private static var generated: [String] = []
    nonisolated(unsafe) private static var wordBreaks = strdup(" \t\n()[],;=+-*/^@<>|&")
    nonisolated(unsafe) private static var programName = strdup("attn-repl")
    static let historyLimit: Int32 = 2000

    /// Settings for both front ends: no signal handlers or environment changes of readline's
    /// own (the program handles Ctrl-C and resizes), completion from `candidates`.
    static func configure() {
        rl_readline_name = UnsafePointer(programName)     // `$if attn-repl` in ~/.inputrc
        rl_catch_signals = 0
        rl_catch_sigwinch = 0
        rl_change_environment = 0
        rl_completer_word_break_characters = UnsafePointer(wordBreaks)
        // After `:lesson ` the word is a whole lesson id: `dot-attention` must not break at `-`.
        rl_completion_word_break_hook = {
            Readline.commandArgument() != nil ? UnsafeMutablePointer(mutating: UnsafePointer(Readline.spaceOnly)) : nil
        }
        rl_attempted_completion_function = { text, _, _ in
            rl_attempted_completion_over = 1
            rl_completion_append_character = 0      // `softmax` is followed by `(`, not a space
            let prefix = text.map { String(cString: $0) } ?? ""
            let pool = Readline.commandArgument().map { Readline.argumentCandidates[$0] ?? [] } ?? Readline.candidates
            Readline.generated = pool.filter { $0.hasPrefix(prefix) }
            return rl_completion_matches(text) { _, state in
                guard Int(state) < Readline.generated.count else { return nil }
                return strdup(Readline.generated[Int(state)])
            }
        }
    }

    nonisolated(unsafe) private static var spaceOnly = strdup(" ")

    /// The command whose argument is being typed (`lesson` for `:lesson dot-at`), if any.
    static func commandArgument() -> String? {
        guard let buffer = rl_line_buffer else { return nil }
        let line = String(cString: buffer).drop { $0 == " " }
        guard line.hasPrefix(":"), let space = line.firstIndex(of: " ") else { return nil }
        let word = String(line[line.index(after: line.startIndex)..<space])
        // A unique prefix names the command, as when it runs (`:les dot`).
        let names = argumentCandidates.keys.filter { $0.hasPrefix(word) }
        return names.count == 1 ? names.first : argumentCandidates[word] != nil ? word : nil
    }

    /// Reads the history file (creating it, private to the user, if it does not exist yet).
    static func loadHistory(_ file: URL?) {
        using_history()
        stifle_history(historyLimit)
        // Each entry is written after a `#<time>` line, so that an input typed over several
        // lines (open brackets) comes back from the file as one entry, not one per line.
        history_comment_char = CChar(UInt8(ascii: "#"))
        history_write_timestamps = 1
        guard let file else { return }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: file.path) {
            _ = FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        // A file from before the time lines has one entry per line; joining its lines would
        // glue the whole file into one entry, so such a file is read line by line.
        history_multiline_entries = startsWithTimeLine(file) ? 1 : 0
        read_history(file.path)
    }

    /// True for an empty file, or one whose first line is `#` and digits.
    private static func startsWithTimeLine(_ file: URL) -> Bool {
        guard let start = try? Array(FileSystem.read(file, upTo: 2)) else { return true }
        return start.isEmpty || (start.count == 2 && start[0] == UInt8(ascii: "#") && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(start[1]))
    }

    /// Adds one complete input to the history and appends it to the file at once, so a
    /// session that is killed keeps what was typed.
    static func remember(_ entry: String, in file: URL?) {
        add_history(entry)
        if let file { append_history(1, file.path) }
    }

    /// Keeps the history file from growing without bound.
    static func trimHistory(_ file: URL?) {
        if let file { history_truncate_file(file.path, historyLimit) }
    }

    /// The width of the terminal standard output is, nil when it is not one (a pipe, a file):
    /// the line REPL lays results out to it. Asked each time: the terminal may be resized.
    static var outputColumns: Int? {
        let columns = Int(attn_terminal_columns(1))
        return columns > 0 ? columns : nil
    }

    /// readline re-reads LC_ALL/LC_CTYPE/LANG: arrange a UTF-8 character type first, so that
    /// prompts, CJK text and `α` are measured and edited as characters, not bytes.
    static func useUTF8CharacterType() {
        let env = ProcessInfo.processInfo.environment
        func utf8(_ v: String?) -> Bool { v.map { $0.lowercased().contains("utf-8") || $0.lowercased().contains("utf8") } ?? false }
        let effective = [env["LC_ALL"], env["LC_CTYPE"], env["LANG"]].compactMap { $0 }.first { !$0.isEmpty }
        if !utf8(effective) {
            if let all = env["LC_ALL"], !all.isEmpty { setenv("LC_ALL", "C.UTF-8", 1) }
            setenv("LC_CTYPE", "C.UTF-8", 1)
        }
        setlocale(LC_ALL, "")
    }
}

// MARK: - The screen's input line

/// An input line driven through readline's callback interface inside ncurses. The screen
/// hands it keys; it feeds them to readline as the bytes a terminal would send, and reads
/// back the line, the cursor and the prompt to draw them.
final class InputLine {
    static let prompt = "› "
    static let continuationPrompt = "… "

    /// Complete inputs (statements or commands) waiting for the screen to run them.
    private(set) var submitted: [String] = []
    /// Set when the last Tab offered several completions.
    var completionMatches: [String] = []
    private var assembler = InputAssembler()
    private let historyFile: URL?

    /// Only one readline exists per process; the callbacks reach the live input line here.
    nonisolated(unsafe) private static weak var live: InputLine?
    nonisolated(unsafe) private static var queue: [UInt8] = []

    init(historyFile: URL?) {
        self.historyFile = historyFile
        InputLine.live = self
        Readline.configure()
        rl_prep_term_function = { _ in }
        rl_deprep_term_function = { }
        rl_outstream = fopen("/dev/null", "w")
        rl_getc_function = { _ in
            guard !InputLine.queue.isEmpty else { return EOF }
            return Int32(InputLine.queue.removeFirst())
        }
        rl_input_available_hook = { InputLine.queue.isEmpty ? 0 : 1 }
        rl_redisplay_function = { }
        rl_completion_display_matches_hook = { matches, count, _ in
            guard let matches, count > 0 else { return }
            InputLine.live?.completionMatches = (1...Int(count)).compactMap { matches[$0].map { String(cString: $0) } }
        }
        Readline.loadHistory(historyFile)
        install()
    }

    deinit { close() }

    private var installed = false

    private func install() {
        rl_callback_handler_install(assembler.isContinuing ? InputLine.continuationPrompt : InputLine.prompt) { line in
            InputLine.live?.received(line)
        }
        installed = true
    }

    /// Leaves readline and saves the history.
    func close() {
        guard installed else { return }
        installed = false
        rl_callback_handler_remove()
        Readline.trimHistory(historyFile)
    }

    private func received(_ line: UnsafeMutablePointer<CChar>?) {
        guard let line else {            // Ctrl-D on an empty line
            submitted.append(":quit")
            return
        }
        let text = String(cString: line)
        free(line)
        // Brackets still open: keep reading with the continuation prompt.
        for complete in assembler.add(text) where !complete.trimmingSpaces.isEmpty {
            Readline.remember(complete, in: historyFile)
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
        if assembler.flush() != nil { install() }
    }

    func takeSubmitted() -> [String] {
        defer { submitted = [] }
        return submitted
    }

    var isEmpty: Bool { rl_end == 0 && !assembler.isContinuing }

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
        // Word motions where a terminal's readline would put them (the screen takes these
        // keys itself in a lesson).
        case .controlLeft: return [27, UInt8(ascii: "b")]
        case .controlRight: return [27, UInt8(ascii: "f")]
        case .escape, .backTab, .pageUp, .pageDown, .resize, .other, .shiftUp, .shiftDown, .wheelUp, .wheelDown, .help: return []
        }
    }
}

// MARK: - The line REPL on a terminal

/// readline on the terminal itself, through the callback interface and a poll loop rather
/// than blocking `readline()`: a Ctrl-C then only sets a flag (InteractiveSignals), and the
/// loop sees it and cancels the line being typed. The terminal is in readline's mode only
/// while a line is read; results are printed with the terminal's own modes.
final class TerminalLineReader {
    static let prompt = "attn› "
    static let continuationPrompt = "   …› "

    private let historyFile: URL?
    private var assembler = InputAssembler()
    /// Complete inputs not yet returned (a command that ended an unfinished statement).
    private var queued: [String] = []
    private var line: String?
    private var ended = false
    private var installed = false

    nonisolated(unsafe) private static weak var live: TerminalLineReader?

    init(historyFile: URL?) {
        self.historyFile = historyFile
        TerminalLineReader.live = self
        Readline.configure()
        rl_instream = stdin
        rl_outstream = stdout
        Readline.loadHistory(historyFile)
    }

    deinit { close() }

    /// Reads the next complete input (several lines while brackets are open), Tab completing
    /// `names`. Returns nil when the learner leaves: Ctrl-D on an empty line, end of input,
    /// SIGTERM or SIGHUP.
    func read(completing names: [String], arguments: [String: [String]] = [:]) -> String? {
        Readline.candidates = names
        Readline.argumentCandidates = arguments
        _ = InteractiveSignals.takeInterrupts()     // a Ctrl-C that stopped the last evaluation is spent
        if !queued.isEmpty { return queued.removeFirst() }
        ended = false
        install()
        while true {
            if InteractiveSignals.terminationRequested {
                remove()
                fputs("\n", stdout)
                return nil
            }
            if InteractiveSignals.takeInterrupts() > 0 {
                cancelLine()
                install()
                continue
            }
            if InteractiveSignals.takeResize() { rl_resize_terminal() }
            var descriptor = pollfd(fd: fileno(stdin), events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 250)    // a signal ends the wait early (EINTR)
            if ready < 0 && errno != EINTR {
                remove()
                return nil
            }
            guard ready > 0 else { continue }
            rl_callback_read_char()
            if ended {
                // Ctrl-D: with a statement still open, run what there is (its error shows
                // what is missing); on an empty prompt, leave.
                return assembler.flush()              // readline has already ended the line
            }
            guard let text = line else { continue }
            line = nil
            queued = assembler.add(text).filter { !$0.trimmingSpaces.isEmpty }
            if !queued.isEmpty {
                for complete in queued { Readline.remember(complete, in: historyFile) }
                return queued.removeFirst()
            }
            install()                                 // brackets still open: continuation prompt
        }
    }

    /// Saves the history; the terminal is already back in its own modes.
    func close() {
        remove()
        Readline.trimHistory(historyFile)
    }

    private func install() {
        using_history()                              // Up starts again from the newest entry
        rl_callback_handler_install(assembler.isContinuing ? TerminalLineReader.continuationPrompt : TerminalLineReader.prompt) { text in
            TerminalLineReader.live?.received(text)
        }
        installed = true
    }

    /// Leaves readline's terminal modes.
    private func remove() {
        guard installed else { return }
        installed = false
        rl_callback_handler_remove()
    }

    private func received(_ text: UnsafeMutablePointer<CChar>?) {
        if let text {
            line = String(cString: text)
            free(text)
        } else {
            ended = true
        }
        remove()                                     // evaluate with the terminal in its own modes
    }

    /// Ctrl-C: show `^C` after the text, drop the line and any open continuation.
    private func cancelLine() {
        rl_point = rl_end
        rl_redisplay()
        fputs("^C\n", stdout)
        fflush(stdout)
        rl_free_line_state()
        rl_callback_sigcleanup()
        _ = assembler.flush()
        remove()
    }
}

// Signals in an interactive session (the screen or the line REPL): Ctrl-C interrupts a long
// evaluation or clears the input line, and SIGTERM, SIGHUP and SIGQUIT end the session
// cleanly (ncurses restores the terminal on SIGINT and SIGTERM by itself, but not on SIGHUP,
// and readline's terminal modes must be undone by us). Handlers only set flags.
import Engine
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

enum InteractiveSignals {
    private static let interrupts = Atomic<Int>(0)
    /// The signal that asked the session to end (0: none).
    private static let terminate = Atomic<Int32>(0)
    private static let resized = Atomic<Bool>(false)

    static func install() {
        signal(SIGINT) { _ in
            Engine.Interrupt.request()
            InteractiveSignals.interrupts.add(1, ordering: .relaxed)
        }
        for s in [SIGTERM, SIGHUP, SIGQUIT] {
            signal(s) { number in
                Engine.Interrupt.request()        // stop a long evaluation so the session can end
                InteractiveSignals.terminate.store(number, ordering: .relaxed)
            }
        }
        var set = sigset_t()
        sigemptyset(&set)
        for s in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&set, s) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// For the line REPL only: the screen learns of resizes from ncurses.
    static func watchResizes() {
        signal(SIGWINCH) { _ in InteractiveSignals.resized.store(true, ordering: .relaxed) }
    }

    /// Ctrl-C presses since the last call.
    static func takeInterrupts() -> Int { interrupts.exchange(0, ordering: .relaxed) }
    static var terminationRequested: Bool { terminate.load(ordering: .relaxed) != 0 }
    /// 128 + the signal that ended the session (SPEC §2), once the terminal is restored.
    static var exitStatus: Int32? {
        let number = terminate.load(ordering: .relaxed)
        return number == 0 ? nil : 128 + number
    }
    /// Whether the terminal changed size since the last call.
    static func takeResize() -> Bool { resized.exchange(false, ordering: .relaxed) }
}

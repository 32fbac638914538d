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
    private static let terminate = Atomic<Bool>(false)
    private static let resized = Atomic<Bool>(false)

    static func install() {
        signal(SIGINT) { _ in
            Engine.Interrupt.request()
            InteractiveSignals.interrupts.add(1, ordering: .relaxed)
        }
        for s in [SIGTERM, SIGHUP, SIGQUIT] {
            signal(s) { _ in
                Engine.Interrupt.request()        // stop a long evaluation so the session can end
                InteractiveSignals.terminate.store(true, ordering: .relaxed)
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
    static var terminationRequested: Bool { terminate.load(ordering: .relaxed) }
    /// Whether the terminal changed size since the last call.
    static func takeResize() -> Bool { resized.exchange(false, ordering: .relaxed) }
}

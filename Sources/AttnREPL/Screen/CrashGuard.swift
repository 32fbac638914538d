// A crash never leaves a broken terminal: on SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT or
// SIGTRAP a handler, running on its own stack (a stack overflow has no room left on the
// thread's), writes the terminal's "leave the alternate screen" sequences and puts back the
// tty modes saved before ncurses started, then hands the signal to whatever handled it
// before (the Swift runtime's crash report) or to the default action. Only async-signal-safe
// calls: write(2), tcsetattr(3), sigaction(2), raise(3).
import CNcurses
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

enum CrashGuard {
    static let signals = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    nonisolated(unsafe) private static var installed = false
    nonisolated(unsafe) private static var savedModes = termios()
    nonisolated(unsafe) private static var haveModes = false
    /// The bytes that leave curses mode, gathered before any crash can happen.
    nonisolated(unsafe) private static var restore: UnsafeMutableBufferPointer<UInt8> = .init(start: nil, count: 0)
    nonisolated(unsafe) private static var previousList = UnsafeMutablePointer<sigaction>.allocate(capacity: 32)

    /// The tty modes as they are before ncurses changes them.
    static func saveTerminalModes() {
        haveModes = tcgetattr(0, &savedModes) == 0
    }

    /// After ncurses started (terminfo is loaded): gathers the restoring bytes and installs
    /// the handlers on an alternate stack.
    static func install() {
        guard !installed else { return }
        installed = true
        var bytes: [UInt8] = []
        for cap in ["rmcup", "rmkx", "cnorm", "sgr0"] {
            if let s = tigetstr(cap), Int(bitPattern: s) != -1 {
                bytes += Array(String(cString: s).utf8)
            }
        }
        bytes += Array("\u{1b}[?1000l\u{1b}[?1002l\u{1b}[?1006l\r\n".utf8)   // mouse reporting off
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        restore = buffer

        let size = 1 << 16
        var stack = stack_t()
        stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        stack.ss_size = size
        stack.ss_flags = 0
        sigaltstack(&stack, nil)

        for sig in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { s in CrashGuard.handle(s) }
            action.sa_flags = Int32(SA_ONSTACK) | Int32(bitPattern: UInt32(SA_RESETHAND))
            sigemptyset(&action.sa_mask)
            var old = sigaction()
            sigaction(sig, &action, &old)
            previousList[Int(sig)] = old
        }
    }

    private static func handle(_ s: Int32) {
        if let base = restore.baseAddress { _ = write(1, base, restore.count) }
        if haveModes { tcsetattr(0, TCSANOW, &savedModes) }
        // Hand over to the handler that was there before (or the default), and let it run.
        var old = previousList[Int(s)]
        sigaction(s, &old, nil)
        raise(s)
    }

    #if DEBUG
    /// Debug builds only: ATTN_DEBUG_CRASH=segv|abort makes the first key crash the program,
    /// so the tests can see the terminal restored after a real crash.
    static func crashIfRequested() {
        switch ProcessInfo.processInfo.environment["ATTN_DEBUG_CRASH"] {
        case "segv":
            let nowhere = UnsafeMutablePointer<Int>(bitPattern: 8)!
            nowhere.pointee = 1
        case "abort": abort()
        default: break
        }
    }
    #endif
}

// A flag a signal handler sets to stop a long evaluation; loops in the Engine check it.
//
// The flag stays set until the front end clears it (before running the next input, and at the
// start of each statement): every loop that sees it, on any thread, stops — a parallel phase's
// blocks and the formatting after the evaluation included. Loops that cannot throw (interval
// refinement, formatting) read `isRequested` and give up early; whatever they return then is
// not a result, and the front end, seeing `isRequested`, reports the input as interrupted.
import Synchronization

public enum Interrupt {
    private static let flag = Atomic<Bool>(false)
    /// Set when an expression graph grows deeper than the limit (checked like an interrupt, so
    /// the statement stops before anything walks or frees a graph deep enough to exhaust the stack).
    private static let tooDeep = Atomic<Bool>(false)

    /// Async-signal-safe: only an atomic store.
    public static func request() { flag.store(true, ordering: .relaxed) }
    public static func clear() {
        reason.withLock { $0 = nil }
        flag.store(false, ordering: .relaxed)
        tooDeep.store(false, ordering: .relaxed)
    }

    /// Why work is stopped when it is not Ctrl-C (the memory budget), kept for the front end's report.
    private static let reason = Mutex<Diagnostic?>(nil)

    /// Stops the work in progress for `why` (not async-signal-safe: not for signal handlers).
    /// Used where an error cannot be thrown, so that the front end reports it and not "interrupted".
    public static func request(because why: Diagnostic) {
        reason.withLock { if $0 == nil { $0 = why } }
        request()
    }

    /// What stopped the work: the reason given with `request(because:)`, or else Ctrl-C.
    public static var stopReason: Diagnostic { reason.withLock { $0 } ?? .interrupted }

    /// Whether Ctrl-C was pressed since the last `clear()`; reading it does not clear it, so every
    /// thread and every later phase of the same input sees it.
    public static var isRequested: Bool { flag.load(ordering: .relaxed) }

    /// Throws `Diagnostic.interrupted` once an interrupt was requested (the flag stays set), or
    /// the depth error once a graph grew too deep (that flag is cleared: it belongs to one statement).
    public static func check() throws {
        if flag.load(ordering: .relaxed) { throw Diagnostic.interrupted }
        if tooDeep.load(ordering: .relaxed) {
            tooDeep.store(false, ordering: .relaxed)
            throw Diagnostic("the result depends on more than \(Limits.maximumRealDepth) nested operations; try \(setting: .float) for long recurrences")
        }
        try MemoryBudget.poll()
    }

    static func noteTooDeep() { tooDeep.store(true, ordering: .relaxed) }

    /// A statement starts: the depth error of an earlier one is forgotten, but not a Ctrl-C
    /// (pressed between two statements of one input, it stops the rest).
    static func beginStatement() { tooDeep.store(false, ordering: .relaxed) }
}

extension Diagnostic {
    /// What a statement stopped by Ctrl-C fails with.
    public static let interrupted = Diagnostic("interrupted")

    /// Whether this error is an interruption (Ctrl-C), not a fault of the input.
    public var isInterruption: Bool { message == Diagnostic.interrupted.message }
}

extension ProgramError {
    /// Whether the statement was stopped by Ctrl-C.
    public var isInterruption: Bool { diagnostic.isInterruption }
}

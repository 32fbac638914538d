// A flag a signal handler sets to stop a long evaluation; loops in the Engine check it.
import Synchronization

public enum Interrupt {
    private static let flag = Atomic<Bool>(false)
    /// Set when an expression graph grows deeper than the limit (checked like an interrupt, so
    /// the statement stops before anything walks or frees a graph deep enough to exhaust the stack).
    private static let tooDeep = Atomic<Bool>(false)

    /// Async-signal-safe: only an atomic store.
    public static func request() { flag.store(true, ordering: .relaxed) }
    public static func clear() {
        flag.store(false, ordering: .relaxed)
        tooDeep.store(false, ordering: .relaxed)
    }

    static func noteTooDeep() { tooDeep.store(true, ordering: .relaxed) }

    /// Throws once an interrupt was requested or a graph grew too deep (and clears the request).
    public static func check() throws {
        if flag.load(ordering: .relaxed) {
            clear()
            throw Diagnostic("interrupted")
        }
        if tooDeep.load(ordering: .relaxed) {
            clear()
            throw Diagnostic("the result depends on more than \(Limits.maximumRealDepth) nested operations; "
                             + "try --float (or :float) for long recurrences")
        }
        try MemoryBudget.poll()
    }
}

// A flag a signal handler sets to stop a long evaluation; loops in the Engine check it.
import Synchronization

public enum Interrupt {
    private static let flag = Atomic<Bool>(false)

    /// Async-signal-safe: only an atomic store.
    public static func request() { flag.store(true, ordering: .relaxed) }
    public static func clear() { flag.store(false, ordering: .relaxed) }

    /// Throws once an interrupt was requested (and clears the request).
    public static func check() throws {
        if flag.load(ordering: .relaxed) {
            clear()
            throw Diagnostic("interrupted")
        }
    }
}

// Spreading independent iterations over the machine's cores (formatting the cells of a large
// exact tensor). POSIX threads directly: the Engine needs no more than a fork and a join.
#if canImport(Glibc)
import Glibc
#endif

enum Parallel {
    /// Threads used, this one included.
    static let workers: Int = max(1, min(8, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))

    /// Calls `body(i)` for every i in 0..<count and returns when all calls have returned. Each
    /// thread takes one contiguous block of iterations: neighbouring cells (one row of an
    /// attention output) read the same nodes, and two cores updating the reference counts of
    /// the same objects slow each other down. The iterations must not write anything another
    /// iteration reads.
    static func forEach(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let threads = max(1, min(workers, count))
        func block(_ t: Int) -> Range<Int> { (t * count / threads)..<((t + 1) * count / threads) }
        var started: [pthread_t] = []
        for t in 1..<threads {
            let job = Job { for i in block(t) { body(i) } }
            let context = Unmanaged.passRetained(job).toOpaque()
            var thread = pthread_t()
            if pthread_create(&thread, nil, { Job.run($0) }, context) == 0 {
                started.append(thread)
            } else {
                Job.run(context)        // no thread to be had: do its share here
            }
        }
        for i in block(0) { body(i) }
        for thread in started { pthread_join(thread, nil) }
    }

    private final class Job: @unchecked Sendable {
        let work: () -> Void
        init(_ work: @escaping () -> Void) { self.work = work }

        @discardableResult
        static func run(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
            Unmanaged<Job>.fromOpaque(context!).takeRetainedValue().work()
            return nil
        }
    }
}

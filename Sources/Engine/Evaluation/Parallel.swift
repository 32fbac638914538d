// Spreading independent iterations over the machine's cores (formatting the cells of a large
// exact tensor). POSIX threads directly: the Engine needs no more than a fork and a join.
#if canImport(Glibc)
import Glibc
#endif

enum Parallel {
    /// Threads used, this one included.
    static let workers: Int = max(1, min(8, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))

    /// Calls `body(i)` for every i in 0..<count and returns when all calls have returned. Thread
    /// t of T takes t, t + T, t + 2T, …, so neighbouring iterations of similar cost are shared
    /// out evenly. The iterations must not write anything another iteration reads.
    static func forEach(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let threads = min(workers, count)
        var started: [pthread_t] = []
        for t in 1..<max(threads, 1) {
            let job = Job { for i in stride(from: t, to: count, by: threads) { body(i) } }
            let context = Unmanaged.passRetained(job).toOpaque()
            var thread = pthread_t()
            if pthread_create(&thread, nil, { Job.run($0) }, context) == 0 {
                started.append(thread)
            } else {
                Job.run(context)        // no thread to be had: do its share here
            }
        }
        for i in stride(from: 0, to: count, by: max(threads, 1)) { body(i) }
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

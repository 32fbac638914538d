// Spreading independent iterations over the machine's cores: building the entries of a large
// exact product or softmax, evaluating and formatting a large exact tensor. POSIX threads
// directly: the Engine needs no more than a fork and a join.
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

    /// `body` over 0..<count cut into one block per thread, the blocks' results in order; the
    /// first error any block threw is rethrown after all have finished. Serial below
    /// `minimumCount` (threads cost tens of microseconds).
    static func blocks<T>(_ count: Int, minimumCount: Int,
                          _ body: @escaping @Sendable (Range<Int>) throws -> [T]) throws -> [T] {
        guard count >= minimumCount, workers > 1 else { return try body(0..<count) }
        let threads = min(workers, count)
        let results = Slots<Result<[T], any Error>>(count: threads)
        forEach(threads) { t in
            results[t] = Result { try body((t * count / threads)..<((t + 1) * count / threads)) }
        }
        var out: [T] = []
        out.reserveCapacity(count)
        for t in 0..<threads { out.append(contentsOf: try results[t]!.get()) }
        return out
    }

    /// One slot per iteration, each written by one thread only. A raw buffer: an array property
    /// mutated from two threads would trip exclusivity checking.
    final class Slots<Element>: @unchecked Sendable {
        private let buffer: UnsafeMutableBufferPointer<Element?>
        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }
        deinit {
            buffer.deinitialize()
            buffer.deallocate()
        }
        subscript(i: Int) -> Element? {
            get { buffer[i] }
            set { buffer[i] = newValue }
        }
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

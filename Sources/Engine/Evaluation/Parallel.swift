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
        if threads == 1 {
            for i in 0..<count { body(i) }
            return
        }
        let kept = Helpers.shared.run({ h in if h + 1 < threads { for i in block(h + 1) { body(i) } } },
                                      alongside: { for i in block(0) { body(i) } })
        if kept { return }
        // The helpers are busy (a parallel phase inside another): threads of our own.
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

    /// `count` rows of `width` elements, blocks of rows built on every core as in `blocks`,
    /// each block writing its rows straight into the one result (every element starts as
    /// `filler`): no per-block arrays to join, which for attention's n² weights were two more
    /// copies of its largest array. The first error any block threw is rethrown after all
    /// have finished.
    static func rows<T>(_ count: Int, width: Int, filler: T, minimumCount: Int,
                        _ body: @escaping @Sendable (Range<Int>, RowWriter<T>) throws -> Void) throws -> [T] {
        var out = Array(repeating: filler, count: count * width)
        try out.withUnsafeMutableBufferPointer { buffer in
            let writer = RowWriter(buffer: buffer)
            guard count >= minimumCount, workers > 1 else { return try body(0..<count, writer) }
            let threads = min(workers, count)
            let errors = Slots<any Error>(count: threads)
            forEach(threads) { t in
                do { try body((t * count / threads)..<((t + 1) * count / threads), writer) } catch { errors[t] = error }
            }
            for t in 0..<threads { if let error = errors[t] { throw error } }
        }
        return out
    }

    /// The result of `rows` while it is built: each block writes only the elements of its rows.
    struct RowWriter<T>: @unchecked Sendable {
        fileprivate let buffer: UnsafeMutableBufferPointer<T>
        subscript(i: Int) -> T {
            get { buffer[i] }
            nonmutating set { buffer[i] = newValue }
        }
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

    /// One helper thread per extra core, started on first use and kept: a parallel phase then
    /// costs a wake-up instead of creating and joining a thread (a large exact evaluation has
    /// about ten phases). Helpers block asynchronous signals, so Ctrl-C and window changes are
    /// handled on the thread that expects them.
    private final class Helpers: @unchecked Sendable {
        static let shared = Helpers(count: workers - 1)

        let count: Int
        private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        private let wake = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
        private let finished = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
        // Guarded by the mutex.
        private var job: ((Int) -> Void)?
        private var generation = 0
        private var pending = 0
        private var busy = false

        private init(count: Int) {
            pthread_mutex_init(mutex, nil)
            pthread_cond_init(wake, nil)
            pthread_cond_init(finished, nil)
            var started = 0
            for h in 0..<count {
                let context = Unmanaged.passRetained(Job { Helpers.shared.serve(h) }).toOpaque()
                var thread = pthread_t()
                if pthread_create(&thread, nil, { Job.run($0) }, context) == 0 {
                    pthread_detach(thread)
                    started += 1
                } else {
                    Unmanaged<Job>.fromOpaque(context).release()
                    break
                }
            }
            self.count = started
        }

        /// Runs `job(h)` on every helper h while `mine` runs on this thread, and returns when
        /// all have finished; false, running nothing, if the helpers are already at work.
        func run(_ job: @escaping (Int) -> Void, alongside mine: () -> Void) -> Bool {
            pthread_mutex_lock(mutex)
            guard !busy, count == workers - 1 else {
                pthread_mutex_unlock(mutex)
                return false
            }
            busy = true
            self.job = job
            pending = count
            generation += 1
            pthread_cond_broadcast(wake)
            pthread_mutex_unlock(mutex)
            mine()
            pthread_mutex_lock(mutex)
            while pending > 0 { pthread_cond_wait(finished, mutex) }
            self.job = nil
            busy = false
            pthread_mutex_unlock(mutex)
            return true
        }

        private func serve(_ h: Int) {
            var signals = sigset_t()
            sigfillset(&signals)
            for fault in [SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP] { sigdelset(&signals, fault) }
            pthread_sigmask(SIG_BLOCK, &signals, nil)
            var seen = 0
            pthread_mutex_lock(mutex)
            while true {
                while generation == seen { pthread_cond_wait(wake, mutex) }
                seen = generation
                let work = job!
                pthread_mutex_unlock(mutex)
                work(h)
                pthread_mutex_lock(mutex)
                pending -= 1
                if pending == 0 { pthread_cond_signal(finished) }
            }
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

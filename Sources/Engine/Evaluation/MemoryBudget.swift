// The memory budget of exact work (SPEC §4, "Bounded memory and time"): no input may make
// the process abort for lack of memory. Two guards:
// - before work whose size is known up front (printing N values at D digits), an estimate
//   of its memory is compared with the budget and the work refused if it would not fit;
// - during evaluation, the loops that already poll for Ctrl-C (`Interrupt.check`) also
//   look at the process's memory every few thousand polls, and stop the statement once it
//   passes the budget (an exact attention over 1700 rows grows its expression graphs by
//   many gigabytes before any single allocation is large).
// Either way the statement fails with a message suggesting --float or fewer digits, its
// memory is freed, and the session goes on.
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

public enum MemoryBudget {
    /// The budget in bytes: half the machine's memory unless set (ATTN_MEMORY_LIMIT), and
    /// never more than 80 % of the address-space limit (`ulimit -v`), so that an allocation
    /// failure there is always preceded by this message.
    public static var limit: Int {
        get { storedLimit.load(ordering: .relaxed) }
        set { storedLimit.store(newValue, ordering: .relaxed) }
    }

    private static let storedLimit = Atomic<Int>(defaultLimit)

    public static var defaultLimit: Int {
        let physical = Int(sysconf(Int32(_SC_PHYS_PAGES))) * Int(sysconf(Int32(_SC_PAGESIZE)))
        return capped(physical > 0 ? physical / 2 : 4 << 30)
    }

    /// `bytes`, lowered to 80 % of RLIMIT_AS when that is set.
    public static func capped(_ bytes: Int) -> Int {
        var r = rlimit()
        guard getrlimit(Int32(RLIMIT_AS.rawValue), &r) == 0, r.rlim_cur != rlim_t.max else { return bytes }
        return min(bytes, Int(clamping: r.rlim_cur / 10 * 8))
    }

    /// `4G`, `512M`, `100k`, `1000000` (bytes; K, M, G, T are powers of 1024, an optional
    /// trailing `B` or `iB` is ignored); nil for anything else or zero.
    public static func parse(_ text: String) -> Int? {
        var t = String(text.filter { $0 != " " }).uppercased()
        if t.hasSuffix("IB") { t.removeLast(2) } else if t.hasSuffix("B") { t.removeLast() }
        var scale = 1
        if let last = t.last, let power = ["K": 1, "M": 2, "G": 3, "T": 4][last] {
            scale = 1 << (10 * power)
            t.removeLast()
        }
        guard let n = Double(t), n > 0, n * Double(scale) < 9e18 else { return nil }
        return Int(n * Double(scale))
    }

    /// `1.5 GB`, `300 MB`: a size for a message.
    public static func describe(_ bytes: Double) -> String {
        let units = ["bytes", "KB", "MB", "GB", "TB", "PB"]
        var value = bytes, unit = 0
        while value >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
        return unit == 0 ? "\(Int(value)) bytes" : (value < 10 ? String(Int(value * 10)).inserting(".", beforeLast: 1) : "\(Int(value.rounded()))") + " " + units[unit]
    }

    /// `describe` inside a message, where the word "bytes" is translated.
    static func size(_ bytes: Double) -> Message {
        bytes < 1024 ? "\(Int(bytes)) bytes" : "\(describe(bytes))"
    }

    /// Refuses work estimated to need `bytes` of memory when that passes the budget.
    /// `what` says what the work is (`printing 4000000 values at 10000 digits`).
    public static func require(_ bytes: Double, for what: Message) throws {
        guard bytes > Double(limit) else { return }
        throw Diagnostic("\(what) would need about \(size(bytes)) of memory, more than the budget of \(size(Double(limit))) (ATTN_MEMORY_LIMIT); try \(setting: .float), fewer digits or smaller inputs")
    }

    /// Refuses printing `count` values at `digits` significant digits when their text and the
    /// precision they are refined at would pass the budget: each value's decimal, its exact
    /// form (at most a few hundred characters), and intervals of about 3.4 bits per digit.
    public static func requireForPrinting(values count: Int, digits: Int) throws {
        let perValue = Double(digits) * 2 + Double(digits) * 3.4 / 8 * 4 + 400
        try require(Double(count) * perValue, for: count == 1 ? "printing 1 value at \(digits) digits" : "printing \(count) values at \(digits) digits")
    }

    // MARK: The guard during evaluation

    /// When the memory was last read, in milliseconds of CLOCK_MONOTONIC_COARSE.
    private static let lastReading = Atomic<Int>(0)
    private static let over = Atomic<Bool>(false)

    /// Called from `Interrupt.check`: reads the process's memory at most every 20 ms (the
    /// clock costs nanoseconds, the read a few microseconds). Throws once the resident
    /// memory (or, under `ulimit -v`, the address space) passes the budget.
    static func poll() throws {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC_COARSE, &now)
        let milliseconds = now.tv_sec * 1000 + now.tv_nsec / 1_000_000
        let last = lastReading.load(ordering: .relaxed)
        if milliseconds - last >= 20, lastReading.compareExchange(expected: last, desired: milliseconds, ordering: .relaxed).exchanged,
           isOver() {
            // Memory an earlier statement freed may still be counted (malloc keeps it):
            // give it back to the system, then look again.
            _ = returnFreedMemory(0)
            if isOver() { over.store(true, ordering: .relaxed) }
        }
        if over.exchange(false, ordering: .relaxed) {
            throw Diagnostic("this computation passed the memory budget of \(size(Double(limit))) (ATTN_MEMORY_LIMIT) and was stopped; try \(setting: .float), fewer digits or smaller inputs")
        }
    }

    private static func isOver() -> Bool {
        guard let (virtual, resident) = usage() else { return false }
        let ceiling = capped(Int.max)
        return resident > limit || (ceiling != Int.max && virtual > ceiling)
    }

    /// The process's address space and resident memory in bytes, from /proc/self/statm.
    static func usage() -> (virtual: Int, resident: Int)? {
        let descriptor = open("/proc/self/statm", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let n = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard n > 0 else { return nil }
        let fields = buffer[..<n].split(separator: UInt8(ascii: " ")).prefix(2).compactMap { Int(String(decoding: $0, as: UTF8.self)) }
        guard fields.count == 2 else { return nil }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        return (fields[0] * page, fields[1] * page)
    }
}

/// glibc's malloc_trim(3) (in <malloc.h>, which the Glibc module does not import): one
/// integer argument and an int result, so the Swift and C calling conventions agree.
@_silgen_name("malloc_trim")
private func returnFreedMemory(_ pad: Int) -> Int32

private extension String {
    /// `"15"` → `"1.5"`: a point before the last `count` characters.
    func inserting(_ point: Character, beforeLast count: Int) -> String {
        var s = self
        s.insert(point, at: s.index(s.endIndex, offsetBy: -count))
        return s
    }
}

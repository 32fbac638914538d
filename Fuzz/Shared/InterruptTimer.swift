// What both fuzz targets use to keep one input's work bounded: a repeating SIGALRM that
// requests an interrupt (the Engine's Ctrl-C path) and a monotonic clock.
import Engine
#if canImport(Glibc)
import Glibc
#endif

enum InterruptTimer {
    static func start(everySeconds seconds: Int = 1) {
        signal(SIGALRM) { _ in Interrupt.request() }
        var timer = itimerval()
        timer.it_value.tv_sec = seconds
        timer.it_interval.tv_sec = seconds
        setitimer(__itimer_which_t(ITIMER_REAL.rawValue), &timer, nil)
    }

    static func stop() {
        var timer = itimerval()
        setitimer(__itimer_which_t(ITIMER_REAL.rawValue), &timer, nil)
        Interrupt.clear()
    }
}

enum FuzzClock {
    static func seconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}

// The width help screens are wrapped to, found as ArgumentParser finds it for its own (so a
// help screen in another language is as wide as the English one): COLUMNS, else the width of
// the terminal standard output is, else 80.
#if canImport(Glibc)
import Glibc
#endif

enum TerminalColumns {
    static var current: Int {
        if let text = getenv("COLUMNS").map({ String(cString: $0) }), let columns = Int(text) { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}

// The width help screens are wrapped to, found as ArgumentParser finds it for its own (so a
// help screen in another language is as wide as the English one): COLUMNS, else the width of
// the terminal standard output is, else 80.
#if canImport(Glibc)
import Glibc
#endif

enum TerminalColumns {
    static var current: Int {
        if let text = getenv("COLUMNS").map({ String(cString: $0) }), let columns = Int(text) { return columns }
        return Readline.outputColumns ?? 80
    }

    /// The narrowest width ArgumentParser can lay a help screen out in: its help texts start
    /// at column 26 and wrap at up to 28, and a narrower width stops it with an assertion
    /// (debug builds) or leaves the texts out (release builds).
    static let narrowestHelp = 29

    /// Before ArgumentParser words a help screen or a usage error: a terminal (or COLUMNS)
    /// narrower than it can lay out is taken as `narrowestHelp` wide. Only once the program
    /// ends with that message: the full screen reads COLUMNS too.
    static func widenForHelp() {
        if current < narrowestHelp { setenv("COLUMNS", String(narrowestHelp), 1) }
    }
}

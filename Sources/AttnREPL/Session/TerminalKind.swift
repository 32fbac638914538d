// What standard input and output are connected to, decided once for the whole program: the
// full screen and the line REPL's readline both need a terminal with a usable TERM.
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

enum TerminalKind {
    /// Standard input or output is not a terminal (a pipe, a file).
    case none
    /// A terminal that cannot be drawn or edited on (TERM unset or `dumb`, an editor's shell buffer).
    case dumb
    case capable

    static let current: TerminalKind = {
        guard isatty(0) == 1, isatty(1) == 1 else { return .none }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        return term.isEmpty || term == "dumb" ? .dumb : .capable
    }()
}

// SIGTERM and SIGHUP end an interactive session (the screen or the line REPL) after the
// terminal is restored, with status 128 + the signal number (SPEC §2), not 0.
import Foundation
import Testing

@Suite("Termination signals in tmux", .serialized, .enabled(if: TmuxSession.available))
struct TerminationSignalTests {
    @Test(arguments: [(SIGTERM, 143), (SIGHUP, 129)])
    func theScreenExitsWith128PlusTheSignal(signal: Int32, status: Int) throws {
        let tmux = try TmuxSession([])
        #expect(tmux.waitFor("type a formula"))
        kill(try #require(tmux.programPID), signal)
        #expect(tmux.waitFor("EXIT=\(status)"))
    }

    @Test(arguments: [(SIGTERM, 143), (SIGHUP, 129)])
    func theLineREPLExitsWith128PlusTheSignal(signal: Int32, status: Int) throws {
        let tmux = try TmuxSession(["--plain"])
        #expect(tmux.waitFor("attn›"))
        kill(try #require(tmux.programPID), signal)
        #expect(tmux.waitFor("EXIT=\(status)"))
    }
}

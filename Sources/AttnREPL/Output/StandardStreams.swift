// Reading standard input and writing standard output and error, line by line.
import ArgumentParser
import Engine
#if canImport(Glibc)
import Glibc
#endif

/// Standard output. Every write is checked: output that cannot be written (a full disk,
/// `/dev/full`, a closed pipe) is remembered, and the process then ends with status 1
/// (`exit`). Control characters from lessons, transcripts and files are neutralised here,
/// the one place text reaches standard output.
enum StandardOutput {
    /// The first write error, as the system words it (`No space left on device`).
    nonisolated(unsafe) private(set) static var failure: Message?
    /// The language of the message about lost output: the command's `--lang`.
    nonisolated(unsafe) static var language: Language = .en

    static func write(_ lines: [String]) {
        for line in lines { put(ControlCharacters.neutralised(line) + "\n") }
        flush()
    }

    /// Text with no line end (a prompt), shown at once.
    static func prompt(_ text: String) { write(text: text) }

    /// Text as it is (no line end added; control characters other than line feeds and tabs
    /// neutralised), shown at once.
    static func write(text: String) {
        put(ControlCharacters.neutralised(text))
        flush()
    }

    private static func put(_ text: String) {
        guard failure == nil else { return }
        var text = text
        let count = text.utf8.count
        let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, stdout) }
        if written != count { noteFailure() }
    }

    private static func flush() {
        guard failure == nil else { return }
        if fflush(stdout) != 0 { noteFailure() }
    }

    private static func noteFailure() {
        failure = SystemError.message(errno)
        clearerr(stdout)
    }

    /// Ends the process with `status`, or with 1 and a message if any output was lost.
    static func exit(_ status: Int32) -> Never {
        flush()
        if let failure {
            StandardError.write([language.text("error: cannot write the output (\(failure))")])
            Glibc.exit(1)
        }
        Glibc.exit(status)
    }
}

/// Standard error, with control characters neutralised. Its own errors go nowhere: there is
/// no channel left to report them on, and the exit status already says what failed.
enum StandardError {
    static func write(_ lines: [String]) {
        for line in lines { fputs(ControlCharacters.neutralised(line) + "\n", stderr) }
    }
}

enum StandardInput {
    static func readAll() -> String {
        var text = ""
        while let line = readLine(strippingNewline: false) { text += line }
        return text
    }

    /// Lines as they arrive (invalid UTF-8 is repaired to U+FFFD by the standard library).
    static func lines() -> AnySequence<String> {
        AnySequence { AnyIterator { readLine(strippingNewline: true) } }
    }

    static var isTerminal: Bool { isatty(0) == 1 }
}

enum Signals {
    /// For the last phase of a one-shot command, writing its output: there is nothing to return
    /// to, and formatting a large result at many digits can take minutes without checking for
    /// interrupts, so Ctrl-C ends the process at once (with the usual message and status 1).
    /// An interrupt that arrived before this point is reported the same way.
    static func exitOnInterrupt(language: Language = .en) throws {
        // A signal handler captures nothing: one handler per language, each with its words.
        switch language {
        case .en:
            signal(SIGINT) { _ in
                let message: StaticString = "error: interrupted\n"
                _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
                _exit(1)
            }
        case .zh:
            signal(SIGINT) { _ in
                let message: StaticString = "错误：已中断\n"
                _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
                _exit(1)
            }
        }
        do {
            try Engine.Interrupt.check()
        } catch {
            StandardError.write([language.strings.errorPrefix + language.text(Diagnostic.interrupted.text)])
            throw ExitCode(1)
        }
    }

    /// Ctrl-C interrupts a long evaluation instead of killing the program.
    static func installInterruptHandler() {
        signal(SIGINT) { _ in Engine.Interrupt.request() }
        // A parent may start us with SIGINT blocked (the mask is inherited); Ctrl-C must still work.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}

// Reading standard input and writing standard output and error, line by line.
import ArgumentParser
import Engine
#if canImport(Glibc)
import Glibc
#endif

enum StandardOutput {
    static func write(_ lines: [String]) {
        for line in lines { fputs(line + "\n", stdout) }
        fflush(stdout)
    }

    /// Text with no line end (a prompt), shown at once.
    static func prompt(_ text: String) { write(text: text) }

    /// Text as it is (every byte, no line end added), shown at once.
    static func write(text: String) {
        var text = text
        text.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, stdout) }
        fflush(stdout)
    }
}

enum StandardError {
    static func write(_ lines: [String]) {
        for line in lines { fputs(line + "\n", stderr) }
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
    static func exitOnInterrupt() throws {
        signal(SIGINT) { _ in
            let message: StaticString = "error: interrupted\n"
            _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
            _exit(1)
        }
        do {
            try Engine.Interrupt.check()
        } catch {
            StandardError.write(["error: interrupted"])
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

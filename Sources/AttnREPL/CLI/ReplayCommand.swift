// `attn-repl replay FILE`: evaluates a transcript's statements again and lists every one
// whose result differs from the recorded one.
import ArgumentParser
import FoundationEssentials
import Engine

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-run a session transcript and report every result that now differs.",
        discussion: """
            FILE is a session journal (~/.local/state/attn-repl/sessions/*.jsonl) or a JSON export.
            Statements run in order with the recorded settings, lessons and lesson inputs.
            Exit status 1 when any result differs (a recorded error must fail with the same message).
            """
    )

    @Argument(help: "The transcript: a journal (.jsonl) or a JSON export (.json).")
    var file: String

    @Option(name: .long, help: "A directory of extra lessons, if the session used some.")
    var lessons: String?

    @OptionGroup var languageOption: LanguageOption

    mutating func run() throws {
        Signals.installInterruptHandler()
        let strings = language.strings
        let document: TranscriptDocument
        do { document = try TranscriptDocument.read(URL(fileURLWithPath: file)) } catch {
            StandardError.write([strings.errorPrefix + language.text(error)])
            throw ExitCode(1)
        }
        StandardError.write(document.warnings.map { strings.warning(language.text($0)) })
        let summary = TranscriptReplay.run(document, library: LessonOptions.library(extraDirectory: lessons, language: language))
        StandardOutput.write(summary.report(in: language))
        if !summary.problems.isEmpty { StandardError.write(summary.problems.map { strings.errorPrefix + language.text($0) }) }
        if !summary.differences.isEmpty || !summary.problems.isEmpty { throw ExitCode(1) }
    }
}

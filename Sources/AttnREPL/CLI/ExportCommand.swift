// `attn-repl export FILE --to md|json|html|ipynb [-o OUT]`: converts a session transcript.
import ArgumentParser
import FoundationEssentials

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Convert a session transcript to Markdown, JSON, self-contained HTML or a Jupyter notebook.",
        discussion: """
            FILE is a session journal (~/.local/state/attn-repl/sessions/*.jsonl) or a JSON export.
            Without -o the result goes to standard output. An existing OUT is never replaced
            unless --force is given; OUT appears whole or not at all.
            Example: attn-repl export ~/.local/state/attn-repl/sessions/2026-11-26T08-15-03-4242.jsonl --to html -o session.html
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, json, html, ipynb }

    @Argument(help: "The transcript: a journal (.jsonl) or a JSON export (.json).")
    var file: String

    @Option(name: .long, help: "Output format: md, json, html or ipynb.")
    var to: Format

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(name: .long, help: "Replace OUT if it exists.")
    var force = false

    @OptionGroup var languageOption: LanguageOption

    mutating func run() throws {
        do {
            let document = try TranscriptDocument.read(URL(fileURLWithPath: file))
            StandardError.write(document.warnings.map { language.strings.warning(language.text($0)) })
            let text = ExportFormat(rawValue: to.rawValue)!.render(document)
            if let output {
                try ExportFile.write(text, to: URL(fileURLWithPath: output), force: force)
            } else {
                StandardOutput.write(text: text)
            }
        } catch let e as TranscriptError {
            StandardError.write([language.strings.errorPrefix + language.text(e)])
            throw ExitCode(1)
        }
    }
}

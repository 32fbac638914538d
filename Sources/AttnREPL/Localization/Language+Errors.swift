// Errors of the program's parts in the learner's language. Kept apart from the string tables,
// which the lesson reader's fuzz target compiles without the file and transcript code.
import Engine

enum ErrorMessage {
    /// An error's message, to be shown in any language: a file's, a transcript's, a lesson's or
    /// the Engine's; any other error as it describes itself.
    static func of(_ error: any Error) -> Message {
        switch error {
        case let e as TensorFileError: return e.message
        case let e as TranscriptError: return e.message
        case let e as Diagnostic: return e.text
        case let e as SafeFileWriter.Problem: return e.message
        case let e as FileReadError: return e.message
        case let e as FormatProblem: return e.message
        case let e as JournalError: return e.message
        case let e as LessonError: return e.fileMessage
        default: return Message(verbatim: "\(error)")
        }
    }
}

extension Language {
    /// An error's message in this language.
    func text(_ error: any Error) -> String { text(ErrorMessage.of(error)) }
}

extension DisplaySettings {
    /// A message as this session shows it: in its language, a suggested setting named as the
    /// learner can change it here (`:float on` in a session, where `--float` cannot be given).
    func text(_ message: Message) -> String { language.text(message, naming: settingNames) }

    func text(_ error: any Error) -> String { text(ErrorMessage.of(error)) }

    /// An error at its place in the input (`error: … (column 3)`, the line, a caret), as `text`.
    func errorLines(_ error: ProgramError) -> [String] {
        DiagnosticText.lines(error.diagnostic, source: error.source, language: language, naming: settingNames)
    }
}

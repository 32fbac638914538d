// Errors of the program's parts in the learner's language. Kept apart from the string tables,
// which the lesson reader's fuzz target compiles without the file and transcript code.
import Engine

extension Language {
    /// An error's message in this language: a file's, a transcript's or the Engine's.
    func text(_ error: any Error) -> String {
        switch error {
        case let e as TensorFileError: return text(e.message)
        case let e as TranscriptError: return text(e.message)
        case let e as Diagnostic: return text(e.text)
        case let e as SafeFileWriter.Problem: return text(e.message)
        default: return "\(error)"
        }
    }
}

// A lesson as read from its Markdown file: front matter, an introduction, and steps whose
// formula blocks produce the step's tensors. Nothing about a particular lesson lives in Swift.

import Engine

struct Lesson {
    struct Input {
        let name: String          // canonical formula-language name
        let expression: String    // default value, formula-language text
        let line: Int
    }

    /// A fenced ```attn block; `loop` is set for ```attn for t = 1:rows(X).
    struct FormulaBlock {
        struct Loop {
            let variable: String
            let from: String
            let to: String
        }
        let source: String
        let line: Int             // line of the block's first statement in the file
        let loop: Loop?
    }

    struct Step {
        var title: String
        var prose: String
        var blocks: [FormulaBlock] = []
        /// Names the learner predicts before they are revealed.
        var exercises: [String] = []
        /// The line each exercise name was declared on, for messages.
        var exerciseLines: [String: Int] = [:]
        var hint: String?
        let line: Int
    }

    let id: String
    var title: String
    let order: Int
    var summary: String
    let inputs: [Input]
    var introduction: String
    var steps: [Step]
    /// Where it was read from, for messages.
    let file: String
    /// The language of the prose (`en`, or the translation's).
    var language = Language.en
}

/// A lesson file that cannot be used, with the place and the reason.
struct LessonError: Error, CustomStringConvertible {
    let file: String
    let line: Int?
    let message: Message
    var description: String { text(in: .en) }

    /// The whole message, the file (and line) first, in `language`.
    func text(in language: Language) -> String {
        let words = language.text(message)
        return line.map { "\(file):\($0): \(words)" } ?? "\(file): \(words)"
    }

    /// The whole message as a message, inside another one (`lesson rnn: …` in a replay).
    var fileMessage: Message { line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
}

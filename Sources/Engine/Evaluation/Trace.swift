// Intermediate values recorded while evaluating: every sub-expression, and the internal
// steps of built-ins (attention's scores, scaled scores, weights and output).

public struct TraceStep: Sendable {
    /// The sub-expression as typed (`h_2^T x_1`), or a built-in's step (`attention: scores = Q K^T`),
    /// kept as a message so that a step's words can be shown in the learner's language.
    public let text: Message
    /// The label in English: what JSON output and the explanations that look steps up use.
    public var label: String { text.english }
    public let value: Tensor
    /// Where in the statement's text, for sub-expressions.
    public let range: SourceRange?
    /// Nesting: 0 for the statement's own expression, deeper for parts and function bodies.
    public let depth: Int
    /// For a gradient's backward step: the chain-rule link it came from (see Derivatives).
    public var chain: ChainLink? = nil

    /// The label in `language` (`attention：分数 = Q K^T`); formulas and names stay as they are.
    public func label(in language: Language) -> String { text.text(in: language) }
}

/// Collects trace steps during one statement.
final class TraceRecorder {
    private(set) var steps: [TraceStep] = []
    var depth = 0
    /// Large evaluations record at most this many steps; the rest are dropped, not the evaluation.
    let capacity = 10_000

    func record(_ label: Message, _ value: Tensor, range: SourceRange? = nil, chain: ChainLink? = nil) {
        guard steps.count < capacity else { return }
        steps.append(TraceStep(text: label, value: value, range: range, depth: depth, chain: chain))
    }

    /// A sub-expression's step: its text as typed, the same in every language.
    func record(source: String, _ value: Tensor, range: SourceRange?) {
        guard steps.count < capacity else { return }
        record(Message(verbatim: source), value, range: range)
    }
}

// The table of built-in functions: the one place that names them, with arity and help text.

/// The arguments of one built-in call and where to record its internal steps.
public struct BuiltinCall {
    public let arguments: [Tensor]
    public let float: Bool
    let recorder: TraceRecorder
    let name: String

    subscript(_ i: Int) -> Tensor { arguments[i] }
    var count: Int { arguments.count }

    /// Records an internal step, shown in traces as `attention: scores = Q K^T`.
    func record(_ label: Message, _ value: Tensor) {
        recorder.record("\(name): \(label)", value)
    }

    func integer(_ i: Int, _ what: Message) throws -> Int {
        try Evaluator.integer(arguments[i], "\(name)'s \(what)")
    }
}

public struct Builtin: Sendable {
    public let name: String
    public let arity: ClosedRange<Int>
    /// `attention(Q, K, V[, M])`
    public let signature: String
    public let summary: String
    let implementation: @Sendable (BuiltinCall) throws -> Tensor

    func run(_ call: BuiltinCall) throws -> Tensor { try implementation(call) }
}

public enum Builtins {
    public static let all: [Builtin] = ElementwiseBuiltins.table + StructureBuiltins.table
        + ReductionBuiltins.table + AttentionBuiltins.table + SequenceBuiltins.table
        + Differentiation.builtins

    private static let byName: [String: Builtin] = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

    public static var names: [String] { all.map(\.name) }

    public static func named(_ name: String) -> Builtin? { byName[name] }
}

extension Builtin {
    init(_ name: String, _ arity: ClosedRange<Int>, _ signature: String, _ summary: String,
         _ implementation: @escaping @Sendable (BuiltinCall) throws -> Tensor) {
        self.init(name: name, arity: arity, signature: signature, summary: summary, implementation: implementation)
    }
}

// Runs programs statement by statement. A statement that fails binds nothing.

public enum StatementOutcome: Sendable {
    /// A bare expression's value.
    case value(Tensor)
    /// `name = expr`.
    case assigned(Name, Tensor)
    /// `f(a, b) = expr`.
    case defined(UserFunction)

    /// The tensor the statement produced, if any.
    public var tensor: Tensor? {
        switch self {
        case let .value(t), let .assigned(_, t): return t
        case .defined: return nil
        }
    }
}

/// One executed statement: what it was, what it produced and how.
public struct StatementRecord: Sendable {
    public let statement: Statement
    /// The statement's own text.
    public let text: String
    public let outcome: StatementOutcome
    public let trace: [TraceStep]
}

/// A failure, with the text its range refers to (for a caret line).
public struct ProgramError: Error, Sendable {
    public let diagnostic: Diagnostic
    public let source: SourceText

    public init(diagnostic: Diagnostic, source: SourceText) {
        self.diagnostic = diagnostic
        self.source = source
    }
}

public struct Interpreter: Sendable {
    public var environment = Environment()
    /// Compute in IEEE double instead of exactly.
    public var float = false
    /// The significant digits a shown statement's value is proved to before the statement
    /// succeeds (SPEC §4: digits or an error); nil when nothing will be printed.
    public var digits: Int? = 6
    /// Also prove the trace's values (they are printed too).
    public var certifiesTrace = false

    public init() {}

    /// Parses and runs a whole program, stopping at the first failing statement.
    /// Statements before it keep their effects; the failing one changes nothing.
    public mutating func run(_ program: String) -> (records: [StatementRecord], error: ProgramError?) {
        let source = SourceText(program)
        switch Parser.parse(program) {
        case let .failure(d): return ([], ProgramError(diagnostic: d, source: source))
        case .incomplete:
            return ([], ProgramError(diagnostic: Diagnostic("the input ended early (an open bracket or a missing operand)",
                                                           at: SourceRange(source.scalars.count, source.scalars.count)),
                                     source: source))
        case let .complete(statements):
            var records: [StatementRecord] = []
            for s in statements {
                do {
                    // Ctrl-C between two cheap statements stops the rest (a loop's passes too).
                    try Interrupt.check()
                    records.append(try execute(s, in: source))
                } catch let d as Diagnostic {
                    return (records, ProgramError(diagnostic: d, source: source))
                } catch {
                    return (records, ProgramError(diagnostic: Diagnostic("\(error)"), source: source))
                }
            }
            return (records, nil)
        }
    }

    /// Runs one parsed statement of `source`.
    public mutating func execute(_ statement: Statement, in source: SourceText) throws -> StatementRecord {
        Interrupt.beginStatement()
        let recorder = TraceRecorder()
        let evaluator = Evaluator(environment: environment, float: float, recorder: recorder, source: source)
        let outcome: StatementOutcome
        switch statement.kind {
        case let .expression(e):
            let value = try evaluator.evaluate(e)
            try certify(value, recorder.steps, of: statement)
            outcome = .value(value)
        case let .assignment(name, e):
            if Builtins.named(name.canonical) != nil {
                // Shadowing a built-in would make it uncallable for the rest of the session.
                throw Diagnostic("\(name) is a built-in function and cannot be assigned", at: statement.range)
            }
            let value = try evaluator.evaluate(e)
            try certify(value, recorder.steps, of: statement)
            environment.bind(name, value)
            outcome = .assigned(name, value)
        case let .function(name, parameters, body):
            guard Builtins.named(name.canonical) == nil else {
                throw Diagnostic("\(name) is a built-in function and cannot be redefined", at: statement.range)
            }
            let f = UserFunction(name: name, parameters: parameters, body: body, source: source)
            environment.define(f)
            outcome = .defined(f)
        }
        return StatementRecord(statement: statement, text: source[statement.range], outcome: outcome, trace: recorder.steps)
    }

    /// Proves the digits a statement will show, before it binds anything; the error points at the statement.
    private func certify(_ value: Tensor, _ trace: [TraceStep], of statement: Statement) throws {
        guard let digits, !statement.silent else { return }
        do {
            try value.certifyDigits(digits)
            if certifiesTrace { for step in trace { try step.value.certifyDigits(digits) } }
        } catch var d as Diagnostic {
            if d.range == nil { d.range = statement.range }
            throw d
        }
    }

    /// Evaluates a single expression given as text (a `--set` value or a lesson input).
    public func evaluateExpression(_ text: String) throws -> Tensor {
        let source = SourceText(text)
        switch Parser.parseExpression(text) {
        case let .complete(statements):
            guard statements.count == 1, case let .expression(e) = statements[0].kind else {
                throw ProgramError(diagnostic: Diagnostic("expected one expression"), source: source)
            }
            do {
                return try Evaluator(environment: environment, float: float, recorder: TraceRecorder(), source: source).evaluate(e)
            } catch let d as Diagnostic {
                throw ProgramError(diagnostic: d, source: source)
            }
        case let .failure(d): throw ProgramError(diagnostic: d, source: source)
        case .incomplete: throw ProgramError(diagnostic: Diagnostic("the expression ended early"), source: source)
        }
    }

    /// Binds a value directly (inputs set from outside a program).
    public mutating func bind(_ name: Name, _ value: Tensor) { environment.bind(name, value) }
}

// Loop blocks (a lesson's ```attn for t = 1:rows(X)): the same statements run once per value
// of the variable. Each pass rewrites the block on the real lexer's tokens — the variable's
// own uses become its value (`X[t]` → `X[2]`) and every subscript that mentions it is computed
// with the real parser and evaluator (`h_{t-1}` → `h_1`, `e_{2,t}` → `e_{2,2}`) — and then runs
// like any program, so every pass is recorded with the formulas as they ran.

/// Which pass of a loop a statement ran in: `i = 2`.
public struct LoopPass: Sendable, Equatable, CustomStringConvertible {
    public let variable: Name
    public let value: Int
    public init(variable: Name, value: Int) { self.variable = variable; self.value = value }
    public var description: String { "\(variable) = \(value)" }
}

/// A loop block: `for variable = from:to` over `source`.
public struct LoopBlock: Sendable {
    public let variable: Name
    /// The bounds as written (formula-language expressions).
    public let from: String
    public let to: String
    public let source: String

    public init(variable: Name, from: String, to: String, source: String) {
        self.variable = variable; self.from = from; self.to = to; self.source = source
    }
}

/// The passes all loops of one lesson may run together: a lesson of 200 loops of 10 000 passes
/// is refused at the loop that would go past it, before it runs.
public struct LoopBudget: Sendable {
    public static let passesPerLesson = 10_000
    public let total: Int
    public private(set) var remaining: Int
    public init(passes: Int = LoopBudget.passesPerLesson) { total = passes; remaining = passes }

    mutating func spend(_ passes: Int, on block: LoopBlock) throws {
        guard passes <= remaining else {
            throw Diagnostic("the loop \(block.variable) = \(block.from):\(block.to) has \(passes) passes, and the lesson's loops may run \(total) passes in all (\(total - remaining) already ran)")
        }
        remaining -= passes
    }
}

/// Why a loop stopped: in its bounds (`bound` names which) or in a pass.
public enum LoopFailure: Error, Sendable {
    case bound(String, Diagnostic)
    case tooLong(Diagnostic)
    case pass(ProgramError)
}

extension Interpreter {
    /// Runs every pass of `block`, each statement recorded with its pass. The variable is bound
    /// during the loop and removed after it. Stops at the first failing statement.
    public mutating func run(_ block: LoopBlock, budget: inout LoopBudget)
        -> (records: [(record: StatementRecord, pass: LoopPass)], failure: LoopFailure?) {
        func bound(_ text: String) throws -> Int {
            do {
                let t = try evaluateExpression(text)
                guard let q = t.scalarValue?.rational, let n = q.intValue else {
                    throw LoopFailure.bound(text, Diagnostic("\(text) is not a whole number"))
                }
                return n
            } catch let e as ProgramError {
                throw LoopFailure.bound(text, e.diagnostic)
            }
        }
        let from: Int, to: Int
        do {
            from = try bound(block.from)
            to = try bound(block.to)
        } catch let f as LoopFailure {
            return ([], f)
        } catch {
            return ([], .tooLong(Diagnostic("\(error)")))
        }
        guard from <= to else { return ([], nil) }
        // Bounds near Int.min/Int.max must not overflow the length.
        let (span, overflow) = to.subtractingReportingOverflow(from)
        guard !overflow, span < LoopBudget.passesPerLesson else {
            return ([], .tooLong(Diagnostic("the loop \(block.variable) = \(from):\(to) is too long (at most \(LoopBudget.passesPerLesson) passes)")))
        }
        do {
            try budget.spend(span + 1, on: block)
        } catch let d as Diagnostic {
            return ([], .tooLong(d))
        } catch {
            return ([], .tooLong(Diagnostic("\(error)")))
        }
        var out: [(record: StatementRecord, pass: LoopPass)] = []
        defer { _ = environment.remove(block.variable.canonical) }
        for value in from...to {
            let pass = LoopPass(variable: block.variable, value: value)
            bind(block.variable, Tensor(Rational(value)))
            let text: String
            do {
                text = try LoopSubstitution.apply(block.source, variable: block.variable, value: value)
            } catch let d as Diagnostic {
                return (out, .pass(ProgramError(diagnostic: d, source: SourceText(block.source))))
            } catch {
                return (out, .pass(ProgramError(diagnostic: Diagnostic("\(error)"), source: SourceText(block.source))))
            }
            let (records, error) = run(text)
            out += records.map { ($0, pass) }
            if let error { return (out, .pass(error)) }
        }
        return (out, nil)
    }
}

/// One pass's text: the block with the loop variable's value put in.
public enum LoopSubstitution {
    /// With t = 2: `h_t` → `h_2`, `h_{t-1}` → `h_1`, `e_{i,t}` → `e_{i,2}`, `X[t]` → `X[2]`.
    /// A subscript part that mentions the variable must be a whole number for it. Text the lexer
    /// rejects is returned unchanged, so running it reports the error where it is.
    public static func apply(_ source: String, variable: Name, value: Int) throws -> String {
        var lexer = Lexer(source)
        guard let tokens = try? lexer.tokenize() else { return source }
        let scalars = Array(source.unicodeScalars)
        var out = String.UnicodeScalarView()
        var copied = 0
        for (k, t) in tokens.enumerated() {
            guard case let .name(n) = t.kind else { continue }
            let replacement: String
            if n == variable {
                // A call `t(…)` is not the variable.
                if k + 1 < tokens.count, tokens[k + 1].isSymbol("("), !tokens[k + 1].spaceBefore { continue }
                // `2t` must not become `22`: glue to what came right before in parentheses.
                let glued = k > 0 && tokens[k - 1].range.end == t.range.start && gluesToOperand(tokens[k - 1])
                replacement = (value < 0 || glued) ? "(\(value))" : "\(value)"
            } else if let sub = n.subscriptText, let substituted = try substitutedSubscript(sub, variable: variable, value: value, name: n) {
                replacement = Name(n.base, subscript: substituted).canonical
            } else {
                continue
            }
            out.append(contentsOf: scalars[copied..<t.range.start])
            out.append(contentsOf: replacement.unicodeScalars)
            copied = t.range.end
        }
        out.append(contentsOf: scalars[copied...])
        return String(out)
    }

    /// Does a value written right after this token merge with it (`2t`, `xt`, `)t`)?
    private static func gluesToOperand(_ t: Token) -> Bool {
        switch t.kind {
        case .number, .name, .pi: return true
        case let .symbol(s): return s == ")" || s == "]" || s == "}" || s == "'" || s == "ᵀ"
        default: return false
        }
    }

    /// The subscript with every comma-separated part that mentions the variable computed;
    /// nil when no part mentions it.
    private static func substitutedSubscript(_ text: String, variable: Name, value: Int, name: Name) throws -> String? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var changed = false
        var result: [String] = []
        for part in parts {
            guard mentions(part, variable) else { result.append(part); continue }
            var scope = Interpreter()
            scope.bind(variable, Tensor(Rational(value)))
            let number: Int?
            do {
                number = try scope.evaluateExpression(part).scalarValue?.rational?.intValue
            } catch let e as ProgramError {
                throw Diagnostic("in the subscript of \(name) with \(variable) = \(value): \(e.diagnostic.text)")
            }
            guard let number else {
                throw Diagnostic("the subscript of \(name) is not a whole number of at most 18 digits when \(variable) = \(value)")
            }
            result.append(String(number))
            changed = true
        }
        return changed ? result.joined(separator: ",") : nil
    }

    private static func mentions(_ text: String, _ variable: Name) -> Bool {
        var lexer = Lexer(text)
        guard let tokens = try? lexer.tokenize() else { return false }
        return tokens.contains { $0.kind == .name(variable) }
    }
}

// Evaluates expressions: the meaning of each syntax form, with shape checks and tracing.
#if canImport(Glibc)
import Glibc
#endif

struct Evaluator {
    let environment: Environment
    let float: Bool
    let recorder: TraceRecorder
    /// Parameters of the user function being evaluated, innermost call only.
    var locals: [String: Tensor] = [:]
    var source: SourceText
    var callDepth = 0

    static let maximumCallDepth = 64

    /// Evaluates `e`, attaching the expression's range to any error that has none.
    func evaluate(_ e: Expr) throws -> Tensor {
        do {
            let value = try evaluateUntraced(e)
            try Interrupt.check()
            try value.checkRationalSizes()
            switch e.kind {
            case .number, .group, .pi: break
            default: recorder.record(source: source[e.range], value, range: e.range)
            }
            return value
        } catch var d as Diagnostic {
            if d.range == nil { d.range = e.range }
            throw d
        }
    }

    private func evaluateUntraced(_ e: Expr) throws -> Tensor {
        switch e.kind {
        case let .number(text): return try number(text)
        case .pi: return float ? Tensor(shape: .scalar, float: [Double.pi]) : Tensor(.real(RealNode(.pi)))
        case let .name(n): return try lookUp(n, at: e.range)
        case let .group(inner): return try evaluate(inner)
        case let .unary(op, x):
            let v = try evaluate(x)
            return op == .negate ? try v.negated() : v
        case let .binary(op, a, b):
            return try binary(op, a, b)
        case let .transpose(x, _):
            if case let .name(n) = x.kind, let parts = try splitUnknown(n) {
                // `QK^T` with Q and K defined: the transpose belongs to K alone.
                var value = try lookUp(parts[0], at: x.range)
                for (i, p) in parts.enumerated().dropFirst() {
                    let t = try lookUp(p, at: x.range)
                    value = try Tensor.product(value, i == parts.count - 1 ? t.transposed() : t)
                }
                return value
            }
            return try evaluate(x).transposed()
        case let .call(name, args):
            return try call(name, args, at: e.range)
        case let .index(base, indices):
            return try Indexing.index(try evaluate(base), indices.map(indexArgument))
        case let .bracket(literal):
            return try BracketLiterals.build(literal, evaluate: evaluate)
        case .range:
            throw Diagnostic("a range (a:b or :) can only be used inside index brackets, as in A[:, 1:2]")
        }
    }

    private func number(_ text: String) throws -> Tensor {
        guard let q = Rational(literal: text) else {
            throw Diagnostic("the number \(text.prefix(40)) is too large or malformed")
        }
        return float ? Tensor(shape: .scalar, float: [q.doubleValue]) : Tensor(q)
    }

    private func indexArgument(_ e: Expr) throws -> Indexing.Argument {
        if case let .range(lo, hi) = e.kind {
            guard let lo, let hi else {
                if lo == nil && hi == nil { return .all }
                throw Diagnostic("a range needs both ends, as in 1:3", at: e.range)
            }
            return .range(try integer(lo, "range start"), try integer(hi, "range end"))
        }
        return .single(try integer(e, "index"))
    }

    /// An expression that must be an integer scalar (an index, a size, a count).
    func integer(_ e: Expr, _ what: Message) throws -> Int {
        try Evaluator.integer(try evaluate(e), what, at: e.range)
    }

    static func integer(_ t: Tensor, _ what: Message, at range: SourceRange? = nil) throws -> Int {
        guard let s = t.scalarValue, let q = s.rational, q.isInteger, let n = q.intValue else {
            throw Diagnostic("\(what) must be a whole number, got \(t.shape == .scalar ? "a non-integer" : "a \(t.shape) tensor" as Message)", at: range)
        }
        return n
    }

    // MARK: Operators

    private func binary(_ op: BinaryOperator, _ a: Expr, _ b: Expr) throws -> Tensor {
        let x = try evaluate(a), y = try evaluate(b)
        switch op {
        case .add: return try x + y
        case .subtract: return try x - y
        case .product: return try Tensor.product(x, y)
        case .elementwiseMultiply: return try Tensor.elementwise(x, y, .multiply)
        case .elementwiseDivide: return try Tensor.elementwise(x, y, .divide)
        case .divide:
            guard y.shape == .scalar else {
                throw Diagnostic("cannot divide by a \(y.shape) tensor: / divides by a scalar (use ./ for element-wise division)", at: b.range)
            }
            return try Tensor.elementwise(x, y, .divide)
        case .power:
            guard x.shape == .scalar, y.shape == .scalar else {
                throw Diagnostic("^ raises a scalar to a power; for a \(x.shape == .scalar ? y.shape : x.shape) tensor use .^ (element-wise)")
            }
            return try Tensor.elementwise(x, y, .power)
        case .elementwisePower:
            return try Tensor.elementwise(x, y, .power)
        }
    }

    // MARK: Names

    private func lookUp(_ n: Name, at range: SourceRange) throws -> Tensor {
        let key = n.canonical
        if let v = locals[key] ?? environment.variables[key] { return v }
        if let parts = try splitUnknown(n) {
            var value = try lookUp(parts[0], at: range)
            for p in parts.dropFirst() { value = try Tensor.product(value, try lookUp(p, at: range)) }
            return value
        }
        if environment.functions[key] != nil || Builtins.named(key) != nil {
            throw Diagnostic("\(key) is a function: call it as \(key)(…)", at: range)
        }
        throw Diagnostic("unknown name \(key)\(NameSuggestion.didYouMean(key, among: knownNames))", at: range)
    }

    private var knownNames: [String] { Array(locals.keys) + environment.knownNames }

    /// `QK` → [Q, K] when QK is unknown but Q and K are known (juxtaposition without a space).
    private func splitUnknown(_ n: Name) throws -> [Name]? {
        let key = n.canonical
        guard locals[key] == nil, environment.variables[key] == nil else { return nil }
        let known = Set(locals.keys).union(environment.variables.keys)
        return NameSuggestion.split(n, into: known)
    }

    // MARK: Calls

    private func call(_ name: Name, _ args: [Expr], at range: SourceRange) throws -> Tensor {
        let key = name.canonical
        if let f = environment.functions[key] {
            return try callUser(f, args)
        }
        if Differentiation.names.contains(key) {
            recorder.depth += 1
            defer { recorder.depth -= 1 }
            return try Differentiation.call(key, args, evaluator: self, at: range)
        }
        if let builtin = Builtins.named(key) {
            guard builtin.arity.contains(args.count) else {
                let expected: Message = builtin.arity.lowerBound == builtin.arity.upperBound ? "\(builtin.arity.lowerBound)"
                    : "\(builtin.arity.lowerBound) to \(builtin.arity.upperBound)"
                throw Diagnostic("\(key) takes \(expected) argument\(builtin.arity.upperBound == 1 ? "" : "s") (\(builtin.signature)), got \(args.count)", at: range)
            }
            let values = try args.map(evaluate)
            recorder.depth += 1
            defer { recorder.depth -= 1 }
            return try builtin.run(BuiltinCall(arguments: values, float: float, recorder: recorder, name: key))
        }
        if locals[key] != nil || environment.variables[key] != nil {
            throw Diagnostic("\(key) is a value, not a function (to multiply, write \(key) * (…))", at: range)
        }
        if let fix = PythonHabit.functions[key] {
            throw Diagnostic("unknown function \(key): \(fix)", at: range)
        }
        throw Diagnostic("unknown function \(key)\(NameSuggestion.didYouMean(key, among: Array(environment.functions.keys) + Builtins.names))", at: range)
    }

    private func callUser(_ f: UserFunction, _ args: [Expr]) throws -> Tensor {
        try f.checkCall(argumentCount: args.count, depth: callDepth)
        var inner = self
        inner.locals = [:]
        for (p, a) in zip(f.parameters, args) { inner.locals[p.canonical] = try evaluate(a) }
        inner.source = f.source
        inner.callDepth += 1
        recorder.depth += 1
        defer { recorder.depth -= 1 }
        return try f.naming { try inner.evaluate(f.body) }
    }
}

extension Tensor.Operation {
    public static let power = Tensor.Operation(verb: "raise", exact: { try $0.power($1) }, float: { pow($0, $1) })
}

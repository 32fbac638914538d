// Builds the gradient graph of an expression: the same meaning as the Evaluator gives it,
// but every value is a GradNode that knows how to send a gradient back to what it came from.

final class UseFlag { var used = false }

struct GraphBuilder {
    /// The ordinary evaluator, for parts that are only sizes or indices (`causal(3)`, `X[2]`'s 2).
    let evaluator: Evaluator
    let target: String
    let targetNode: GradNode
    /// The differentiated tensor is a session variable (not a parameter of the current function).
    let targetIsGlobal: Bool
    var locals: [String: GradNode]
    var source: SourceText
    var callDepth = 0
    let flag: UseFlag

    func node(_ e: Expr) throws -> GradNode {
        try Interrupt.check()
        do {
            let n = try build(e)
            try n.value.checkRationalSizes()
            return n
        } catch var d as Diagnostic {
            if d.range == nil && callDepth == 0 { d.range = e.range }
            throw d
        }
    }

    func text(_ e: Expr) -> String { source[e.range] }

    private func build(_ e: Expr) throws -> GradNode {
        let label = text(e)
        switch e.kind {
        case .number, .pi:
            return .constant(try plainEvaluator.evaluate(e), label)
        case let .name(n):
            return try lookUp(n, at: e.range)
        case let .group(inner):
            return try node(inner)
        case let .unary(op, x):
            let a = try node(x)
            return op == .negate ? try GraphOperations.negate(a, label) : a
        case let .binary(op, a, b):
            return try binary(op, a, b, label)
        case let .transpose(x, _):
            if case let .name(n) = x.kind, let parts = splitUnknown(n) {
                // `QK^T` with Q and K defined: the transpose belongs to K alone.
                var value = try lookUp(parts[0])
                for (i, p) in parts.enumerated().dropFirst() {
                    var t = try lookUp(p)
                    if i == parts.count - 1 { t = try GraphOperations.structural([t], p.canonical + "^T") { $0[0].transposed() } }
                    value = try GraphOperations.product(value, t, parts[0...i].map(\.canonical).joined(separator: " "))
                }
                return value
            }
            let a = try node(x)
            return try GraphOperations.structural([a], label) { $0[0].transposed() }
        case let .call(name, args):
            return try call(name, args, label, e)
        case let .index(base, indices):
            let b = try node(base)
            let arguments = try indices.map(indexArgument)
            return try GraphOperations.structural([b], label) { try Indexing.index($0[0], arguments) }
        case let .bracket(literal):
            let items = e.children
            let parts = try items.map(node)
            return try GraphOperations.structural(parts, label) { values in
                var next = 0
                return try BracketLiterals.build(literal) { _ in
                    defer { next += 1 }
                    return values[next]
                }
            }
        case .range:
            throw Diagnostic("a range (a:b or :) can only be used inside index brackets, as in A[:, 1:2]")
        }
    }

    /// The evaluator with this scope's values, for sizes and indices.
    var plainEvaluator: Evaluator {
        var e = evaluator
        e.locals = locals.mapValues(\.value)
        e.source = source
        return e
    }

    private func indexArgument(_ e: Expr) throws -> Indexing.Argument {
        if case let .range(lo, hi) = e.kind {
            guard let lo, let hi else {
                if lo == nil && hi == nil { return .all }
                throw Diagnostic("a range needs both ends, as in 1:3", at: e.range)
            }
            return .range(try plainEvaluator.integer(lo, "range start"), try plainEvaluator.integer(hi, "range end"))
        }
        return .single(try plainEvaluator.integer(e, "index"))
    }

    private func binary(_ op: BinaryOperator, _ a: Expr, _ b: Expr, _ label: String) throws -> GradNode {
        let x = try node(a), y = try node(b)
        switch op {
        case .add: return try GraphOperations.add(x, y, label)
        case .subtract: return try GraphOperations.subtract(x, y, label)
        case .product: return try GraphOperations.product(x, y, label)
        case .elementwiseMultiply: return try GraphOperations.multiply(x, y, label)
        case .elementwiseDivide: return try GraphOperations.divide(x, y, label)
        case .divide:
            guard y.value.shape == .scalar else {
                throw Diagnostic("cannot divide by a \(y.value.shape) tensor: / divides by a scalar (use ./ for element-wise division)", at: b.range)
            }
            return try GraphOperations.divide(x, y, label)
        case .power:
            guard x.value.shape == .scalar, y.value.shape == .scalar else {
                throw Diagnostic("^ raises a scalar to a power; for a \(x.value.shape == .scalar ? y.value.shape : x.value.shape) tensor use .^ (element-wise)")
            }
            return try GraphOperations.power(x, y, label)
        case .elementwisePower:
            return try GraphOperations.power(x, y, label)
        }
    }

    // MARK: Names

    private func lookUp(_ n: Name, at range: SourceRange = SourceRange(0, 0)) throws -> GradNode {
        let key = n.canonical
        if let local = locals[key] {
            if local === targetNode { flag.used = true }
            return local
        }
        if let v = evaluator.environment.variables[key] {
            if key == target && targetIsGlobal { flag.used = true; return targetNode }
            return .constant(v, key)
        }
        if let parts = splitUnknown(n) {
            var value = try lookUp(parts[0])
            for (i, p) in parts.enumerated().dropFirst() {
                value = try GraphOperations.product(value, try lookUp(p), parts[0...i].map(\.canonical).joined(separator: " "))
            }
            return value
        }
        // Unknown names and functions used as values: the evaluator says what is wrong.
        return .constant(try plainEvaluator.evaluate(Expr(.name(n), range)), key)
    }

    private func splitUnknown(_ n: Name) -> [Name]? {
        let key = n.canonical
        guard locals[key] == nil, evaluator.environment.variables[key] == nil else { return nil }
        let known = Set(locals.keys).union(evaluator.environment.variables.keys)
        return NameSuggestion.split(n, into: known)
    }

    // MARK: Calls

    private func call(_ name: Name, _ args: [Expr], _ label: String, _ whole: Expr) throws -> GradNode {
        let key = name.canonical
        if let f = evaluator.environment.functions[key] {
            return try callUser(f, args, label)
        }
        if key == "grad" || key == "jacobian" {
            throw Diagnostic("\(key) inside grad or jacobian is not supported: differentiate once, or assign the inner result to a name first")
        }
        guard let builtin = Builtins.named(key) else {
            return .constant(try plainEvaluator.evaluate(whole), label)
        }
        guard builtin.arity.contains(args.count) else {
            // The evaluator's message names the expected count.
            return .constant(try plainEvaluator.evaluate(whole), label)
        }
        let parts = try args.map(node)
        return try GraphBuiltins(builder: self, name: key, label: label).call(builtin, parts)
    }

    private func callUser(_ f: UserFunction, _ args: [Expr], _ label: String) throws -> GradNode {
        try f.checkCall(argumentCount: args.count, depth: callDepth)
        var inner = self
        inner.locals = [:]
        for (p, a) in zip(f.parameters, args) { inner.locals[p.canonical] = try node(a) }
        inner.source = f.source
        inner.callDepth += 1
        return try f.naming { try inner.node(f.body) }
    }
}

// Reading a statement's own values back out of its trace: the value each sub-expression had
// when the statement ran (names included), so later rebinding cannot change an explanation.

extension Expr {
    /// The direct sub-expressions, in source order.
    public var children: [Expr] {
        switch kind {
        case .number, .name, .pi: return []
        case let .unary(_, x), let .transpose(x, _), let .group(x): return [x]
        case let .binary(_, a, b): return [a, b]
        case let .call(_, args): return args
        case let .index(base, indices): return [base] + indices
        case let .bracket(.commaList(items)): return items
        case let .bracket(.rows(rows)): return Array(rows.joined())
        case let .range(a, b): return [a, b].compactMap { $0 }
        }
    }

    /// The expression without enclosing `( … )` groups.
    public var ungrouped: Expr {
        if case let .group(inner) = kind { return inner.ungrouped }
        return self
    }

    /// Every name the expression reads, in order of first use (function names excluded).
    public var referencedNames: [Name] {
        var seen: Set<Name> = [], order: [Name] = []
        func walk(_ e: Expr) {
            if case let .name(n) = e.kind, seen.insert(n).inserted { order.append(n) }
            e.children.forEach(walk)
        }
        walk(self)
        return order
    }
}

extension StatementRecord {
    /// The value `e` (a sub-expression of this statement) had when the statement ran.
    public func value(of e: Expr) -> Tensor? {
        let e = e.ungrouped
        switch e.kind {
        case let .number(text): return Rational(literal: text).map { Tensor($0) }
        case .pi: return Tensor(.real(RealNode(.pi)))
        default:
            return trace.first { $0.depth == 0 && $0.range == e.range }?.value
        }
    }

    /// The statement's expression (for an assignment, its right-hand side).
    public var expression: Expr? {
        switch statement.kind {
        case let .expression(e), let .assignment(_, e): return e
        case .function: return nil
        }
    }

    /// The names the statement read, with the values they had then.
    public var referencedValues: [(name: Name, value: Tensor)] {
        guard let e = expression else { return [] }
        var result: [(name: Name, value: Tensor)] = []
        func walk(_ e: Expr) {
            if case let .name(n) = e.kind, !result.contains(where: { $0.name == n }), let v = value(of: e) {
                result.append((n, v))
            }
            e.children.forEach(walk)
        }
        walk(e)
        return result
    }
}

// A row of reals shared by the entries of one row of an exact matrix product by rationals
// (see Tensor.sharedTerms): either the row's nodes as they are, or, for a softmax row eⱼ/D,
// its numerators over the one denominator.

enum ProductRow {
    /// Σⱼ cⱼ·xⱼ over the row's nodes xⱼ.
    case plain(SharedRow)
    /// (Σⱼ cⱼ·eⱼ) / D for a row whose entries are eⱼ/D.
    case overCommonDenominator(numerators: SharedRow, denominator: RealNode)

    /// The row as numerators over one denominator when every entry is eⱼ/D with the same D
    /// (the same node, as Softmax builds a row) and plain numerators that are not fractions
    /// themselves (so Σ cⱼ·eⱼ is the sum Scalar.combination would build for them).
    static func overCommonDenominator(_ row: ArraySlice<Scalar>) -> ProductRow? {
        guard case let .real(first) = row.first, first.kind == .quotient,
              case let .quotient(_, denominator) = first.operation else { return nil }
        var numerators: [RealNode] = []
        numerators.reserveCapacity(row.count)
        // Over the buffer, and the weight's parts read in one place: attention has n² weights,
        // and copying each Scalar and each quotient's operation retained three nodes per weight.
        let whole = row.withUnsafeBufferPointer { weights in
            for x in weights {
                guard case let .real(w) = x, let e = w.numerator(over: denominator) else { return false }
                numerators.append(e)
            }
            return true
        }
        guard whole else { return nil }
        return .overCommonDenominator(numerators: SharedRow(numerators), denominator: denominator)
    }

    /// The product's entry for `column`, or nil when the general way must build it (a plain
    /// row against a column with several 1s, whose fractions Scalar.combination would combine).
    func entry(_ column: SharedColumn) -> Scalar? {
        switch self {
        case let .plain(row):
            return column.severalOnes ? nil : .real(RealNode(.sum(SumTerms(row: row, column: column))))
        case let .overCommonDenominator(numerators, denominator):
            let total = RealNode(.sum(SumTerms(row: numerators, column: column)))
            // Σ 1·eⱼ/D over the whole row: D/D.
            if total.isStructurallyEqual(to: denominator) { return .one }
            return .real(RealNode(.quotient(total, denominator)))
        }
    }
}

private extension RealNode {
    /// e when this node is e/d over `denominator` itself, with e a plain term and not a fraction.
    func numerator(over denominator: RealNode) -> RealNode? {
        guard kind == .quotient, case let .quotient(e, d) = operation, d === denominator,
              e.isPlainTerm, e.kind != .quotient else { return nil }
        return e
    }
}

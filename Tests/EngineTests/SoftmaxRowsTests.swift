// An exact softmax whose weights wait until read (SoftmaxRows): whatever reads them must see
// the very values Softmax builds eagerly — same exact forms, structurally equal nodes — and a
// product by rationals must build the same entries without making the weights.
import Testing
@testable import Engine

@Suite("Softmax rows made on demand")
struct SoftmaxRowsTests {
    /// 20 rows of 18 scores: ordinary rows, a row with a score of 0, a row of equal scores, a row
    /// with a score far from 0, and repeated scores within a row.
    static let scores = "S = [rand(16, 18, 3); 0 rand(1, 17, 4); ones(1, 18) / 3; 2^21 rand(1, 17, 5); [1 1 2 2 3 3] / 7 rand(1, 12, 6)]; "

    @Test func weightsAreTheEagerWeights() throws {
        let s = try #require(Run.value(Self.scores + "S"))
        let lazy = try Softmax.apply(s)
        let rows = try #require(lazy.softmaxRows)
        #expect(rows.count == 20 && rows.width == 18)
        for r in 0..<20 {
            let eager = try Softmax.exactRow((0..<18).map { s.scalar(at: r * 18 + $0) }, allowed: nil, row: r)
            for j in 0..<18 {
                let a = lazy.scalar(at: r * 18 + j), b = eager[j]
                #expect(ExactForm.string(a, limit: 100_000) == ExactForm.string(b, limit: 100_000))
                if case let .real(x) = a, case let .real(y) = b {
                    #expect(x.structuralHash == y.structuralHash && x.isStructurallyEqual(to: y))
                }
            }
        }
        // Every element, as the tensor reads them all.
        guard case let .exact(all) = lazy.elements else { Issue.record("exact weights expected"); return }
        #expect(all.count == 360)
        #expect(zip(all, (0..<360).map(lazy.scalar(at:))).allSatisfy { ExactForm.string($0, limit: 100_000) == ExactForm.string($1, limit: 100_000) })
    }

    /// W V from the rows' numerators and denominators is W V from the weights made eagerly.
    @Test func productIsTheProductOfTheMadeWeights() throws {
        let s = try #require(Run.value(Self.scores + "S")), v = try #require(Run.value("V = [rand(17, 3, 7) - 1/2; 1 1 0]; V"))
        let lazy = try Softmax.apply(s)
        #expect(lazy.softmaxRows != nil)
        let fromRows = try Tensor.product(lazy, v)
        guard case let .exact(weights) = lazy.elements else { Issue.record("exact weights expected"); return }
        let fromWeights = try Tensor.product(Tensor(shape: lazy.shape, exact: weights), v)
        for i in 0..<fromRows.count {
            #expect(ExactForm.string(fromRows.scalar(at: i), limit: 100_000) == ExactForm.string(fromWeights.scalar(at: i), limit: 100_000))
        }
        #expect(CellText.cells(fromRows, digits: 30).map(\.decimal) == CellText.cells(fromWeights, digits: 30).map(\.decimal))
    }

    /// A softmax row hashes its exponentials without making them: the hash must be the one
    /// the made node has, or sums over lazy and made rows would not find each other equal.
    @Test(arguments: ["1/3", "-7/40000", "12345678901234567890/7", "2^70/3"])
    func exponentialHashWithoutTheNode(q: String) throws {
        let value = try #require(Run.value(q).flatMap(\.scalarValue?.rational))
        let made = RealNode(.function(.exp, RealNode(.constant(value))))
        #expect(RealNode.hashOfExponential(of: value) == made.structuralHash)
        let row = SharedRow(exponentialsOf: [value, Rational(1, 2)])
        #expect(row.structuralHash(0) == made.structuralHash && row.structuralHash(1) == row.node(1).structuralHash)
    }

    /// Masked softmax, vectors and short rows are built as before.
    @Test func onlyLongUnmaskedMatricesWait() throws {
        #expect(try Softmax.apply(#require(Run.value("rand(3, 10, 1)"))).softmaxRows == nil)
        #expect(try Softmax.apply(#require(Run.value("rand(30, 1, 1)"))).softmaxRows == nil)
        let s = try #require(Run.value("rand(20, 20, 1)"))
        #expect(try Softmax.apply(s, mask: Array(repeating: true, count: 400)).softmaxRows == nil)
        // Real scores (√5 is not rational): no row can wait, so every row is built the usual way.
        #expect(try Softmax.apply(#require(Run.value("rand(20, 20, 1) / sqrt(5)"))).softmaxRows == nil)
    }
}

@Suite("Exact attention's graph")
struct AttentionGraphTests {
    /// 48×16 attention: the output holds per value a sum and a quotient, per row a denominator
    /// and the few exponentials hashing made — not the 3·48² nodes of an eager softmax.
    @Test func holdsNoNodePerWeight() throws {
        let t = try #require(Run.value("X = rand(48, 16, 2); attention(X, X, X)"))
        try t.certifyDigits(50)
        let nodes = t.graphSize
        #expect(nodes >= 2 * 48 * 16 + 48)
        #expect(nodes < 2 * 48 * 16 + 48 + 48 * 2 * 24)
        // Reading the weights makes them: the trace's weights tensor holds all its nodes.
        let w = try #require(Run.value("X = rand(48, 16, 2); softmax(X X^T / 4)"))
        #expect(w.graphSize >= 3 * 48 * 48 / 2)
    }
}

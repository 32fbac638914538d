// Property tests of exact laws over random rational inputs.
import Testing
@testable import Engine

@Suite("Exact laws")
struct ExactLawTests {
    @Test(arguments: 0..<40)
    func softmaxSumsToExactlyOne(_ seed: Int) {
        var g = RandomPrograms(seed: seed)
        let x = g.vector(g.size(1...6))
        #expect(Run.exact("sum(softmax(\(x)))") == ["1"], "\(x)")
    }

    /// Like terms cancel: a difference of equal real expressions is exactly 0, not ≈ 0.
    @Test(arguments: 0..<20)
    func likeTermsCombineExactly(_ seed: Int) {
        var g = RandomPrograms(seed: 300 + seed)
        let x = g.vector(g.size(1...4))
        #expect(Run.exact("y = tanh(\(x)); sum(y - y)") == ["0"], "\(x)")
        #expect(Run.exact("y = softmax(\(x)); 3 y - 2 y - y") == Array(repeating: "0", count: Run.exact("\(x)").count), "\(x)")
        #expect(Run.exact("y = exp(\(x)); 2 y - y") == Run.exact("exp(\(x))"), "\(x)")
    }

    /// Each row of a layer norm has mean exactly 0, also when the input is itself real (the
    /// transformer lesson's X_pe + Z): the fractions (xⱼ − μ)/σ cancel as linear forms.
    @Test(arguments: 0..<15)
    func layerNormRowsHaveMeanExactlyZero(_ seed: Int) {
        var g = RandomPrograms(seed: 400 + seed)
        let n = g.size(1...3), d = g.size(2...5)
        let m = g.matrix(n, d)
        for input in [m, "tanh(\(m))", "softmax(\(m)) + \(m)"] {
            let means = Run.exact("H = layernorm(\(input)); H ones(cols(H), 1) / cols(H)")
            #expect(means == Array(repeating: "0", count: n), "\(input): \(means)")
        }
    }

    @Test(arguments: 0..<20)
    func softmaxRowsOfAMatrixSumToOne(_ seed: Int) {
        var g = RandomPrograms(seed: 100 + seed)
        let m = g.matrix(g.size(1...4), g.size(2...4))   // one column would be a vector
        let sums = Run.exact("S = softmax(\(m)); S ones(cols(S))")
        #expect(sums.allSatisfy { $0 == "1" }, "\(m): \(sums)")
    }

    @Test(arguments: 0..<15)
    func multiheadWithOneHeadIsAttentionOfTheProjections(_ seed: Int) {
        var g = RandomPrograms(seed: 200 + seed)
        let n = g.size(1...4), d = g.size(1...3), k = g.size(1...3), o = g.size(1...3)
        let setup = "X = \(g.matrix(n, d)); W_Q = \(g.matrix(d, k)); W_K = \(g.matrix(d, k)); W_V = \(g.matrix(d, k)); W_O = \(g.matrix(k, o)); "
        let a = Run.decimals(setup + "multihead(X, W_Q, W_K, W_V, W_O, 1)", digits: 30)
        let b = Run.decimals(setup + "attention(X W_Q, X W_K, X W_V) W_O", digits: 30)
        #expect(!a.isEmpty && a == b, "\(setup)\n\(a)\n\(b)")
    }

    @Test(arguments: 0..<15)
    func causalAttentionHasExactZerosAboveTheDiagonal(_ seed: Int) {
        var g = RandomPrograms(seed: 300 + seed)
        let n = g.size(1...5), d = g.size(1...3)
        var interpreter = Interpreter()
        let (records, error) = interpreter.run("Q = \(g.matrix(n, d)); K = \(g.matrix(n, d)); V = eye(\(n)); attention(Q, K, V, causal(\(n)))")
        #expect(error == nil)
        guard let weights = records.last?.outcome.tensor else { return }
        for i in 0..<n {
            for j in 0..<n where j > i { #expect(weights.scalar(at: i * n + j).rational == .zero) }
            #expect(Scalar.sum((0..<n).map { weights.scalar(at: i * n + $0) }).rational == .one)
        }
        #expect(weights.scalar(at: 0).rational == .one)     // the first query sees only itself
    }

    @Test(arguments: 0..<30)
    func divisionUndoesMultiplication(_ seed: Int) {
        var g = RandomPrograms(seed: 400 + seed)
        let a = g.number(), b = g.number()
        guard Run.exact("\(b)") != ["0"] else { return }
        #expect(Run.exact("((\(a)) / (\(b))) * (\(b))") == Run.exact("\(a)"))
    }

    @Test(arguments: 0..<20)
    func transposeOfAProductReversesIt(_ seed: Int) {
        var g = RandomPrograms(seed: 500 + seed)
        let (m, k, n) = (g.size(1...4), g.size(1...4), g.size(1...4))
        let setup = "A = \(g.matrix(m, k)); B = \(g.matrix(k, n)); "
        #expect(Run.exact(setup + "(A B)^T") == Run.exact(setup + "B^T A^T"))
    }
}

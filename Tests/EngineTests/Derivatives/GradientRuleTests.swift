// grad and jacobian: exact rational results, the laws every derivative obeys, conventions at
// kinks, and the errors a learner meets.
import Testing
@testable import Engine

@Suite("Gradient rules")
struct GradientRuleTests {
    let inputs = "W = [1/2 -2 3; 0 5/3 -1]; x = [2, -1/3, 4]; y = [1, 0, -2]; "

    @Test func squaredProductIsExactlyTwoWxxT() {
        let grad = Run.exact(inputs + "grad(sum((W x).^2), W)")
        let formula = Run.exact(inputs + "2 (W x) x^T")
        #expect(grad == formula)
        #expect(grad.allSatisfy { $0 != nil && !$0!.contains("≈") })
    }

    @Test func gradientOfASumIsTheSumOfGradients() {
        let pairs = [("sum(tanh(W x))", "sum(exp(W y))"), ("sum((W x).^3)", "norm(W)"), ("dot(softmax(W x), [1, 2])", "sum(sigmoid(W))")]
        for (f, g) in pairs {
            let together = Run.decimals(inputs + "grad(\(f) + \(g), W)", digits: 30)
            let apart = Run.decimals(inputs + "grad(\(f), W) + grad(\(g), W)", digits: 30)
            #expect(together == apart, "\(f) + \(g)")
            #expect(!together.isEmpty)
        }
    }

    @Test func gradientOfALinearFunctionIsConstant() {
        // ∂(sum(A W x) + c^T vec)/∂W = Aᵀ 1 xᵀ, whatever W is.
        let first = Run.exact(inputs + "A = [1 2; -3 1/2]; grad(sum(A W x) + 7, W)")
        let second = Run.exact("W = [9 9 9; -4 1 0]; x = [2, -1/3, 4]; A = [1 2; -3 1/2]; grad(sum(A W x) + 7, W)")
        #expect(first == second)
        #expect(first == Run.exact(inputs + "A = [1 2; -3 1/2]; A^T [1, 1] x^T"))
    }

    @Test func jacobianRowsAreOutputsAndColumnsAreInputsRowMajor() {
        guard let j = Run.value(inputs + "jacobian(W x, W)") else { return }
        #expect(j.shape == .matrix(2, 6))
        // ∂(W x)_1/∂W[1, k] = x_k; ∂(W x)_1/∂W[2, k] = 0.
        #expect(Run.exact(inputs + "jacobian(W x, W)") == ["2", "-1/3", "4", "0", "0", "0", "0", "0", "0", "2", "-1/3", "4"])
        #expect(Run.exact(inputs + "jacobian(W x, x)") == Run.exact(inputs + "W"))
    }

    @Test func softmaxJacobianIsDiagMinusOuterProduct() {
        let jac = Run.decimals("s = [1, 2, 3]; jacobian(softmax(s), s)", digits: 25)
        let formula = Run.decimals("s = [1, 2, 3]; a = softmax(s); [a[1] 0 0; 0 a[2] 0; 0 0 a[3]] - a a^T", digits: 25)
        #expect(jac == formula)
    }

    @Test func maskedWeightsGetNoGradient() {
        // Row 1 attends only to position 1: its score for positions 2 and 3 cannot matter.
        let program = "Q = [1 2; 0 1; 1 1]; K = [1 0; 2 1; -1 3]; V = [1 2; 3 4; 5 6]; "
            + "grad(sum(attention(Q, K, V, causal(3)) .* [1 2; 3 4; 5 6]), K)"
        guard let g = Run.value(program) else { return }
        // K row 3 is seen only by query 3; with the mask, queries 1 and 2 add nothing for it.
        let unmasked = "Q = [1 2; 0 1; 1 1]; K = [1 0; 2 1; -1 3]; V = [1 2; 3 4; 5 6]; "
            + "grad(sum(attention(Q[3], K, V) .* [5, 6]), K)"
        guard let only3 = Run.value(unmasked) else { return }
        for i in 4..<6 {
            #expect(DecimalFormat.string(g.scalar(at: i), digits: 20) == DecimalFormat.string(only3.scalar(at: i), digits: 20))
        }
    }

    @Test func kinksUseTheSubgradientZero() {
        // relu'(0) = 0 and abs'(0) = 0 (PyTorch's convention); away from 0 the usual slopes.
        #expect(Run.exact("x = [0, 2, -3]; grad(sum(relu(x)), x)") == ["0", "1", "0"])
        #expect(Run.exact("x = [0, 2, -3]; grad(sum(abs(x)), x)") == ["0", "1", "-1"])
    }

    @Test func pointsWithoutADerivativeAreErrors() {
        #expect(Run.error("x = [0, 4]; grad(sum(sqrt(x)), x)")?.contains("sqrt has no derivative at 0") == true)
        #expect(Run.error("x = [0, 4]; grad(norm(x - x), x)")?.contains("zero vector") == true)
        #expect(Run.error("x = [0, 4]; grad(sum(x.^(1/3)), x)")?.contains("no derivative at x = 0") == true)
        #expect(Run.error("x = [-1, 2]; grad(sum(x .^ x), x)")?.contains("needs every x > 0") == true)
        // A differentiated exponent over a positive base is fine: d(2^x)/dx = 2^x log 2.
        #expect(Run.decimals("x = [-1, 2]; grad(sum(2 .^ x), x)", digits: 20) == Run.decimals("[log(2)/2, 4*log(2)]", digits: 20))
    }

    @Test func errorsNameTheProblem() {
        #expect(Run.error(inputs + "grad(W x, W)")?.contains("grad needs a scalar expression, and this one is 2-vector") == true)
        #expect(Run.error(inputs + "grad(sum(x), W)")?.contains("does not use W") == true)
        #expect(Run.error(inputs + "grad(sum(x), Z)")?.contains("unknown name Z") == true)
        #expect(Run.error(inputs + "grad(sum(x), 2 x)")?.contains("name of a tensor") == true)
        #expect(Run.error(inputs + "grad(sum(x))")?.contains("takes 2 arguments") == true)
        #expect(Run.error(inputs + "grad(grad(sum(x.^2), x)[1], x)")?.contains("not supported") == true)
    }

    @Test func aUsedNameWithZeroGradientIsFine() {
        #expect(Run.exact(inputs + "grad(rows(W) + sum(x), W)") == ["0", "0", "0", "0", "0", "0"])
    }

    @Test func functionParametersCanBeDifferentiated() {
        let program = inputs + "g(V) = grad(sum((V x).^2), V); g(W)"
        #expect(Run.exact(program) == Run.exact(inputs + "2 (W x) x^T"))
        let through = inputs + "f(A) = sum(A.^2); grad(f(W x), W)"
        #expect(Run.exact(through) == Run.exact(inputs + "2 (W x) x^T"))
    }

    @Test func scalingByNoSqrtDkSaturatesTheSoftmax() {
        // Scores ten times larger: the softmax is nearly one-hot, its Jacobian nearly 0.
        let small = Run.value("s = [1, 2, 3]; jacobian(softmax(s), s)")
        let large = Run.value("s = [10, 20, 30]; jacobian(softmax(s), s)")
        guard let small, let large else { return }
        #expect(small.scalar(at: 0).approximateDouble > 0.08)
        #expect(Swift.abs(large.scalar(at: 0).approximateDouble) < 1e-4)
    }

    @Test func traceListsTheBackwardValuesInOrder() {
        var interpreter = Interpreter()
        let (records, error) = interpreter.run(inputs + "G = grad(sum((W x).^2), W)")
        #expect(error == nil)
        let steps = records.last?.trace.filter { $0.label.hasPrefix("grad: ") }.map(\.label) ?? []
        #expect(steps.first == "grad: L = sum((W x).^2)")
        #expect(steps.dropFirst().first == "grad: ∂L/∂(sum((W x).^2))")
        let order = ["grad: ∂L/∂((W x).^2)", "grad: ∂L/∂(W x)", "grad: ∂L/∂(W)"].map { steps.firstIndex(of: $0) }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        // ∂L/∂(W x) = 2 W x.
        let wx = records.last?.trace.first { $0.label == "grad: ∂L/∂(W x)" }?.value
        let exact = wx.map { t in (0..<t.count).map { ExactForm.string(t.scalar(at: $0)) } }
        #expect(exact == Run.exact(inputs + "2 W x"))
    }
}

@Suite("Gradient graphs of long sequences")
struct LongGradientGraphTests {
    /// An rnn over thousands of steps is a chain of tens of thousands of graph nodes: freeing it
    /// must not recurse once per node (that overflowed the stack), and the gradient is still right.
    @Test func aLongRecurrenceIsDifferentiatedAndFreed() {
        // 20,000 steps overflowed the stack when a graph was freed recursively.
        let long = "X = rand(20000, 2, 1); W = rand(2, 2, 2); U = rand(2, 2, 3); b = [0.1, 0.2]; "
        guard let g = Run.value(long + "grad(sum(rnn(X, W, U, b)), b)", float: true) else { return }
        #expect(g.floatElements.allSatisfy { $0.isFinite })
        let program = "X = rand(6000, 2, 1); W = rand(2, 2, 2); U = rand(2, 2, 3); b = [0.1, 0.2]; "
        guard let gx = Run.value(program + "grad(sum(rnn(X, W, U, b)), X)", float: true) else { return }
        #expect(g.shape == .vector(2))
        #expect(gx.shape == .matrix(6000, 2))
        // The last input row only reaches the last state: ∂/∂x_T = W_xhᵀ (1 − h_T²).
        guard let last = Run.value(program + "h = rnn(X, W, U, b)[6000]; U^T (1 - h .* h)", float: true) else { return }
        for k in 0..<2 { #expect(abs(gx.floatElements[5999 * 2 + k] - last.floatElements[k]) < 1e-12) }
    }
}

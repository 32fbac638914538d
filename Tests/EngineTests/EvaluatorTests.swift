// Names, functions, errors and atomic statements.
import Testing
@testable import Engine

@Suite("Evaluator")
struct EvaluatorTests {
    @Test func namesAreCanonical() {
        #expect(Run.exact("W_{Q} = 2; W_Q + 1") == ["3"])
        #expect(Run.exact("\\alpha = 3; 2 \\alpha + α - alpha") == ["6"])
        #expect(Run.exact("h_{2} = 5; h_2") == ["5"])
    }

    @Test func pastedAttentionFunctionWorks() {
        let program = "Attention(Q, K, V) = softmax(\\frac{QK^T}{\\sqrt{d_k}})V; d_k = 2; A = [1 0; 0 1]; Attention(A, A, A)"
        let builtin = "A = [1 0; 0 1]; attention(A, A, A)"
        #expect(Run.decimals(program, digits: 20) == Run.decimals(builtin, digits: 20))
    }

    @Test func functionsSeeGlobalsAtCallTime() {
        #expect(Run.exact("f(x) = x + c; c = 10; f(1)") == ["11"])
        #expect(Run.exact("g(M) = M M^T; g([1 2])") == ["5"])
        #expect(Run.error("f(x) = f(x); f(1)")?.contains("nested more than") == true)
        // Each function is named once in the message, not once per level of recursion.
        #expect(Run.error("f(x) = f(x); f(1)")?.components(separatedBy: "in f:").count == 2)
        #expect(Run.error("g(x) = h(x); h(x) = g(x); g(1)")?.hasPrefix("in g: in h: functions nested") == true)
        #expect(Run.error("f(x, y) = x; f(1)")?.contains("takes 2 arguments") == true)
    }

    @Test func unknownNamesSuggestNearMisses() {
        #expect(Run.error("W_K = 1; W_k") == "unknown name W_k (did you mean W_K?)")
        #expect(Run.error("softmx([1, 2])") == "unknown function softmx (did you mean softmax?)")
        #expect(Run.error("zzz") == "unknown name zzz")
        #expect(Run.error("x = 1; x(2)")?.contains("is a value, not a function") == true)
        #expect(Run.error("exp")?.contains("is a function") == true)
    }

    @Test func arityErrorsShowTheSignature() {
        #expect(Run.error("attention([1 2])") == "attention takes 3 to 4 arguments (attention(Q, K, V[, M])), got 1")
    }

    @Test func aFailedStatementBindsNothing() {
        var interpreter = Interpreter()
        _ = interpreter.run("x = 1")
        let (_, error) = interpreter.run("x = [1 2] * [3 4]")
        #expect(error != nil)
        #expect(interpreter.environment.variables["x"]?.scalarValue?.rational == .one)
        #expect(interpreter.run("exp = 3").error?.diagnostic.message.contains("built-in") == true)
    }

    @Test func requestsBeyondTheLimitsAreRefused() {
        #expect(Run.error("zeros(100000, 100000)")?.contains("too large") == true)
        #expect(Run.error("2^100000000") != nil)
        #expect(Run.error("ones(2000, 2000) * ones(2000, 2000)")?.contains("too much work") == true)
        #expect(Run.error("rand(100000, 100000, 1)")?.contains("too large") == true)
        #expect(Run.error("ones(100000, 100000)")?.contains("too large") == true)
        #expect(Run.error("eye(100000)")?.contains("too large") == true)
        #expect(Run.error("causal(100000)")?.contains("too large") == true)
        #expect(Run.error("posenc(100000, 100000)")?.contains("too large") == true)
        #expect(Run.error("x = 3/7; x = x^1000000")?.contains("bits") == true)
        #expect(Run.error("2^(10^30)")?.contains("too large") == true)
        // An outer product's result counts too, exact or float.
        #expect(Run.error("ones(3000) * ones(3000)^T")?.contains("too large") == true)
        var float = Interpreter()
        float.float = true
        #expect(float.run("ones(3000) * ones(3000)^T").error == nil)
        #expect(float.run("ones(5000) * ones(5000)^T").error?.diagnostic.message.contains("too large") == true)
    }

    @Test func repeatedSquaringStopsAtTheBitLimit() {
        var interpreter = Interpreter()
        _ = interpreter.run("x = 3/7")
        var failure: String? = nil
        for _ in 0..<40 where failure == nil {
            failure = interpreter.run("x = x*x").error?.diagnostic.message
        }
        #expect(failure?.contains("--float") == true)
        // The failing statement bound nothing: x is still at most the limit.
        #expect((interpreter.environment.variables["x"]?.scalarValue?.rational?.bitSize ?? 0) <= Limits.maximumRationalBits)
        #expect(Run.error("x = 3/7; y = [x, x]; y = y .* y; y = y .* y") == nil)
    }

    @Test func traceRecordsSubexpressionsAndBuiltinSteps() {
        var interpreter = Interpreter()
        let (records, _) = interpreter.run("Q = [1 0; 0 1]; attention(Q, Q, Q, causal(2))")
        let labels = records.last?.trace.map(\.label) ?? []
        #expect(labels.contains("Q"))
        #expect(labels.contains("causal(2)"))
        #expect(labels.contains("attention: weights = softmax(scaled)"))
        let weights = records.last?.trace.first { $0.label == "attention: weights = softmax(scaled)" }?.value
        #expect(weights?.scalar(at: 1).rational == .zero)
        #expect(weights?.scalar(at: 0).rational == .one)
    }

    @Test func builtinConventions() {
        #expect(Run.exact("causal(3)") == ["1", "0", "0", "1", "1", "0", "1", "1", "1"])
        #expect(Run.exact("posenc(2, 2)")[0...1] == ["0", "1"])
        #expect(Run.exact("softmax([7/3, 7/3, 7/3])") == ["1/3", "1/3", "1/3"])
        #expect(Run.exact("layernorm([1 1 1], 0.001)") == ["0", "0", "0"])
        #expect(Run.exact("argmax([3, 9, 2])") == ["2"])
        #expect(Run.exact("max([3, 9, 2]) + min([3, 9, 2])") == ["11"])
        #expect(Run.exact("mean([1, 2, 3, 4])") == ["5/2"])
        #expect(Run.exact("norm([3, 4])") == ["5"])
        #expect(Run.exact("dot([1, 2], [3, 4])") == ["11"])
        #expect(Run.exact("shape(zeros(2, 3))") == ["2", "3"])
        #expect(Run.exact("rows([1 2; 3 4; 5 6]) + cols([1 2; 3 4; 5 6])") == ["5"])
        #expect(Run.exact("eye(2)") == ["1", "0", "0", "1"])
        #expect(Run.exact("relu([-1, 2])") == ["0", "2"])
        #expect(Run.exact("abs([-1, 2])") == ["1", "2"])
        #expect(Run.exact("vcat([1, 2], [3])") == ["1", "2", "3"])
        #expect(Run.exact("hcat([1, 2], [3, 4])") == ["1", "3", "2", "4"])
        #expect(Run.exact("rand(2, 2, 1)") == Run.exact("rand(2, 2, 1)"))
        #expect(Run.exact("rand(1, 3, 1)") != Run.exact("rand(1, 3, 2)"))
        #expect(Run.exact("sigmoid(0)") == ["1/2"])
    }

    @Test func rnnMatchesItsDefinitionStepByStep() {
        let setup = "X = [1 0; 0 1]; W_hh = [1/2 0; 0 1/2]; W_xh = eye(2); b_h = [0, 0]; "
        let h1 = "h_1 = tanh(W_hh [0, 0] + W_xh X[1] + b_h); "
        let h2 = h1 + "h_2 = tanh(W_hh h_1 + W_xh X[2] + b_h); h_2"
        let viaBuiltin = Run.decimals(setup + "rnn(X, W_hh, W_xh, b_h)[2]", digits: 25)
        #expect(viaBuiltin == Run.decimals(setup + h2, digits: 25))
    }

    @Test func multiheadHeadsUseTheirOwnColumns() {
        let setup = "X = [1 0; 0 1; 1 1]; W_Q = [1 0 0 1; 0 1 1 0]; W_K = [1 1 0 0; 0 0 1 1]; W_V = eye(4)[1:2, :]; W_O = eye(4); "
        let two = Run.decimals(setup + "multihead(X, W_Q, W_K, W_V, W_O, 2)", digits: 20)
        let byHand = Run.decimals(setup + "Q = X W_Q; K = X W_K; V = X W_V; hcat(attention(Q[:, 1:2], K[:, 1:2], V[:, 1:2]), attention(Q[:, 3:4], K[:, 3:4], V[:, 3:4])) W_O", digits: 20)
        #expect(two == byHand)
        #expect(Run.error(setup + "multihead(X, W_Q, W_K, W_V, W_O, 3)")?.contains("do not split into 3 equal heads") == true)
    }
}

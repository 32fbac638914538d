// `:why` on a gradient cell and `--trace` on a gradient, end to end through the binary.
import Foundation
import Testing
@testable import AttnREPL

@Suite("Gradients in :why and --trace")
struct GradientWhyTests {
    func session(_ lines: String...) throws -> RunResult {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("why-grad-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        return try BinaryRunner.run([], stdin: lines.joined(separator: "\n") + "\n", environment: ["XDG_STATE_HOME": state.path])
    }

    @Test func aGradientCellIsExplainedThroughTheChainRule() throws {
        let r = try session("W = [1 2; 3 4]", "x = [1, -1]", "G = grad(sum((W x).^2), W)", ":why G[1, 2]")
        // The entry from the value computed directly from W, with the numbers substituted.
        #expect(r.stdout.contains("G[1, 2] = ∂L/∂W[1, 2] = Σₖ ∂L/∂(W x)[1, k]·x[2, k] = (-2)·(-1) = 2"), "\(r.stdout)")
        // Then every level from L down to W, each with its rule and value.
        #expect(r.stdout.contains("∂L/∂L = 1"))
        #expect(r.stdout.contains("∂L/∂((W x).^2) = ∂L/∂(sum((W x).^2)) = [1, 1]"))
        #expect(r.stdout.contains("∂L/∂(W x) = ∂L/∂((W x).^2) ⊙ p (W x).^(p - 1), p = 2 = [-2, -2]"))
        #expect(r.stdout.contains("∂L/∂(W) = ∂L/∂(W x) (x)ᵀ = [-2 2; -2 2]"))
    }

    /// The screen draws each response line as one row: the chain rule is one line per level,
    /// never one line with breaks inside (the screen shows a break inside a line as ␊).
    @Test func theChainRuleIsOneResponseLinePerLevel() throws {
        let state = try MultiInputTests.lessonState("training")
        let r = MultiInputTests.screenResponse(state, ":why G_Q[1, 1]")
        #expect(r.errors.isEmpty, "\(r.errors)")
        #expect(r.lines.contains("  ∂L/∂L = 1   (where the backward pass starts)"), "\(r.lines)")
        #expect(!r.lines.contains { $0.contains("\n") }, "\(r.lines)")
    }

    @Test func attentionGradientCellsSumOverTheQueryProjection() throws {
        let r = try session("X = [1 0; 0 2]", "W_Q = [1 0; 0 1]", "G = grad(sum(attention(X W_Q, X, X) .* [1 0; 0 1]), W_Q)", ":why G[2, 1]")
        #expect(r.stdout.contains("G[2, 1] = ∂L/∂W_Q[2, 1]"), "\(r.stdout)")
        #expect(r.stdout.contains("= Σₖ X[k, 2]·∂L/∂(X W_Q)[k, 1]"))
        #expect(r.stdout.contains("≈ 0·0.156399 + 2·(-0.0745188)"))
        #expect(r.stdout.contains("∂L/∂(attention: scaled = scores / sqrt(d_k)) = α ⊙ (∂L/∂α − (∂L/∂α · α) per row)"))
    }

    /// In Chinese the built-ins' steps the chain passes through and the tensors too long to write
    /// out are Chinese too; the formulas stay as typed.
    @Test func theChainSpeaksChinese() throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("why-grad-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let r = try BinaryRunner.run(["--lang", "zh"], stdin: """
            X = [1 0 1 0; 0 2 0 1; 1 1 0 0]
            W = [1 0 1 0; 0 1 0 1; 1 0 0 1; 0 1 1 0]
            G = grad(sum(attention(X W, X, X)), W)
            :why G[1, 1]
            L = grad(sum(layernorm(X) .* X), X)
            :why L[1, 1]

            """, environment: ["XDG_STATE_HOME": state.path])
        #expect(r.stdout.contains("∂L/∂(attention：权重 = softmax(缩放分数)) = ∂L/∂(attention：输出 = 权重 V)"), "\(r.stdout)")
        #expect(r.stdout.contains("∂L/∂(X W) = ∂L/∂(attention：分数 = Q K^T) (attention: K^T)ᵀ = 3×4 矩阵"))
        #expect(r.stdout.contains("layernorm：第 1 行的均值"))
        for english in ["tensor", "weights", "scaled", "mean of row", "normalised"] {
            #expect(!r.stdout.contains(english), "\(english) in \(r.stdout)")
        }
    }

    @Test func theTraceNamesTheStepsInChinese() throws {
        let r = try BinaryRunner.run(["eval", "--lang", "zh", "--trace", "X = [1 0; 0 2]; W = [1 0; 0 1]; grad(sum(attention(X W, X, X)), W)"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("求导：∂L/∂(attention：权重 = softmax(缩放分数))"), "\(r.stdout)")
        #expect(!r.stdout.contains("weights"))
        let english = try BinaryRunner.run(["eval", "--trace", "X = [1 0; 0 2]; W = [1 0; 0 1]; grad(sum(attention(X W, X, X)), W)"])
        #expect(english.stdout.contains("grad: ∂L/∂(attention: weights = softmax(scaled))"))
    }

    @Test func traceListsTheBackwardValues() throws {
        let r = try BinaryRunner.run(["eval", "--trace", "W = [1 2; 3 4]; x = [1, -1]; grad(sum((W x).^2), W)"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let order = ["grad: L = sum((W x).^2)", "grad: ∂L/∂(sum((W x).^2))", "grad: ∂L/∂((W x).^2)", "grad: ∂L/∂(W x)", "grad: ∂L/∂(W)"]
            .map { label in lines.firstIndex { $0.contains(label) } }
        #expect(order.allSatisfy { $0 != nil }, "\(r.stdout)")
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    }

    /// The training lesson sends the learner to `:trace on`: in a lesson's scope it lists the
    /// backward pass as it does outside one.
    @Test func traceInsideALessonListsTheBackwardValues() throws {
        let state = try MultiInputTests.lessonState("training")
        _ = MultiInputTests.screenResponse(state, ":trace on")
        let r = MultiInputTests.screenResponse(state, "grad(sum((X W_V - T).^2) / 2, W_V)")
        #expect(r.errors.isEmpty, "\(r.errors)")
        #expect(r.lines.contains { $0.contains("grad: ∂L/∂(W_V) → [1 2 0 2; 1 3 0 1; 0 1 1 1; 0 1 0.5 0]") }, "\(r.lines)")
        _ = MultiInputTests.screenResponse(state, ":trace off")
        #expect(!MultiInputTests.screenResponse(state, "grad(sum((X W_V - T).^2) / 2, W_V)").lines.contains { $0.contains("grad:") })
    }

    @Test func floatModeGivesTheSameGradientInDoubles() throws {
        let exact = try BinaryRunner.run(["eval", "--format", "json", "x = [1, 2, 3]; grad(dot(softmax(x), [1, 0, -1]), x)"])
        let float = try BinaryRunner.run(["eval", "--float", "--format", "json", "x = [1, 2, 3]; grad(dot(softmax(x), [1, 0, -1]), x)"])
        #expect(exact.status == 0 && float.status == 0)
        func values(_ s: String) -> [Double] {
            let json = try! JSONSerialization.jsonObject(with: Data(s.utf8)) as! [String: Any]
            return ((json["value"] as! [String: Any])["values"] as! [String]).map { Double($0)! }
        }
        for (a, b) in zip(values(exact.stdout), values(float.stdout)) { #expect(abs(a - b) < 1e-12) }
    }
}

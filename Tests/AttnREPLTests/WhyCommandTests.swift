// `:why` end to end through the line mode: each kind of formula explained with its numbers.
import Foundation
import Testing

@Suite("The :why command")
struct WhyCommandTests {
    func session(_ lines: String...) throws -> RunResult {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("why-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        return try BinaryRunner.run([], stdin: lines.joined(separator: "\n") + "\n", environment: ["XDG_STATE_HOME": state.path])
    }

    @Test func dotProductShowsEveryTerm() throws {
        let r = try session("h_2 = [1, 0, 3]", "x_1 = [2, -1, 0.5]", "e_{2,1} = h_2^T x_1", ":why e_{2,1}")
        #expect(r.stdout.contains("e_{2,1} = h_2^T x_1 = 1·2 + 0·(-1) + 3·0.5 = 7/2"))
        #expect(r.stdout.contains("it uses h_2, x_1"))
    }

    /// A scalar's formula line starts with its statement, so the statement is not printed
    /// above it as well; nor is a part that reads as the one before it (`3 · 4 = 3 · 4`).
    @Test func aScalarsFormulaIsPrintedOnce() throws {
        let r = try session("h_2 = [1, 0, 3]", "x_1 = [2, -1, 0.5]", "e_{2,1} = h_2^T x_1", ":why e_{2,1}",
                            "s = 3 * 4", ":why s", "z = 2", ":why z", "y = exp(1/2) / 3", ":why y", "w = x_1 * 2", ":why w[2]")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.filter { $0.hasPrefix("e_{2,1} = h_2^T x_1") } == ["e_{2,1} = h_2^T x_1 = 1·2 + 0·(-1) + 3·0.5 = 7/2 = 3.5"])
        #expect(lines.contains("s = 3 · 4 = 12") && !lines.contains("s = 3 * 4"))
        #expect(lines.filter { $0 == "z = 2" }.count == 2)          // the result echoed, then :why
        #expect(lines.filter { $0.hasPrefix("y = exp(1/2)") } == ["y = exp(1/2)/3 ≈ 0.549574", "y = exp(1/2)/3 ≈ 0.549574"])
        // An element's line is about that element: the statement above it says what was computed.
        #expect(lines.contains("w = x_1 * 2") && lines.contains("w[2] = x_1[2] · 2 = (-1) · 2 = -2"))
    }

    @Test func matrixProductElementIsARowTimesAColumn() throws {
        let r = try session("A = [1 2; 3 4]", "B = [5 6; 7 8]", "C = A B", ":why C[2, 1]")
        #expect(r.stdout.contains("C[2, 1] = Σₖ A[2, :]·B[:, 1] = 3·5 + 4·7 = 43"))
    }

    @Test func softmaxNormalisesAlongTheRow() throws {
        let r = try session("S = [1 2; 3 4]", "W = softmax(S)", ":why W[2, 1]")
        #expect(r.stdout.contains("W[2, 1] = exp(S[2, 1]) / Σₖ exp(S[2, :]) = exp(3)/(exp(3) + exp(4)) ≈ 0.268941"))
    }

    @Test func elementwiseTransposeAndScaling() throws {
        let r = try session("A = [1 2; 3 4]", "T = A^T", ":why T[1, 2]", "D = A / 2 - 1", ":why D[2, 2]", "H = tanh(A)", ":why H[1, 2]")
        #expect(r.stdout.contains("T[1, 2] = A[2, 1] = 3"))
        #expect(r.stdout.contains("D[2, 2] = (A / 2)[2, 2] - 1 = 2 - 1 = 1"))
        #expect(r.stdout.contains("H[1, 2] = tanh(A[1, 2]) = tanh(2) ≈ 0.964028"))
    }

    @Test func attentionOutputIsAWeightedSumOfValues() throws {
        let r = try session("X = [1 0; 0 1]", "O = attention(X, X, X)", ":why O[1, 2]")
        #expect(r.stdout.contains("O[1, 2] = Σₖ weights[1, k]·X[:, 2]"))
        #expect(r.stdout.contains("·0 + "))
    }

    /// The explanation uses the values the statement used, not what the names hold now.
    @Test func usesTheValuesAtTheTimeOfTheStatement() throws {
        let r = try session("a = 2", "b = a * 3", "a = 10", ":why b")
        #expect(r.stdout.contains("b = a · 3 = 2 · 3 = 6"))
    }

    @Test func badRequestsAreErrorsThatSayWhy() throws {
        let r = try session("A = [1 2; 3 4]", ":why A[3, 1]", ":why nothing", ":why A[0, 1]", ":why 1 + 2", "A[1, 1]")
        #expect(r.stderr.contains("A is 2×2: ask :why A[i, j] with i from 1 to 2 and j from 1 to 2"))
        #expect(r.stderr.contains("unknown name nothing"))
        #expect(r.stderr.contains("whole-number positions from 1"))
        #expect(r.stderr.contains(":why takes a name"))
        #expect(r.stdout.hasSuffix("1\n"))              // the session went on
    }

    @Test func anUnansweredExerciseIsNotGivenAway() throws {
        let r = try session(":lesson dot-attention", ":step 1", ":why e_{2,1}", ":why x_1")
        #expect(r.stderr.contains("e_{2,1} is an exercise on this step: predict it first"))
        #expect(r.stdout.contains("x_1 is an input of this lesson"))
    }
}

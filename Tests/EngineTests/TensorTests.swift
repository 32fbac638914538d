// Shapes, products, broadcasting, indexing and stacking, through the language.
import Testing
@testable import Engine

@Suite("Tensor")
struct TensorTests {
    @Test(arguments: [
        ("[1, 2, 3]", [3]), ("[1 2 3]", [1, 3]), ("[1 2; 3 4]", [2, 2]), ("[[1, 2], [3, 4]]", [2, 2]),
        ("[1; 2]", [2]), ("[[1, 2], [3, 4], [5, 6]]", [3, 2]), ("[[1 2], [3 4]]", [2, 2]),
        ("h = [1, 2]; h^T", [1, 2]), ("h = [1, 2]; h^T h", []), ("h = [1, 2]; h h^T", [2, 2]),
        ("A = [1 2; 3 4]; A [1, 1]", [2]), ("A = [1 2 3]; A [1, 1, 1]", []), ("[1 2 3]'", [3]),
        ("x = [1, 2]; [x x]", [2, 2]), ("c = [1, 2]; h = [3]; [c; h]", [3]),
        ("A = [1 2; 3 4]; [A; A]", [4, 2]), ("A = [1 2; 3 4]; [A A]", [2, 4]),
        ("A = [1 2; 3 4]; A[2]", [2]), ("A = [1 2; 3 4]; A[2, 1]", []), ("A = [1 2; 3 4]; A[:, 2]", [2]),
        ("A = [1 2 3; 4 5 6]; A[:, 2:3]", [2, 2]), ("v = [5, 6, 7]; v[2:3]", [2]), ("v = [5, 6, 7]; v[3]", []),
        ("2 * [1 2]", [1, 2]), ("[1, 2] / 2", [2]),
    ] as [(String, [Int])])
    func shapes(_ program: String, _ shape: [Int]) {
        #expect(Run.value(program)?.shape.dimensions == shape, "\(program)")
    }

    @Test func broadcastingARowOverRows() {
        #expect(Run.exact("[1 2; 3 4] + [10 20]") == ["11", "22", "13", "24"])
        #expect(Run.exact("[1 2; 3 4] + [10, 20]") == ["11", "22", "13", "24"])
        #expect(Run.exact("[1 2; 3 4] - 1") == ["0", "1", "2", "3"])
        #expect(Run.error("[1 2; 3 4] + [1, 2, 3]")?.hasPrefix("cannot add 2×2 and 3-vector") == true)
    }

    @Test func productsFollowTheDocumentsShapes() {
        #expect(Run.exact("h_2 = [1, 0, 3]; x_1 = [2, -1, 0.5]; h_2^T x_1") == ["7/2"])
        #expect(Run.exact("[1 -2; 3 4] * [1, 1]") == ["-1", "7"])
        #expect(Run.exact("u = [1, 2]; v = [3, 4]; u v^T") == ["3", "4", "6", "8"])
        #expect(Run.error("[1, 2] [3, 4]")?.contains("for a dot product write a^T b") == true)
        #expect(Run.error("[1 2 3; 4 5 6] * [1 2 3; 4 5 6]") == "cannot multiply 2×3 by 2×3 (inner dimensions 3 and 2)")
        #expect(Run.error("[1 2] / [1 2]")?.contains("/ divides by a scalar") == true)
    }

    @Test func elementwiseOperators() {
        #expect(Run.exact("[1 2; 3 4] .* [2 2; 2 2]") == ["2", "4", "6", "8"])
        #expect(Run.exact("[1 2] ./ [4 8]") == ["1/4", "1/4"])
        #expect(Run.exact("[1, 2, 3] .^ 2") == ["1", "4", "9"])
        #expect(Run.error("[1 2] ^ 2")?.contains("use .^") == true)
    }

    @Test func indexingErrorsNameTheRange() {
        #expect(Run.error("A = [1 2; 3 4]; A[3]") == "row 3 is out of range for a 2×2 tensor (rows run from 1 to 2)")
        #expect(Run.error("v = [1, 2]; v[1.5]")?.contains("whole number") == true)
        #expect(Run.error("x = 3; x[1]") == "a scalar cannot be indexed")
    }

    @Test func raggedAndEmptyLiterals() {
        #expect(Run.error("[]") == "empty vector literal []")
        #expect(Run.error("[[1, 2], [3]]")?.hasPrefix("ragged literal") == true)
        #expect(Run.error("[1 2; 3]") != nil)
        #expect(Run.error("[[1 2]; [3 4 5]]") != nil)
    }

    @Test func floatModeAgreesWithExactToDoublePrecision() {
        let program = "X = [1 2; 0.5 -1; 3 0]; attention(X, X, X, causal(3))"
        let exact = Run.decimals(program, digits: 12), float = Run.decimals(program, digits: 12, float: true)
        #expect(exact == float)
    }

    // OpenBLAS is loaded on the first float product; without it that product fails with a
    // message saying what to install, and nothing crashes.
    @Test func aMissingBLASLibraryIsAnError() {
        #expect(throws: Diagnostic("the float path needs OpenBLAS (libattn-repl-no-such-blas.so.0): install libopenblas0")) {
            try BLAS.load("libattn-repl-no-such-blas.so.0")
        }
    }

    // Large tensors show a corner; only the entries shown are formatted.
    @Test func largeTensorsRenderElided() throws {
        let big = try #require(Run.value("ones(30, 20) / 3"))
        let latex = LaTeX.tensor(big, digits: 6)
        #expect(latex.hasPrefix("\\begin{bmatrix} \\frac{1}{3}"))
        #expect(latex.contains("\\vdots") && latex.contains("\\cdots") && latex.contains("\\approx"))
        #expect(TensorText.inline(big, digits: 6) == "30×20 tensor")
        #expect(TensorText.inline(try #require(Run.value("[1, 2, 3]")), digits: 6) == "[1, 2, 3]")
    }
}

// `attn-repl eval` end to end: the built binary, its output and its exit codes.
import Foundation
import Testing

@Suite("attn-repl eval")
struct EvalCommandTests {
    @Test func softmaxShowsExactAndApproximateForms() throws {
        let r = try BinaryRunner.run(["eval", "softmax([1, 2, 3])"])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.contains("exp(1)/(exp(1) + exp(2) + exp(3))"))
        #expect(r.stdout.contains("0.0900306"))
        #expect(r.stdout.contains("0.665241"))
        #expect(r.stdout.contains("≈"))
    }

    @Test func rationalResultIsExact() throws {
        let r = try BinaryRunner.run(["eval", "h_2 = [1, 0, 3]; x_1 = [2, -1, 0.5]; h_2^T x_1"])
        #expect(r.status == 0)
        #expect(r.stdout == "7/2 = 3.5\n")
    }

    @Test func jsonMatchesTheSpecifiedFields() throws {
        let r = try BinaryRunner.run(["eval", "--format", "json", "softmax([1, 2, 3])"])
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["input"] as? String == "softmax([1, 2, 3])")
        let value = try #require(object["value"] as? [String: Any])
        #expect(value["shape"] as? [Int] == [3])
        #expect(value["values"] as? [String] == ["0.0900306", "0.244728", "0.665241"])
        #expect((value["exact"] as? [Any])?.first as? String == "exp(1)/(exp(1) + exp(2) + exp(3))")
        #expect(object["trace"] == nil)
    }

    @Test func jsonScalarHasEmptyShape() throws {
        let r = try BinaryRunner.run(["eval", "--format", "json", "1/3"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let value = try #require(object["value"] as? [String: Any])
        #expect(value["shape"] as? [Int] == [])
        #expect(value["exact"] as? [String] == ["1/3"])
        #expect(value["values"] as? [String] == ["0.333333"])
    }

    @Test func traceListsAttentionInternals() throws {
        let program = "Q = [1 0; 0 1]; K = [1 2; 0 1]; V = [1 2; 3 4]; attention(Q, K, V)"
        let r = try BinaryRunner.run(["eval", "--format", "json", "--trace", program])
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let labels = (object["trace"] as? [[String: Any]] ?? []).compactMap { $0["expr"] as? String }
        for step in ["attention: scores = Q K^T", "attention: scaled = scores / sqrt(d_k)",
                     "attention: weights = softmax(scaled)", "attention: output = weights V"] {
            #expect(labels.contains(step), "missing \(step) in \(labels)")
        }
        #expect(labels.contains("[1 0; 0 1]"))
    }

    @Test func digitsOptionGivesManyCorrectDigits() throws {
        let r = try BinaryRunner.run(["eval", "--digits", "50", "exp(1)"])
        #expect(r.stdout.contains("2.7182818284590452353602874713526624977572470937"))
    }

    @Test func floatModeIsMarkedApproximate() throws {
        let r = try BinaryRunner.run(["eval", "--float", "softmax([1, 2, 3])"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("0.0900306"))
        #expect(r.stdout.contains("float mode"))
    }

    @Test func shapeErrorNamesShapes() throws {
        let r = try BinaryRunner.run(["eval", "[1 2 3; 4 5 6] * [1 2 3; 4 5 6]"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("error: cannot multiply 2×3 by 2×3 (inner dimensions 3 and 2)"))
    }

    @Test func unknownNameSuggestsTheNearMiss() throws {
        let r = try BinaryRunner.run(["eval", "W_K = [1 2; 3 4]; W_k"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("error: unknown name W_k (did you mean W_K?)"))
    }

    @Test func parseErrorHasCaretUnderTheColumn() throws {
        let r = try BinaryRunner.run(["eval", "softmax([1, 2, 3)))"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("error:") == true)
        #expect(lines.count >= 3)
        #expect(lines.contains { $0.contains("^") })
    }

    @Test func divisionByZeroIsAnError() throws {
        let r = try BinaryRunner.run(["eval", "1 / (2 - 2)"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("division by zero"))
    }

    @Test func hugeRequestsAreRefused() throws {
        let zeros = try BinaryRunner.run(["eval", "zeros(100000, 100000)"])
        #expect(zeros.status == 1)
        #expect(zeros.stderr.contains("too large"))
        let digits = try BinaryRunner.run(["eval", "--digits", "1000000000", "1/3"])
        #expect(digits.status == 64)
        #expect(!digits.stderr.isEmpty)
    }

    @Test(arguments: [
        String(repeating: "(", count: 100_000),
        String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000),
        "1 +\u{0} 2", "[1, 2,, 3]", "[1 2; 3]", "[]", "\u{FFFD}\u{FFFD}", "x_1 = ", "f(x) = f(x); f(1)",
        String(repeating: "[", count: 5000), "2^1000000000", "1e999999999999", String(repeating: "1+", count: 50_000) + "1",
        "softmax(", "\\frac{1}{0}", "sqrt(-1)", "log(0)", "A = [1 2]; A[3]", "exp(exp(exp(100)))",
    ])
    func badInputNeverCrashes(_ program: String) throws {
        // Long programs go through standard input (a single argument is limited to 128 KiB).
        let r = program.utf8.count > 60_000 ? try BinaryRunner.run(["eval", "-"], stdin: program)
                                            : try BinaryRunner.run(["eval", "--", program])
        #expect(r.status == 0 || r.status == 1, "exit status \(r.status), stderr: \(r.stderr.prefix(200))")
        if r.status == 1 {
            #expect(r.stderr.hasPrefix("error:"))
            #expect(r.stdout.isEmpty)
        }
    }

    @Test func ctrlCInterruptsALongEvaluation() throws {
        let (reason, r) = try BinaryRunner.runInterrupted(["eval", "A = ones(450, 450) / 3; A A"], after: 0.4)
        #expect(reason == .exit)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: interrupted"))
    }

    // Evaluating is instant, but writing 10,000 exponentials at 10,000 digits takes long and
    // does not check for interrupts.
    @Test func ctrlCStopsALongOutput() throws {
        let (reason, r) = try BinaryRunner.runInterrupted(
            ["eval", "--digits", "10000", "exp(rand(500, 20, 1))"], after: 1.5)
        #expect(reason == .exit)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: interrupted"))
    }

    @Test func tooDeepRecurrencesAreRefused() throws {
        let program = "x = 1\n" + String(repeating: "x = tanh(x) + 1\n", count: 6000)
        let r = try BinaryRunner.run(["eval", "-"], stdin: program)
        #expect(r.status == 1)
        #expect(r.stderr.contains("nested operations"))
    }

    @Test func invalidUTF8OnStandardInputIsAnError() throws {
        let r = try BinaryRunner.run(["eval", "-"], stdin: "1 + \u{FFFD}")
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error:"))
    }
}

@Suite("plain mode through a pipe")
struct PipedModeTests {
    @Test func statementsFromStandardInput() throws {
        let r = try BinaryRunner.run([], stdin: "x = [1, 2, 3]\nsoftmax(x)\ny = 2;\ny * 3\n")
        #expect(r.status == 0)
        #expect(r.stdout.contains("0.0900306"))
        #expect(r.stdout.contains("6\n"))
        #expect(!r.stdout.contains("y = 2"))
        #expect(!r.stdout.contains("\u{1B}"))
    }

    @Test func errorsGoToStandardErrorAndTheSessionGoesOn() throws {
        let r = try BinaryRunner.run([], stdin: "a = 1\nb = a +* 2\na + 1\n")
        #expect(r.status == 1)
        #expect(r.stderr.contains("error:"))
        #expect(r.stdout.contains("2\n"))
    }

    @Test func bracketsSpanLines() throws {
        let r = try BinaryRunner.run([], stdin: "A = [1 2\n3 4]\nA[2, 1]\n")
        #expect(r.status == 0)
        #expect(r.stdout.hasSuffix("3\n"))
    }

    // `eval --bogus 1` was read as the formula `--bogus 1`: an unknown option is a usage error.
    @Test func anUnknownOptionIsAUsageError() throws {
        for arguments in [["eval", "--bogus", "1"], ["eval", "1", "--bogus=2"]] {
            let r = try BinaryRunner.run(arguments)
            #expect(r.status == 64, "\(arguments)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains("unknown option"), "\(r.stderr)")
        }
    }

    // A program may still start with a minus sign, with or without `--`.
    @Test func negativeNumbersAreStillPrograms() throws {
        for arguments in [["eval", "-1"], ["eval", "--", "-1"], ["eval", "-1/2 + 1/2 - 1"]] {
            let r = try BinaryRunner.run(arguments)
            #expect(r.status == 0, "\(arguments): \(r.stderr)")
            #expect(r.stdout.hasPrefix("-1"), "\(arguments): \(r.stdout)")
        }
    }
}

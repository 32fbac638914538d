// `attn-repl eval` end to end for SPEC §4's "digits or an error": proved digits on stdout, or an
// `error:` on stderr naming the value and the limit, exit 1 and nothing on stdout.
import Foundation
import Testing

@Suite("attn-repl eval: digits or an error")
struct EvalCertificationTests {
    @Test func aCancellationWithinTheCapPrintsItsDigits() throws {
        let r = try BinaryRunner.run(["eval", "--digits", "12", "exp(1e-422) - 1"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("≈ 1e-422\n"))
    }

    @Test func aValueThatCannotBeProvedIsAnErrorNamingItAndTheLimit() throws {
        // √(5 + 2√6) is √2 + √3 by denesting, an identity attn-repl does not apply.
        let r = try BinaryRunner.run(["eval", "sqrt(5 + 2*sqrt(6)) - sqrt(2) - sqrt(3)"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("error: cannot prove any digit of sqrt(2*sqrt(6) + 5) - sqrt(2) - sqrt(3)"))
        #expect(r.stderr.contains("precision cap of 32768 bits"))
        #expect(r.stderr.contains("--float"))
    }

    @Test func aSumOfSquareRootsThatCancelsPrintsZero() throws {
        let r = try BinaryRunner.run(["eval", "norm([1, 1])^2 - 2"])
        #expect(r.status == 0)
        #expect(r.stdout == "0\n")
        let json = try BinaryRunner.run(["eval", "--format", "json", "(sqrt(2) + sqrt(3))^2 - 5 - 2*sqrt(6)"])
        #expect(json.stdout.contains(#""exact": ["0"], "values": ["0"]"#))
    }

    @Test func aValuePastTheExponentRangeIsWrittenOutOrRefused() throws {
        let big = try BinaryRunner.run(["eval", "exp(10^19)"])
        #expect(big.status == 0)
        #expect(big.stdout.contains("3.24556e+4342944819032518276"))
        let beyond = try BinaryRunner.run(["eval", "exp(exp(100))"])
        #expect(beyond.status == 1)
        #expect(beyond.stdout.isEmpty)
        #expect(beyond.stderr.contains("exp(exp(100)) is too large for MPFR's exponent range"))
    }

    @Test func jsonValuesAreProvedDigitsToo() throws {
        let r = try BinaryRunner.run(["eval", "--format", "json", "softmax([10^19, 1])"])
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let value = try #require(object["value"] as? [String: Any])
        #expect(value["values"] as? [String] == ["1", "8.37539e-4342944819032518277"])
    }

    @Test func textSaysWhereExactFormsTooLongForTheTableAreShown() throws {
        let r = try BinaryRunner.run(["eval", "softmax([1, 2, 3, 4, 5, 6])"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("(exact forms too long for the table: see --format json, or the cell cursor on the screen)"))
        let short = try BinaryRunner.run(["eval", "softmax([1, 2])"])
        #expect(!short.stdout.contains("exact forms"))
    }

    @Test func aTraceIsProvedAsWell() throws {
        let r = try BinaryRunner.run(["eval", "--trace", "(sqrt(5 + 2*sqrt(6)) - sqrt(2) - sqrt(3)) * 0 + 1"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("cannot prove any digit of sqrt(2*sqrt(6) + 5) - sqrt(2) - sqrt(3)"))
        let plain = try BinaryRunner.run(["eval", "(sqrt(5 + 2*sqrt(6)) - sqrt(2) - sqrt(3)) * 0 + 1"])
        #expect(plain.status == 0)
    }
}

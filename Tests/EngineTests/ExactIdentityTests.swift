// Exact identities applied as values are built (SPEC §4), and what a statement whose digits
// cannot be proved does to the session: it fails and binds nothing.
import Testing
@testable import Engine

@Suite("Exact identities and certification")
struct ExactIdentityTests {
    @Test func logOfExpAndExpOfLogGiveTheArgumentBack() {
        #expect(Run.exact("log(exp(10^30))") == ["1000000000000000000000000000000"])
        #expect(Run.exact("log(exp(sqrt(2)))") == ["sqrt(2)"])
        #expect(Run.exact("exp(log(7/3))") == ["7/3"])
    }

    @Test func exponentialsWithARationalExponentCombine() {
        #expect(Run.exact("exp(-10^500)*exp(10^500)") == ["1"])
        #expect(Run.exact("exp(2)/exp(1/2)") == ["exp(3/2)"])
        #expect(Run.exact("exp(sqrt(2))*exp(1 - sqrt(2))") == ["exp(1)"])
        // An irrational total exponent stays a product.
        #expect(Run.exact("exp(sqrt(2))*exp(sqrt(3))") == ["exp(sqrt(2))*exp(sqrt(3))"])
    }

    @Test func sineAndCosineOfRationalMultiplesOfPiAreExactWhereRational() {
        #expect(Run.exact("[sin(pi), cos(pi), sin(pi/2), cos(pi/3), sin(7*pi/6), cos(2*pi/3), sin(-pi/6), cos(100*pi)]")
                == ["0", "-1", "1", "1/2", "-1/2", "-1/2", "-1/2", "1"])
        #expect(Run.exact("sin(pi/4)") == ["sin(pi/4)"])
    }

    @Test func softmaxOfEqualScoresOfAnyFormIsOneOverN() {
        #expect(Run.exact("softmax([1/sqrt(2), 1/sqrt(2)])") == ["1/2", "1/2"])
        #expect(Run.exact("attention([1 1], [1 0; 0 1], [1 2; 3 4])") == ["2", "3"])
        // Equal real scores share one exponential.
        let shared = Run.exact("softmax([1/sqrt(2), 1/sqrt(2), 1])")
        #expect(shared.first ?? nil == "exp(1/sqrt(2))/(2*exp(1/sqrt(2)) + exp(1))")
    }

    @Test func farScoresAreShiftedByTheLargestAndOrdinaryRowsKeepThePlainForm() {
        #expect(Run.exact("softmax([1, 2])") == ["exp(1)/(exp(1) + exp(2))", "exp(2)/(exp(1) + exp(2))"])
        #expect(Run.exact("softmax([-10^19, -10^19-1])") == ["1/(exp(-1) + 1)", "exp(-1)/(exp(-1) + 1)"])
        #expect(Run.decimals("softmax([-10^19, -10^19-1])") == ["0.731059", "0.268941"])
    }

    @Test func aStatementWhoseDigitsCannotBeProvedBindsNothing() {
        var interpreter = Interpreter()
        let failed = interpreter.run("y = sqrt(5 + 2*sqrt(6)) - sqrt(2) - sqrt(3)")
        #expect(failed.error?.diagnostic.message.contains("precision cap") == true)
        #expect(failed.error?.diagnostic.range != nil)
        #expect(interpreter.environment[variable: "y"] == nil)
        // A silent statement prints nothing, so nothing is proved; its value is usable.
        #expect(interpreter.run("z = sqrt(5 + 2*sqrt(6)) - sqrt(2) - sqrt(3);").error == nil)
        let (records, error) = interpreter.run("z + 1")
        #expect(error == nil)
        #expect(records.last.map { CellText.cells($0.outcome.tensor!, digits: 6)[0].decimal } == "1")
    }

    @Test func signsThatCannotBeDecidedAreErrorsNotZero() {
        // √(5 + 2√6) is √2 + √3, by an identity (denesting) the Engine does not apply.
        #expect(Run.error("relu(sqrt(5 + 2*sqrt(6)) - sqrt(2) - sqrt(3))")?.contains("cannot decide the sign") == true)
        #expect(Run.error("1/(sqrt(5 + 2*sqrt(6)) - sqrt(2) - sqrt(3))")?.contains("cannot be told from 0") == true)
        #expect(Run.error("max(sqrt(5 + 2*sqrt(6)), sqrt(2) + sqrt(3))")?.contains("cannot decide the sign") == true)
        // Past the exponent range, the sign of exp(x)·y is y's.
        #expect(Run.decimals("relu(-exp(-10^19))") == ["0"])
        #expect(Run.decimals("abs(-exp(-10^19))") == ["3.08114e-4342944819032518277"])
    }

    @Test func theCertifiedDigitsAreTheOnesPrintedAtAnyDigitsTheCapReaches() throws {
        var interpreter = Interpreter()
        interpreter.digits = 50
        let (records, error) = interpreter.run("exp(1e-422) - 1")
        #expect(error == nil)
        let value = try #require(records.last?.outcome.tensor)
        // 1e-422 + 5e-845: the 50 digits are 1 and 49 zeros, which print as 1e-422.
        #expect(CellText.cells(value, digits: 50)[0].decimal == "1e-422")
        #expect(CellText.cells(value, digits: 6)[0].decimal == "1e-422")
    }
}

/// Two values built apart from the same formulas are found equal (their difference is exactly
/// 0) by walking each shared subgraph once: the comparison walked a graph as a tree, so a
/// value that uses the one before it twice, 30 times over, took 2³⁰ steps (cross-attention's
/// H_alt - H on 100 decoder rows ran for minutes).
@Suite("Structural equality on shared graphs")
struct SharedGraphEqualityTests {
    @Test(.timeLimit(.minutes(1)))
    func valuesBuiltApartFromSharedSubgraphsCancelExactly() throws {
        var program = "a = tanh(1/3); b = tanh(1/3); "
        for _ in 0..<30 { program += "a = a*tanh(a) + a; b = b*tanh(b) + b; " }
        #expect(Run.exact(program + "a - b") == ["0"])
        #expect(Run.exact(program + "a - b + 1/100000") == ["1/100000"])
    }
}

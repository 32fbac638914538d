// Exact forms and simplifications that keep results rational where they are.
import Testing
@testable import Engine

@Suite("Scalar")
struct ScalarTests {
    @Test func functionsOfSpecialRationalsStayExact() throws {
        #expect(try Scalar.zero.apply(.exp).rational == .one)
        #expect(try Scalar.one.apply(.log).rational == .zero)
        #expect(try Scalar(Rational(9, 4)).apply(.sqrt).rational == Rational(3, 2))
        #expect(try Scalar.zero.apply(.tanh).rational == .zero)
        #expect(try Scalar.zero.apply(.sin).rational == .zero)
        #expect(try Scalar.zero.apply(.cos).rational == .one)
        #expect(try Scalar.zero.apply(.sigmoid).rational == Rational(1, 2))
        #expect(try Scalar(Rational(10000)).power(Scalar(Rational(1, 2))).rational == Rational(100))
    }

    @Test func domainErrors() {
        #expect(throws: Diagnostic.self) { try Scalar(Rational(-1)).apply(.sqrt) }
        #expect(throws: Diagnostic.self) { try Scalar.zero.apply(.log) }
        #expect(throws: Diagnostic.self) { try Scalar.divide(.one, .zero) }
        #expect(throws: Diagnostic.self) { try Scalar(Rational(-8)).power(Scalar(Rational(1, 3))) }
    }

    @Test func exactFormsReadLikeTheLanguage() throws {
        let e1 = try Scalar(1).apply(.exp), e2 = try Scalar(2).apply(.exp)
        #expect(ExactForm.string(try Scalar.divide(e1, e1 + e2)) == "exp(1)/(exp(1) + exp(2))")
        #expect(ExactForm.string(Scalar.scale(e1, by: Rational(-1))) == "-exp(1)")
        #expect(ExactForm.string(Scalar.scale(e1, by: Rational(1, 3))) == "exp(1)/3")
        #expect(ExactForm.string(Scalar.scale(e1, by: Rational(2, 3))) == "2/3*exp(1)")
        #expect(ExactForm.string(e1 - Scalar(2)) == "exp(1) - 2")
        #expect(ExactForm.string(try Scalar(Rational(1, 2)).apply(.exp)) == "exp(1/2)")
        #expect(ExactForm.string(Scalar(Rational(-7, 2))) == "-7/2")
    }

    @Test func longExactFormsAreOmitted() throws {
        var total = Scalar.zero
        for i in 1...60 { total = total + (try Scalar(Rational(i)).apply(.exp)) }
        #expect(ExactForm.string(total) == nil)
    }

    @Test func fractionsOverOneDenominatorAddUpExactly() throws {
        let exps = try (1...4).map { try Scalar(Rational($0, 7)).apply(.exp) }
        let s = Scalar.sum(exps)
        let parts = try exps.map { try Scalar.divide($0, s) }
        #expect(Scalar.sum(parts).rational == .one)
        #expect((parts[0] + parts[1] + parts[2] + parts[3]).rational == .one)
    }

    @Test func comparisonRefinesReals() throws {
        let e = try Scalar.one.apply(.exp)
        #expect(try Scalar.compare(e, Scalar(Rational(27, 10))) == 1)
        #expect(try Scalar.compare(e, Scalar(Rational(28, 10))) == -1)
        #expect(try (e - e).sign == 0)
    }

    @Test func aRealMinusTheSameExpressionIsExactlyZero() throws {
        // Built twice, not the same object: equal by structure.
        let a = try Scalar.divide(try Scalar(1).apply(.exp), try Scalar(2).apply(.exp) + Scalar(3))
        let b = try Scalar.divide(try Scalar(1).apply(.exp), try Scalar(2).apply(.exp) + Scalar(3))
        #expect((a - b).rational == .zero)
        #expect((a - Scalar.scale(b, by: Rational(2))).rational == nil)
        #expect(Run.exact("Q = [1 0; 0 2]; attention(Q, Q, Q) - softmax(Q Q^T / sqrt(2)) Q") == ["0", "0", "0", "0"])
    }
}

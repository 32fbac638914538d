// Square roots of rationals (Engine/Numbers/SquareRootForm.swift, ExactIdentities, SquareRootSum):
// products, quotients and powers combine as values are built, like terms of one class merge in a
// sum, and a sum of multiples of square roots that cancels prints 0. Nothing else is called 0.
import Testing
@testable import Engine

@Suite("Square roots of rationals")
struct SquareRootIdentityTests {
    // MARK: - Exact results as values are built

    @Test(arguments: [
        ("sqrt(2)^2", "2"), ("norm([1, 1])^2 - 2", "0"), ("sqrt(8)/sqrt(2)", "2"),
        ("(1/sqrt(2))^2", "1/2"), ("2^(1/2)*2^(1/2)", "2"), ("sqrt(2)^-2", "1/2"),
        ("sqrt(8) - 2*sqrt(2) + 1", "1"), ("1/sqrt(2) - sqrt(2)/2", "0"), ("norm([1, 2, 3])^2", "14"),
        ("x = norm([3/7, 1/5]); x*x", "274/1225"), ("sqrt(1009)*sqrt(2*1009)/sqrt(2)", "1009"),
    ])
    func aSquareRootIdentityThatGivesARationalGivesTheRational(_ program: String, _ exact: String) throws {
        let value = try #require(Run.value(program))
        #expect(value.scalar(at: 0).rational?.description == exact, "\(program)")
        #expect(JSON.tensor(value, digits: 6).serialized().contains("\"exact\": [\"\(exact)\"]"), "\(program)")
    }

    @Test(arguments: [
        ("sqrt(2)*sqrt(3)", "sqrt(6)"), ("sqrt(2)*sqrt(6)", "2*sqrt(3)"), ("sqrt(2)/sqrt(3)", "sqrt(6)/3"),
        ("sqrt(2)^3", "2*sqrt(2)"), ("sqrt(12) + sqrt(3)", "3*sqrt(3)"), ("sqrt(1/8)*sqrt(1/3)", "sqrt(6)/12"),
        ("2^(3/2)*sqrt(3)", "2*sqrt(6)"), ("sqrt(2) + sqrt(3) + sqrt(8)", "3*sqrt(2) + sqrt(3)"),
        // A lone square root keeps the form it was written in (as log(8) is not 3*log(2)).
        ("sqrt(12)", "sqrt(12)"), ("norm([1, 1])", "sqrt(2)"), ("1/sqrt(2)", "1/sqrt(2)"),
        // sin(pi/4) is not made a square root, so its square stays a product.
        ("sin(pi/4)^2", "sin(pi/4)*sin(pi/4)"),
        // √u·√u = u for a real u as well.
        ("norm([exp(1), 1])^2", "exp(2) + 1"),
    ])
    func productsOfSquareRootsHaveTheReducedForm(_ program: String, _ exact: String) throws {
        let value = try #require(Run.value(program))
        #expect(ExactForm.string(value.scalar(at: 0)) == exact, "\(program)")
        #expect(JSON.tensor(value, digits: 6).serialized().contains("\"exact\": [\"\(exact)\"]"), "\(program)")
    }

    @Test func theDigitsOfAReducedFormAreTheValuesDigits() {
        #expect(Run.decimals("sqrt(2)*sqrt(3)", digits: 20) == ["2.4494897427831780982"])
        #expect(Run.decimals("sqrt(2)/sqrt(3)", digits: 20) == ["0.81649658092772603273"])
    }

    // MARK: - The zero test

    /// Exactly 0 through sums the builders keep (a product of sums is not multiplied out).
    static let cancellingSums = [
        "(sqrt(2) + sqrt(3))^2 - 5 - 2*sqrt(6)",
        "(sqrt(2) + 1)*(sqrt(2) - 1) - 1",
        "(1 + sqrt(5))/2 * (1 - sqrt(5))/2 + 1",
        "(sqrt(3/7) - sqrt(7/3))^2 - 58/21 + 2",
        "x = sqrt(2) + sqrt(3); x^3 - 11*sqrt(2) - 9*sqrt(3)",
        "sqrt(6)*(sqrt(2) + sqrt(3)) - 2*sqrt(3) - 3*sqrt(2)",
    ]

    @Test(arguments: cancellingSums)
    func aCancellingSumOfSquareRootsIsZero(_ program: String) throws {
        let value = try #require(Run.value(program))
        let cell = CellText.cells(value, digits: 6)[0]
        #expect(cell.decimal == "0" && cell.exact == "0", "\(program): \(cell.summary)")
        #expect(try value.scalar(at: 0).sign == 0)
        #expect(JSON.tensor(value, digits: 6).serialized() == #"{"shape": [], "exact": ["0"], "values": ["0"]}"#)
    }

    @Test func signsAndDivisionSeeTheProvedZero() {
        let zero = "((sqrt(2) + sqrt(3))^2 - 5 - 2*sqrt(6))"
        #expect(Run.decimals("relu(\(zero))") == ["0"])
        #expect(Run.decimals("max([\(zero), -1])") == ["0"])
        #expect(Run.error("1/\(zero)")?.contains("division by zero") == true)
    }

    /// √(5 + 2√6) = √2 + √3, but √ of an irrational is outside the test: it must not be called 0
    /// (it is 0, and refinement cannot tell, so it stays the cap error), nor must any nonzero
    /// value near it.
    @Test func aNestedSquareRootIsNotClaimedZero() throws {
        let nested = "sqrt(2) + sqrt(3) - sqrt(5 + 2*sqrt(6))"
        let message = try #require(Run.error(nested))
        #expect(message.contains("precision cap") && message.contains("may be exactly 0"), "\(message)")
        let denested = try (Scalar(5) + Scalar.scale(Scalar(6).apply(.sqrt), by: Rational(2))).apply(.sqrt)
        let value = try Scalar(2).apply(.sqrt) + Scalar(3).apply(.sqrt) - denested
        guard case let .real(node) = value else { Issue.record("a rational"); return }
        #expect(!SquareRootSum.provesZero(node))
        #expect(!node.isProvedZero)
    }

    @Test func aNearMissHasItsOwnDigits() {
        // √2 − 1.41421356237 = 3.0950488016887242096980785696718753769455788674854e-12 (mpmath).
        #expect(Run.decimals("sqrt(2) - 1.41421356237") == ["3.09505e-12"])
        #expect(Run.decimals("sqrt(2) - 1.41421356237", digits: 30) == ["3.09504880168872420969807856967e-12"])
        #expect(Run.decimals("(sqrt(2) + sqrt(3))^2 - 5 - 2*sqrt(6) + 10^-40") == ["1e-40"])
        #expect(Run.decimals("(sqrt(2) + sqrt(3))^2 - 5 - 2*sqrt(6) - 10^-9000") == ["-1e-9000"])
    }

    /// A tiny nonzero value next to a cancelling sum: correct digits, or the cap error, never 0.
    @Test func aNearMissIsNeverZero() throws {
        let (printed, refused) = try NearMiss.outcomes(adding: Self.cancellingSums)
        #expect(printed >= 4 && refused >= 2, "printed \(printed), refused \(refused)")
    }

    /// Sums built as nodes directly (no merging on the way), so only the zero test can tell.
    @Test func theZeroTestOnUnmergedSums() {
        func root(_ r: Rational) -> RealNode { RealNode(.function(.sqrt, RealNode(.constant(r)))) }
        func sum(_ terms: [(Rational, RealNode)]) -> RealNode { RealNode(.sum(SumTerms(terms.map { SumTerm($0.0, $0.1) }))) }
        // √12 − 2√3, √(1/2) − √2/2, √(2·1009²) − 1009·√2 (a square of a prime past trial division).
        #expect(SquareRootSum.provesZero(sum([(.one, root(Rational(12))), (Rational(-2), root(Rational(3)))])))
        #expect(SquareRootSum.provesZero(sum([(.one, root(Rational(1, 2))), (Rational(-1, 2), root(Rational(2)))])))
        #expect(SquareRootSum.provesZero(sum([(.one, root(Rational(2 * 1009 * 1009))), (Rational(-1009), root(Rational(2)))])))
        // √(1013·1019²) − 1019·√1013: both past trial division, told apart only by their ratio.
        #expect(SquareRootSum.provesZero(sum([(.one, root(Rational(1013 * 1019 * 1019))), (Rational(-1019), root(Rational(1013)))])))
        // Not zero: different classes, or a coefficient off by a little.
        #expect(!SquareRootSum.provesZero(sum([(.one, root(Rational(2))), (Rational(-1), root(Rational(3)))])))
        #expect(!SquareRootSum.provesZero(sum([(.one, root(Rational(12))), (Rational(-2), root(Rational(3))),
                                               (.one, RealNode(.constant(Rational(1, 1_000_000_000))))])))
        #expect(!SquareRootSum.provesZero(sum([(.one, root(Rational(1013 * 1019 * 1019))), (Rational(-1019), root(Rational(1019)))])))
        // Outside the class: exp; a square root of an irrational, even where the value is 0
        // (√(3 + 2√2) = 1 + √2).
        #expect(!SquareRootSum.provesZero(sum([(.one, RealNode(.function(.exp, RealNode(.constant(.one))))), (.one, RealNode(.constant(Rational(-3))))])))
        let denested = RealNode(.function(.sqrt, sum([(.one, RealNode(.constant(Rational(3)))), (Rational(2), root(Rational(2)))])))
        #expect(!SquareRootSum.provesZero(sum([(.one, denested), (Rational(-1), root(Rational(2))), (.one, RealNode(.constant(Rational(-1))))])))
        // The square root of a combination that cancels to a rational is inside it: √(√2 − √2 + 4) = 2.
        let inner = sum([(.one, root(Rational(2))), (Rational(-1), root(Rational(2))), (.one, RealNode(.constant(Rational(4))))])
        #expect(SquareRootSum.provesZero(sum([(.one, RealNode(.function(.sqrt, inner))), (.one, RealNode(.constant(Rational(-2))))])))
    }

    // MARK: - Properties on random rationals

    /// The interval of `value` at `bits` and of the unsimplified node overlap: both enclose their
    /// exact values, so a rule that changed the value would make them disjoint.
    static func agrees(_ value: Scalar, _ unsimplified: RealNode, bits: Int = 3000) -> Bool {
        guard let raw = unsimplified.interval(precision: bits) else { return false }
        let simplified: Interval
        switch value {
        case let .rational(q): simplified = .exact(q, precision: bits)
        case let .real(n): guard let v = n.interval(precision: bits) else { return false }; simplified = v
        }
        return simplified.lo <= raw.hi && raw.lo <= simplified.hi
    }

    static func randomRational(_ g: inout SplitMix64) -> Rational {
        Rational(Int64(g.below(300) + 1), Int64(g.below(40) + 1))
    }

    @Test func productsQuotientsAndPowersKeepTheirValue() throws {
        var g = SplitMix64(seed: 20_261_203)
        var rational = 0, real = 0
        for _ in 0..<300 {
            let a = Self.randomRational(&g)
            // Half the time b shares a's class, so the product is often a perfect square.
            let s = Rational(Int64(g.below(12) + 1), Int64(g.below(5) + 1))
            let b = g.below(2) == 0 ? a * s * s : Self.randomRational(&g)
            let c = Self.randomRational(&g), k = Self.randomRational(&g)
            let x = try Scalar(a).apply(.sqrt) * Scalar(c), y = try Scalar(b).apply(.sqrt)
            func node(_ r: Rational) -> RealNode { RealNode(.function(.sqrt, RealNode(.constant(r)))) }
            let rawX = RealNode(.scaled(node(a), c)), rawY = node(b)
            let product = x * y, quotient = try Scalar.divide(x, y)
            #expect(Self.agrees(product, RealNode(.product(rawX, rawY))), "√\(a)·\(c) · √\(b)")
            #expect(Self.agrees(quotient, RealNode(.quotient(rawX, rawY))), "√\(a)·\(c) / √\(b)")
            let over = try Scalar.divide(Scalar(k), x)
            #expect(Self.agrees(over * y, RealNode(.product(RealNode(.quotient(RealNode(.constant(k)), rawX)), rawY))))
            let e = g.below(9) - 4
            #expect(Self.agrees(try x.power(Scalar(e)), RealNode(.power(rawX, Rational(e)))), "(√\(a)·\(c))^\(e)")
            let sum = Scalar.sum([x, y, -Scalar.scale(y, by: k)])
            #expect(Self.agrees(sum, RealNode(.sum(SumTerms([SumTerm(.one, rawX), SumTerm(.one, rawY), SumTerm(-k, rawY)])))))
            if product.rational != nil { rational += 1 } else { real += 1 }
        }
        #expect(rational > 50 && real > 50, "rational \(rational), real \(real)")
    }

    @Test func theReducedRadicandIsExact() {
        var g = SplitMix64(seed: 7)
        for _ in 0..<2000 {
            let r = Rational(Int64(g.below(1 << 40) + 1), Int64(g.below(1 << 20) + 1))
            let reduced = ReducedRadicand(r)
            #expect(reduced.outside * reduced.outside * reduced.radicand == r, "\(r)")
            #expect(reduced.radicand.isInteger && reduced.radicand.sign > 0)
            if reduced.isSquareFree, let m = reduced.radicand.intValue, m < 1_000_000 {
                #expect(!(2...1000).contains { m % ($0 * $0) == 0 }, "\(m) claimed square-free")
            }
        }
        #expect(ReducedRadicand(Rational(12)).radicand == Rational(3))
        #expect(ReducedRadicand(Rational(2, 3)).radicand == Rational(6))
        #expect(ReducedRadicand(Rational(9, 4)).radicand == .one)
    }

    /// Random Σ cᵢ·√(rᵢ·sᵢ²) over few classes, built unmerged: 0 exactly when the coefficients of
    /// each class cancel after scaling by sᵢ; the test agrees, and never calls a nonzero sum 0.
    @Test func theZeroTestAgreesWithTheClasses() {
        var g = SplitMix64(seed: 99)
        var zeros = 0, nonzeros = 0
        for _ in 0..<200 {
            let all = [Rational(2), Rational(3), Rational(6), Rational(5, 7)]
            let first = g.below(all.count)
            let classes = (0..<(g.below(3) + 1)).map { all[(first + $0) % all.count] }
            var terms: [SumTerm] = []
            var totals: [Rational] = Array(repeating: .zero, count: classes.count)
            for _ in 0..<(g.below(6) + 2) {
                let i = g.below(classes.count)
                let s = Rational(Int64(g.below(9) + 1), Int64(g.below(4) + 1))
                let c = Rational(Int64(g.below(21)) - 10, Int64(g.below(3) + 1))
                terms.append(SumTerm(c, RealNode(.function(.sqrt, RealNode(.constant(classes[i] * s * s))))))
                totals[i] = totals[i] + c * s
            }
            // Cancel the first class's total with one more term, half the time.
            if g.below(2) == 0, !totals[0].isZero {
                terms.append(SumTerm(-totals[0], RealNode(.function(.sqrt, RealNode(.constant(classes[0]))))))
                totals[0] = .zero
            }
            let isZero = totals.allSatisfy(\.isZero)
            let node = RealNode(.sum(SumTerms(terms)))
            #expect(SquareRootSum.provesZero(node) == isZero, "\(ExactForm.string(.real(node), limit: 400) ?? "")")
            if isZero { zeros += 1 } else { nonzeros += 1 }
        }
        #expect(zeros > 20 && nonzeros > 20, "zeros \(zeros), nonzeros \(nonzeros)")
    }
}

// Every program in the reference vectors (an independent 80-digit implementation) reproduces:
// same shape, every printed digit correct at several precisions, exact fractions equal.
import Foundation
import Testing
@testable import Engine

struct ReferenceCase: CustomTestStringConvertible, Sendable {
    let file: String
    let program: String
    let shape: [Int]
    let values: [String]
    let exact: [String?]
    let exactRequired: Bool
    var testDescription: String { "\(file): \(program.prefix(60))" }

    static func load(_ file: String) -> [ReferenceCase] {
        let url = Bundle.module.url(forResource: "Fixtures/vectors/\(file)", withExtension: "json")!
        let list = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [[String: Any]]
        return list.map { c in
            ReferenceCase(file: file, program: c["program"] as! String, shape: c["shape"] as! [Int],
                          values: c["values"] as! [String],
                          exact: (c["exact"] as? [Any])?.map { $0 as? String } ?? Array(repeating: nil, count: (c["values"] as! [String]).count),
                          exactRequired: c["exact_required"] as! Bool)
        }
    }
}

let referenceFiles = ["arithmetic", "matrix", "dot", "softmax", "attention", "multihead", "rnn", "additive",
                      "posenc", "layernorm", "elementwise", "latex", "functions", "adversarial"]

@Suite("Reference vectors")
struct ReferenceVectorTests {
    @Test(arguments: referenceFiles.flatMap(ReferenceCase.load))
    func reproduces(_ c: ReferenceCase) throws {
        var interpreter = Interpreter()
        let (records, error) = interpreter.run(c.program)
        #expect(error == nil, "\(error.map { $0.diagnostic.message } ?? "")")
        let value = try #require(records.last?.outcome.tensor)
        #expect(value.shape.dimensions == c.shape)
        for digits in [40, 12, 6, 1] {
            for (i, reference) in c.values.enumerated() {
                let printed = DecimalFormat.string(value.scalar(at: i), digits: digits)
                #expect(DigitCheck.within(printed, reference: reference, digits: digits),
                        "element \(i) at \(digits) digits: printed \(printed), reference \(reference)")
            }
        }
        for (i, expected) in c.exact.enumerated() {
            let ours = ExactForm.string(value.scalar(at: i))
            if c.exactRequired {
                #expect(ours == expected, "element \(i): exact \(ours ?? "nil"), expected \(expected ?? "nil")")
            } else if let ours, DigitCheck.isPlainFraction(ours) {
                #expect(ours == expected, "element \(i): claims exactly \(ours), reference says \(expected ?? "irrational")")
            }
        }
    }
}

/// The acceptance rule: a printed decimal is right when it differs from the true value by less
/// than one unit in its last printed digit, and carries the requested digits (or is shorter and still within a unit).
enum DigitCheck {
    static func rational(_ s: String) -> Rational? {
        let negative = s.hasPrefix("-")
        guard let r = Rational(literal: negative ? String(s.dropFirst()) : s) else { return nil }
        return negative ? -r : r
    }

    /// One unit in the last place of a printed decimal.
    static func unit(_ printed: String) -> Rational {
        var mantissa = printed.hasPrefix("-") ? String(printed.dropFirst()) : printed
        var exponent = 0
        if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(mantissa[mantissa.index(after: e)...])!
            mantissa = String(mantissa[..<e])
        }
        let fraction = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let decimals = fraction.count == 2 ? fraction[1].count : 0
        return Rational(10).raised(to: exponent - decimals)
    }

    static func within(_ printed: String, reference: String, digits: Int) -> Bool {
        guard let p = rational(printed), let r = rational(reference) else { return false }
        if p == .zero || r == .zero { return p == r }
        // The reference is itself rounded at 40 digits: allow its half-unit too.
        let slack = r.magnitude * Rational(1, 2) * Rational(10).raised(to: -39)
        guard (p - r).magnitude < unit(printed) + slack else { return false }
        // Enough digits: a shorter string must still be within one unit of the digits-th digit.
        let significant = printed.filter(\.isNumber).drop { $0 == "0" }.count
        if significant >= digits || printed.contains("e") { return true }
        let full = DecimalFormat.string(r, digits: digits)
        return (p - r).magnitude < unit(full) + slack
    }

    static func isPlainFraction(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy { $0.isNumber || $0 == "/" || $0 == "-" }
    }
}

/// Random programs over every built-in (scripts/reference/random_programs.py, mpmath at 80 digits).
struct RandomReferenceCase: CustomTestStringConvertible, Sendable {
    let program: String
    let shape: [Int]
    let values: [String]
    var testDescription: String { String(program.prefix(70)) }

    static func load() -> [RandomReferenceCase] {
        let url = Bundle.module.url(forResource: "Fixtures/random-reference", withExtension: "json")!
        let list = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [[String: Any]]
        return list.map { RandomReferenceCase(program: $0["program"] as! String, shape: $0["shape"] as! [Int], values: $0["values"] as! [String]) }
    }
}

@Suite("Random programs against an independent reference")
struct RandomReferenceTests {
    @Test(arguments: RandomReferenceCase.load())
    func agreesToThirtyDigits(_ c: RandomReferenceCase) throws {
        var interpreter = Interpreter()
        let (records, error) = interpreter.run(c.program)
        #expect(error == nil, "\(error.map { $0.diagnostic.message } ?? "")")
        let value = try #require(records.last?.outcome.tensor)
        #expect(value.shape.dimensions == c.shape)
        for (i, reference) in c.values.enumerated() {
            let printed = DecimalFormat.string(value.scalar(at: i), digits: 30)
            #expect(DigitCheck.within(printed, reference: reference, digits: 30), "element \(i): \(printed) vs \(reference)")
        }
    }
}

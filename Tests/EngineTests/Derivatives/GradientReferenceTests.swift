// grad and jacobian against central finite differences computed independently at 150 digits
// (scripts/reference/gradient_reference.py): every printed digit right at 40, 12 and 6 digits,
// and gradients that are rational equal to the reference's fraction exactly.
import Foundation
import Testing
@testable import Engine
import TestSupport

struct GradientCase: CustomTestStringConvertible, Sendable {
    let category: String
    let program: String
    let shape: [Int]
    let values: [String]
    let exact: [String?]
    let exactRequired: Bool
    var testDescription: String { "\(category): \(program.suffix(70))" }

    static func load() -> [GradientCase] {
        let url = Bundle.module.url(forResource: "Fixtures/gradients/gradients", withExtension: "json")!
        let list = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [[String: Any]]
        return list.map { c in
            GradientCase(category: c["category"] as! String, program: c["program"] as! String, shape: c["shape"] as! [Int],
                         values: c["values"] as! [String], exact: (c["exact"] as! [Any]).map { $0 as? String },
                         exactRequired: c["exact_required"] as! Bool)
        }
    }
}

@Suite("Gradients against finite differences")
struct GradientReferenceTests {
    @Test(arguments: GradientCase.load())
    func agreesWithFiniteDifferences(_ c: GradientCase) throws {
        var interpreter = Interpreter()
        let (records, error) = interpreter.run(c.program)
        #expect(error == nil, "\(error.map { $0.diagnostic.message } ?? "")")
        let value = try #require(records.last?.outcome.tensor)
        #expect(value.shape.dimensions == c.shape)
        for digits in [40, 12, 6] {
            for (i, reference) in c.values.enumerated() {
                let printed = DecimalFormat.string(value.scalar(at: i), digits: digits)
                #expect(DigitCheck.within(printed, reference: reference, digits: digits),
                        "element \(i) at \(digits) digits: printed \(printed), reference \(reference)")
            }
        }
        if c.exactRequired {
            for (i, expected) in c.exact.enumerated() {
                #expect(value.scalar(at: i).rational != nil, "element \(i) should be rational")
                #expect(ExactForm.string(value.scalar(at: i)) == expected, "element \(i)")
            }
        }
    }

    /// The same rules in doubles (--float) agree with the exact gradient to double precision.
    @Test(arguments: GradientCase.load().filter { !$0.category.hasPrefix("jacobian") })
    func floatModeUsesTheSameRules(_ c: GradientCase) throws {
        var interpreter = Interpreter()
        interpreter.float = true
        let (records, error) = interpreter.run(c.program)
        #expect(error == nil, "\(error.map { $0.diagnostic.message } ?? "")")
        let value = try #require(records.last?.outcome.tensor)
        #expect(value.isFloat)
        for (i, reference) in c.values.enumerated() {
            let expected = Double(reference)!, got = value.floatElements[i]
            #expect(Swift.abs(got - expected) <= 1e-9 * Swift.max(1, Swift.abs(expected)), "element \(i): \(got) vs \(expected)")
        }
    }
}

// Every program in the reference vectors (an independent 80-digit implementation) reproduces:
// same shape, every printed digit correct at several precisions, exact fractions equal.
import Foundation
import Testing
@testable import Engine
import TestSupport

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

// Helpers for Engine tests: run a program, read its last value.
import Testing
@testable import Engine

enum Run {
    /// The last statement's value; records a test failure on any error.
    static func value(_ program: String, float: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) -> Tensor? {
        var interpreter = Interpreter()
        interpreter.float = float
        let (records, error) = interpreter.run(program)
        if let error {
            Issue.record("\(program): \(error.diagnostic.message)", sourceLocation: sourceLocation)
            return nil
        }
        return records.last?.outcome.tensor
    }

    /// The error message a program fails with (nil if it succeeds).
    static func error(_ program: String) -> String? {
        var interpreter = Interpreter()
        return interpreter.run(program).error?.diagnostic.message
    }

    static func exact(_ program: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String?] {
        guard let t = value(program, sourceLocation: sourceLocation) else { return [] }
        return (0..<t.count).map { ExactForm.string(t.scalar(at: $0)) }
    }

    static func decimals(_ program: String, digits: Int = 6, float: Bool = false) -> [String] {
        guard let t = value(program, float: float) else { return [] }
        return CellText.cells(t, digits: digits).map(\.decimal)
    }
}

/// A tiny nonzero value, ±m·10⁻ᵏ for k from 1 to 20 000, added to an exact zero that a zero
/// test must see through (`(sqrt(2) + 1)*(sqrt(2) - 1) - 1`, or a program ending in one): the
/// sum prints its correct digits, or stops with the precision-cap error; it never prints 0.
enum NearMiss {
    /// How many sums printed and how many were refused, each zero drawn from `zeros` by a fixed seed.
    static func outcomes(adding zeros: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> (printed: Int, refused: Int) {
        var g = SplitMix64(seed: 20_261_203)
        var printed = 0, refused = 0
        for k in [1, 20, 300, 5000, 9000, 9800, 9900, 12_000, 20_000] {
            let zero = zeros[g.below(zeros.count)]
            let m = (g.below(999) + 1) * (g.below(2) == 0 ? 1 : -1)
            let program = zero.contains(";") ? "\(zero) + \(m)e-\(k)" : "(\(zero)) + \(m)e-\(k)"
            var interpreter = Interpreter()
            interpreter.digits = 6
            let (records, error) = interpreter.run(program)
            if let error {
                let message = error.diagnostic.message
                #expect(message.contains("precision cap"), "\(program): \(message)", sourceLocation: sourceLocation)
                refused += 1
                continue
            }
            let value = try #require(records.last?.outcome.tensor, sourceLocation: sourceLocation)
            let text = CellText.cells(value, digits: 6)[0].decimal
            #expect(CertifiedCheck.within(text, reference: "\(m)e-\(k)", digits: 6), "\(program) printed \(text)", sourceLocation: sourceLocation)
            printed += 1
        }
        return (printed, refused)
    }
}

/// Random rational vectors and matrices as program text, reproducible from a seed.
struct RandomPrograms {
    var generator: SplitMix64
    init(seed: Int) { generator = SplitMix64(seed: UInt64(seed)) }

    mutating func number() -> String {
        let n = Int(generator.next() % 61) - 30
        let d = [1, 2, 4, 5, 10, 3][Int(generator.next() % 6)]
        return d == 1 ? "\(n)" : "\(n)/\(d)"
    }

    mutating func vector(_ n: Int) -> String { "[" + (0..<n).map { _ in number() }.joined(separator: ", ") + "]" }

    mutating func matrix(_ r: Int, _ c: Int) -> String {
        "[" + (0..<r).map { _ in (0..<c).map { _ in "(\(number()))" }.joined(separator: " ") }.joined(separator: "; ") + "]"
    }

    mutating func size(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(generator.next() % UInt64(range.count)) }
}

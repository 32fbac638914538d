// `:why`'s line with numbers (CellExplainer): an operand's exact form is put in parentheses
// where the operator next to it binds tighter, so the line reads as the value it computes.
import Testing
@testable import Engine

@Suite("Operands in :why")
struct CellExplanationOperandTests {
    static func lines(_ program: String, _ name: String) -> [String] {
        var interpreter = Interpreter()
        let (records, error) = interpreter.run(program)
        guard error == nil, let record = records.last else { return [] }
        return CellExplainer(record: record, name: name, row: 0, col: 0, digits: 6).explain()?.lines ?? []
    }

    @Test(arguments: [
        ("a = sqrt(2) + 1\nb = 2 - a", "b = 2 - a = 2 - (sqrt(2) + 1)"),
        // 1 / (2*sqrt(3)) reads as the result's form, so only that is shown (never 1 / 2*sqrt(3)).
        ("a = 2*sqrt(3)\nb = 1 / a", "b = 1 / a = 1/(2*sqrt(3)) ≈ 0.288675"),
        ("a = sqrt(2) + 1\nb = a * a", "b = a · a = (sqrt(2) + 1) · (sqrt(2) + 1)"),
        ("a = 1/3\nb = 2 / a", "b = 2 / a = 2 / (1/3) = 6"),
        ("a = sqrt(2) + 1\nb = a^2", "b = a ^ 2 = (sqrt(2) + 1) ^ 2"),
        ("a = sqrt(2) + 1\nb = -a", "b = -a = -(sqrt(2) + 1)"),
        // Where no operator binds tighter, no parentheses.
        ("a = 2*sqrt(3)\nb = a * 5", "b = a · 5 = 2*sqrt(3) · 5"),
        ("a = sqrt(2) + 1\nb = 3 + a", "b = 3 + a = 3 + sqrt(2) + 1"),
        ("a = 1/3\nb = a * 3", "b = a · 3 = 1/3 · 3 = 1"),
    ])
    func anOperandIsParenthesisedWhereTheOperatorNeedsIt(_ program: String, _ expected: String) {
        let shown = Self.lines(program, "b")
        #expect(shown.contains { $0.hasPrefix(expected) }, "\(shown)")
    }
}

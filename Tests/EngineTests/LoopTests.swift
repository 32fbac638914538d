// Loop blocks run on the real lexer and parser: substitution of the variable and of subscripts
// that mention it, every pass recorded, bounds and the budget of passes.
import Testing
@testable import Engine

@Suite("Loops")
struct LoopTests {
    func apply(_ text: String, _ variable: String, _ value: Int) throws -> String {
        try LoopSubstitution.apply(text, variable: Name(variable), value: value)
    }

    @Test func substitutesTheVariableAndSubscriptsThatMentionIt() throws {
        #expect(try apply("h_t = tanh(W_hh h_{t-1} + W_xh X[t] + b_h)", "t", 3) == "h_3 = tanh(W_hh h_2 + W_xh X[3] + b_h)")
        // `2i` is 2·i: the value is glued in parentheses, never `22`.
        #expect(try apply("Q_i = Q[:, (i-1)*d_h+1:i*d_h] + 2i + tanh(t_i)", "i", 2)
                == "Q_2 = Q[:, (2-1)*d_h+1:2*d_h] + 2(2) + tanh(t_2)")
        #expect(try apply("y = X[t] \\cdot t", "t", -1) == "y = X[(-1)] \\cdot (-1)")
        #expect(try apply("e_{2,i} = x_i", "i", 1) == "e_{2,1} = x_1")
        #expect(try apply("head_i = W_hh", "i", 2) == "head_2 = W_hh")
        #expect(try apply("e_{i,2*i+1} = 0 # i stays in comments", "i", 3) == "e_{3,7} = 0 # i stays in comments")
        // Unicode subscripts, as the screen prints them, are names like any other.
        #expect(try apply("hₜ = hₜ₋₁", "t", 2) == "h_2 = h_1")
        // A call named like the variable is not the variable.
        #expect(try apply("t(1)", "t", 5) == "t(1)")
    }

    @Test func aSubscriptThatIsNotAWholeNumberIsAnError() {
        #expect(throws: Diagnostic.self) { try apply("h_{t/2} = 1", "t", 3) }
        // Found by the lesson fuzzer: subscripts past Int are refused, not trapped on.
        #expect(throws: Diagnostic.self) { try apply("h_{99999999999*99999999999*t} = 1", "t", 2) }
    }

    @Test func runsEveryPassAndRecordsIt() {
        var interpreter = Interpreter()
        var budget = LoopBudget()
        _ = interpreter.run("acc = 0")
        let (records, failure) = interpreter.run(LoopBlock(variable: Name("j"), from: "1", to: "3", source: "w_j = j\nacc = acc + w_j"),
                                                 budget: &budget)
        if let failure { Issue.record("\(failure)") }
        #expect(records.map(\.record.text) == ["w_1 = 1", "acc = acc + w_1", "w_2 = 2", "acc = acc + w_2", "w_3 = 3", "acc = acc + w_3"])
        #expect(records.map(\.pass.value) == [1, 1, 2, 2, 3, 3])
        #expect(interpreter.environment.variables["acc"]?.scalarValue?.rational == Rational(6))
        #expect(interpreter.environment.variables["j"] == nil)      // the variable is gone after the loop
        #expect(budget.remaining == LoopBudget.passesPerLesson - 3)
    }

    @Test func theBudgetRefusesALoopBeforeItRuns() {
        var interpreter = Interpreter()
        var budget = LoopBudget(passes: 5)
        let block = LoopBlock(variable: Name("t"), from: "1", to: "6", source: "x = t")
        let (records, failure) = interpreter.run(block, budget: &budget)
        #expect(records.isEmpty)
        guard case let .tooLong(d)? = failure else { Issue.record("expected the loop to be refused"); return }
        #expect(d.message.contains("passes in all"))
    }
}

// Joining typed lines into complete inputs: the rule behind continuation prompts.
import Testing
@testable import AttnREPL

@Suite("Input assembler")
struct InputAssemblerTests {
    @Test func aCompleteLineIsReturnedAtOnce() {
        var a = InputAssembler()
        #expect(a.add("softmax([1, 2, 3])") == "softmax([1, 2, 3])")
        #expect(!a.isContinuing)
    }

    @Test func openBracketsWaitForMoreLines() {
        var a = InputAssembler()
        #expect(a.add("A = [1 2") == nil)
        #expect(a.isContinuing)
        #expect(a.add("3 4]") == "A = [1 2\n3 4]")
        #expect(!a.isContinuing)
    }

    @Test func aParseErrorIsCompleteSoItCanBeReported() {
        var a = InputAssembler()
        #expect(a.add("1 +* 2") == "1 +* 2")
    }

    @Test func commandsAreOneLineEvenWithOpenBrackets() {
        var a = InputAssembler()
        #expect(a.add(":help [") == ":help [")
    }

    @Test func flushGivesUpOnTheOpenInput() {
        var a = InputAssembler()
        #expect(a.add("v = [1,") == nil)
        #expect(a.flush() == "v = [1,")
        #expect(!a.isContinuing)
        #expect(a.flush() == nil)
    }
}

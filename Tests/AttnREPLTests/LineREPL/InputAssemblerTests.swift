// Joining typed lines into complete inputs: the rule behind continuation prompts.
import Testing
@testable import AttnREPL

@Suite("Input assembler")
struct InputAssemblerTests {
    @Test func aCompleteLineIsReturnedAtOnce() {
        var a = InputAssembler()
        #expect(a.add("softmax([1, 2, 3])") == ["softmax([1, 2, 3])"])
        #expect(!a.isContinuing)
    }

    @Test func openBracketsWaitForMoreLines() {
        var a = InputAssembler()
        #expect(a.add("A = [1 2") == [])
        #expect(a.isContinuing)
        #expect(a.add("3 4]") == ["A = [1 2\n3 4]"])
        #expect(!a.isContinuing)
    }

    @Test func aParseErrorIsCompleteSoItCanBeReported() {
        var a = InputAssembler()
        #expect(a.add("1 +* 2") == ["1 +* 2"])
    }

    @Test func commandsAreOneLineEvenWithOpenBrackets() {
        var a = InputAssembler()
        #expect(a.add(":help [") == [":help ["])
    }

    @Test func flushGivesUpOnTheOpenInput() {
        var a = InputAssembler()
        #expect(a.add("v = [1,") == [])
        #expect(a.flush() == "v = [1,")
        #expect(!a.isContinuing)
        #expect(a.flush() == nil)
    }

    @Test func aCommandIsNeverTheContinuationOfAStatement() {
        var a = InputAssembler()
        #expect(a.add("y = 1 +") == [])
        #expect(a.add(":export html") == ["y = 1 +", ":export html"])
        #expect(!a.isContinuing)
        #expect(a.add("v = [1,") == [])
        #expect(a.add("  :digits 3") == ["v = [1,", "  :digits 3"])
    }

    @Test func bracketsInCommentsAndSubscriptsCountAsTheLexerCountsThem() {
        var a = InputAssembler()
        #expect(a.add("v = [1, 2] # [") == ["v = [1, 2] # ["])
        #expect(a.add("e_{2,") == [])
        #expect(a.add("1} = [3") == [])
        #expect(a.add("4]") == ["e_{2,\n1} = [3\n4]"])
        #expect(a.add("w = \\left( 1 + 2 \\right)") == ["w = \\left( 1 + 2 \\right)"])
    }

    @Test func aTrailingOperatorAskForMoreOnceBracketsAreBalanced() {
        var a = InputAssembler()
        #expect(a.add("y = [1, 2] +") == [])
        #expect(a.add("[3, 4]") == ["y = [1, 2] +\n[3, 4]"])
    }

    @Test func aClosingBracketThatMatchesNothingIsLeftToTheParser() {
        var a = InputAssembler()
        #expect(a.add("[1, 2)") == ["[1, 2)"])
    }
}

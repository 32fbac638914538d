// A lesson input that does not fit is rejected by name, and its previous value stays.
import Testing
@testable import AttnREPL
import Engine

@Suite("Rejected lesson inputs")
struct RejectedInputTests {
    @Test(arguments: [(Language.en, "x_1 keeps its previous value"), (Language.zh, "x_1 保留原来的值")])
    func aRejectedInputIsNamedAndKeepsItsValue(_ language: Language, _ message: String) throws {
        let state = ReplState(digits: 6, float: false, language: language, library: LessonLibrary(extraDirectory: nil))
        state.keepsProgress = false
        _ = Responder(state: state).respond(to: ":lesson dot-attention")
        let before = TensorText.inline(try #require(state.lesson?.run.value(of: "x_1")), digits: 6)
        let response = Responder(state: state).respond(to: "x_1 = [1, 2]")
        #expect(response.errors.joined().contains(message), "\(response.errors)")
        #expect(state.lesson?.run.value(of: "x_1").map { TensorText.inline($0, digits: 6) } == before)
    }
}

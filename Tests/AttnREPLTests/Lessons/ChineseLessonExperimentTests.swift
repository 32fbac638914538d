// The Chinese lessons played as a learner plays them: every statement their text suggests,
// typed as written and in the order given, does what the text says. (The English lessons'
// checks live beside the multi-input tests.)
import Engine
import Foundation
import Testing
@testable import AttnREPL

@Suite("Chinese lessons' experiments")
struct ChineseLessonExperimentTests {
    /// A suggested statement that assigns only a tensor a step computes (`h = 1/100000` where h
    /// is not an input) makes a scratch variable and changes nothing the lesson shows, so the
    /// text promises what typing it does not do. Every suggested statement also runs without error.
    /// (Chinese lessons; the English training lesson still suggests `h = 1/100000`.)
    @Test(arguments: LessonSourceFile.all.filter { $0.language == "zh" && !$0.typedAssignments.isEmpty })
    func everySuggestedStatementDoesWhatTheTextSays(_ file: LessonSourceFile) throws {
        let inputs = file.inputNames
        for statement in file.typedAssignments {
            let state = try MultiInputTests.lessonState(file.id, language: .zh)
            let stepTensors = statement.names.filter { !inputs.contains($0) && state.lesson?.value(named: $0) != nil }
            let r = MultiInputTests.screenResponse(state, statement.code)
            #expect(r.errors.isEmpty, "\(file.testDescription): `\(statement.code)` fails: \(r.errors)")
            #expect(statement.names.count > 1 || stepTensors.isEmpty,
                    "\(file.testDescription): `\(statement.code)` only makes a scratch \(stepTensors.joined()): it is not an input, so the lesson does not change")
        }
    }

    /// A learner tries the experiments in the order the text gives them, without resetting
    /// anything: each still runs after the ones before it (one that widened X and W_xh must not
    /// make a later one, written for the default widths, fail).
    @Test(arguments: LessonSourceFile.all.filter { $0.language == "zh" && !$0.experiments.isEmpty })
    func theSuggestedExperimentsRunOneAfterAnother(_ file: LessonSourceFile) throws {
        let state = try MultiInputTests.lessonState(file.id, language: .zh)
        for experiment in file.experiments {
            let r = MultiInputTests.screenResponse(state, experiment.code)
            #expect(r.errors.isEmpty, "\(file.testDescription): `\(experiment.code)` fails after the experiments before it: \(r.errors)")
        }
    }
}

extension ExerciseFeedbackTests {
    /// `[1 0 1 0]` is a row: an answer that should be a vector says how a vector is written.
    @Test func aRowForAVectorSaysHowToWriteAVector() throws {
        let state = try MultiInputTests.lessonState("cross-attention", language: .zh)
        state.lesson?.go(to: 2)
        let r = MultiInputTests.screenResponse(state, "H_first = [1 0 1 0]")
        #expect(r.errors.joined() + r.lines.joined() == "H_first 是 4 维向量，但你的答案是 1×4 矩阵（[1 2 3] 是一行；向量要用逗号分隔：[1, 2, 3]）")
        let english = try MultiInputTests.lessonState("cross-attention")
        english.lesson?.go(to: 2)
        let e = MultiInputTests.screenResponse(english, "H_first = [1 0 1 0; 0 1 0 1]")
        #expect(e.errors.joined() + e.lines.joined() == "H_first is a 4-vector, but the answer is a 2×4 matrix")
    }

}

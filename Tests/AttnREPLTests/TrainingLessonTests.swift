// The training lesson: its tensors (SPEC §5 names) against finite differences computed
// independently (scripts/reference/gradient_reference.py), with the default inputs and with
// random inputs of the default shapes; the step lowers the loss; both languages agree.
import Foundation
import Testing
import TestSupport
import Engine

@Suite("Training lesson")
struct TrainingLessonTests {
    static let cases = LessonVectorCase.load("training-reference")

    @Test(arguments: cases)
    func matchesFiniteDifferences(_ c: LessonVectorCase) throws {
        try LessonVectorTests().check(c, exactWhenGiven: false)
    }

    @Test(arguments: cases)
    func theStepLowersTheLoss(_ c: LessonVectorCase) throws {
        let settings = c.set.sorted { $0.key < $1.key }.flatMap { ["--set", "\($0.key)=\($0.value)"] }
        let tensors = try LessonRunJSON.run(["training", "--digits", "20"] + settings).finalTensors
        let before = try #require(tensors["L"]?.values.first.flatMap(DigitCheck.rational))
        let after = try #require(tensors["L_new"]?.values.first.flatMap(DigitCheck.rational))
        #expect(after < before)
        // The learner's own check: the finite difference is within h² of the gradient entry.
        let gap = try #require(tensors["gap"]?.values.first.flatMap(DigitCheck.rational))
        #expect(gap.magnitude < Rational(1, 10_000))
    }

    @Test func bothLanguagesComputeTheSameTensors() throws {
        for settings in [[], ["--set", "eta=5", "--set", "T=[0 0 1 0; 1 0 0 0; 0 1 0 0]"]] {
            let english = try LessonRunJSON.run(["training", "--digits", "12"] + settings)
            let chinese = try LessonRunJSON.run(["training", "--digits", "12", "--lang", "zh"] + settings)
            #expect(english.steps.count == chinese.steps.count)
            for (e, z) in zip(english.steps, chinese.steps) {
                #expect(e.tensors.map(\.name) == z.tensors.map(\.name))
                #expect(e.tensors.map(\.values) == z.tensors.map(\.values))
            }
            let names = Set(english.steps.flatMap { $0.tensors.map(\.name) })
            for required in ["Z", "L", "G_Q", "G_K", "G_V", "W_Q_new", "L_new"] { #expect(names.contains(required), "\(required)") }
        }
        let text = try BinaryRunner.run(["run", "training", "--lang", "zh"])
        #expect(text.status == 0)
        let han = text.stdout.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) }.count
        #expect(han > 1000, "the zh run shows \(han) Chinese characters")
    }

    @Test func theExerciseIsARationalGradientEntry() throws {
        let run = try LessonRunJSON.run(["training"])
        let g = try #require(run.finalTensors["g_{11}"] ?? run.finalTensors["g_11"])
        #expect(g.exact.first??.contains("exp") == false)
        // Σ_k X[k, 1]·R[k, 1] with the default inputs: X column 1 = [1, 0, 1], R column 1 = [0, 0, 1].
        #expect(g.exact.first == "1")
    }
}

// The built-in lessons played as a learner plays them, in every language (lessons/*.md and
// lessons/zh/*.md): every statement their text suggests typing (inline code such as
// `x_3 = [5, 10, -5]`) runs as written, alone and after the ones before it, through the input
// line and `run --set`, and changes something the lesson uses. (The text as read: LessonTextTests.)
import Engine
import Foundation
import Testing
@testable import AttnREPL

@Suite("Lesson experiments")
struct LessonExperimentTests {
    // MARK: A suggestion changes what the lesson shows

    /// The names a suggestion assigns that the lesson computes itself: not an input (every step
    /// recomputes), not an exercise (an answer), not a name of the learner's own. Typing one
    /// only makes a copy the lesson's steps never use (`h = 1/100000` where h is computed).
    static func computedNames(_ names: [String], in lesson: LessonSession) -> [String] {
        let inputs = Set(lesson.lesson.inputs.map(\.name))
        let exercises = Set(lesson.lesson.steps.flatMap(\.exercises))
        return names.filter { !inputs.contains($0) && !exercises.contains($0) && lesson.value(named: $0) != nil }
    }

    @Test(arguments: LessonSourceFile.all)
    func noSuggestionAssignsATensorTheLessonComputes(_ file: LessonSourceFile) throws {
        let lesson = try #require(try MultiInputTests.lessonState(file.id, language: file.language).lesson)
        for span in file.statementSpans {
            for name in Self.computedNames(span.assigned, in: lesson) {
                Issue.record("\(file.testDescription): `\(span.code)` assigns \(name), which the lesson computes: typing it changes nothing the lesson shows")
            }
        }
    }

    @Test func theComputedNameCheckCanFail() throws {
        let lesson = try #require(try MultiInputTests.lessonState("training").lesson)
        let sample = LessonSourceFile(id: "training", language: .en, text: "---\n---\nTry `fd = 1/100000; h = 1/1000`.")
        let span = try #require(sample.statementSpans.first)
        #expect(Self.computedNames(span.assigned, in: lesson) == ["fd"])          // h is an input
        #expect(Self.computedNames(["my_own"], in: lesson).isEmpty)
    }

    // MARK: Every suggestion runs as written

    /// The errors typing `codes` on the screen's input line reports, each with its code: every
    /// one in a freshly opened lesson, or one after another in the same lesson.
    static func errors(typing codes: [String], in id: String, _ language: Language, oneAfterAnother: Bool) throws -> [String] {
        var state = try MultiInputTests.lessonState(id, language: language)
        var errors: [String] = []
        for code in codes {
            if !oneAfterAnother { state = try MultiInputTests.lessonState(id, language: language) }
            let r = MultiInputTests.screenResponse(state, code)
            if !r.errors.isEmpty { errors.append("`\(code)` fails: \(r.errors.joined(separator: " "))") }
        }
        return errors
    }

    /// Every statement a lesson suggests typing runs in the lesson as written, and one that sets
    /// only inputs recomputes it.
    @Test(arguments: LessonSourceFile.all.filter { !$0.typedAssignments.isEmpty })
    func everySuggestedStatementRunsAsWritten(_ file: LessonSourceFile) throws {
        for error in try Self.errors(typing: file.typedAssignments.map(\.code), in: file.id, file.language, oneAfterAnother: false) {
            Issue.record("\(file.testDescription): \(error)")
        }
        for experiment in file.experiments {
            let state = try MultiInputTests.lessonState(file.id, language: file.language)
            #expect(MultiInputTests.screenResponse(state, experiment.code).lessonChanged,
                    "\(file.testDescription): `\(experiment.code)` does not recompute the lesson")
        }
    }

    /// A learner tries the experiments in the order the text gives them, without resetting
    /// anything in between: each must still run after the earlier ones (an experiment that
    /// widened X and W_xh must not make a later one, written for the default widths, fail).
    @Test(arguments: LessonSourceFile.all.filter { !$0.experiments.isEmpty })
    func theSuggestedExperimentsRunOneAfterAnother(_ file: LessonSourceFile) throws {
        for error in try Self.errors(typing: file.experiments.map(\.code), in: file.id, file.language, oneAfterAnother: true) {
            Issue.record("\(file.testDescription): after the experiments before it, \(error)")
        }
    }

    /// An experiment that only fits the default widths fails after one that widened them,
    /// though it runs alone; and an input that fits no other alone fails even alone.
    @Test func theRunChecksCanFail() throws {
        let widen = MultiInputTests.bothTogether, narrow = "X = [1 0 0; 0 1 0]"
        #expect(try Self.errors(typing: [widen, narrow], in: "rnn-attention", .en, oneAfterAnother: false).isEmpty)
        let after = try Self.errors(typing: [widen, narrow], in: "rnn-attention", .zh, oneAfterAnother: true)
        #expect(after.count == 1 && after[0].hasPrefix("`\(narrow)` fails: 错误："), "\(after)")
        #expect(try Self.errors(typing: ["X = [1 0; 0 1; 1 1]"], in: "rnn-attention", .en, oneAfterAnother: false).count == 1)
    }

    /// Every experiment also runs from the command line, as `run ID --set NAME=VALUE` options.
    @Test(arguments: LessonSourceFile.all.filter { !$0.experiments.isEmpty })
    func everySuggestedExperimentRunsThroughSet(_ file: LessonSourceFile) throws {
        for experiment in file.experiments {
            let settings = experiment.settings.flatMap { ["--set", "\($0.name)=\($0.value)"] }
            let result = try BinaryRunner.run(["run", file.id, "--lang", file.language.rawValue, "--format", "json"] + settings)
            #expect(result.status == 0, "\(file.testDescription): `\(experiment.code)` fails: \(result.stderr)")
        }
    }

    @Test func experimentsAreFoundInProse() throws {
        for language in Language.allCases {
            let file = try #require(LessonSourceFile.all.first { $0.id == "rnn-attention" && $0.language == language })
            let experiment = try #require(file.experiments.first { $0.code == MultiInputTests.bothTogether }, "\(language)")
            #expect(experiment.settings.map(\.name) == ["X", "W_xh"])
            #expect(experiment.settings.map(\.value) == ["[1 0; 0 1; 1 1]", "[0.5 0; 0 1]"])
        }
        #expect(LessonSourceFile.statements("X = [1 0; 0 1]; b = 2;") == ["X = [1 0; 0 1]", " b = 2"])
        let placeholder = LessonSourceFile(id: "t", language: .en, text: "---\n---\nTry `g_{11} = …` or `W_{Q} = [1]`, then `W_Q`.")
        #expect(placeholder.typedAssignments.map(\.names) == [["W_Q"]])
        #expect(placeholder.statementSpans.map(\.code) == ["W_{Q} = [1]", "W_Q"])
    }
}

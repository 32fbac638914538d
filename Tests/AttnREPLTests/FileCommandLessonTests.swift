// `:load` inside a lesson: an input loaded from a file recomputes every step, exactly as
// typing `x_1 = [...]` does; other names join the learner's own scope.
import Engine
import Foundation
import Testing
@testable import AttnREPL

@Suite("File commands in a lesson")
struct FileCommandLessonTests {
    /// A state with dot-attention open, keeping progress in memory only.
    static func stateInLesson() throws -> ReplState {
        let state = FileCommandTests.freshState()
        let lesson = try state.library.lesson("dot-attention", language: .en)
        state.lesson = try LessonSession(lesson: lesson, progress: Progress(), saveProgress: false)
        return state
    }

    static func file(_ name: String, _ text: String) throws -> String {
        let url = try FileCommandTests.scratchDirectory().appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func loadingAnInputRecomputesLikeTypingIt() throws {
        let loaded = try Self.stateInLesson(), typed = try Self.stateInLesson()
        let result = CommandTable.execute(":load x_1 = \(try Self.file("x.csv", "2\n0\n1\n"))", state: loaded)
        #expect(result.error == nil && result.showLesson)
        #expect(result.output.contains("x_1 changed: every step recomputed."))
        _ = typed.lesson!.submit("x_1 = [2, 0, 1]")
        for name in ["e_{2,1}", "alpha_{2,1}", "c_2"] {
            let a = try #require(loaded.lesson!.run.value(of: name)), b = try #require(typed.lesson!.run.value(of: name))
            #expect(ExactForm.string(a.scalar(at: 0)) == ExactForm.string(b.scalar(at: 0)), "\(name)")
        }
        #expect(FileCommandTests.exactStrings(loaded.lesson!.run.value(of: "e_{2,1}")!) == ["1/2"])
        // Typing the input afterwards replaces the loaded value.
        _ = loaded.lesson!.submit("x_1 = [1, 0, 2]")
        #expect(FileCommandTests.exactStrings(loaded.lesson!.run.value(of: "x_1")!) == ["1", "0", "2"])
    }

    @Test func anInputOfTheWrongShapeChangesNothing() throws {
        let state = try Self.stateInLesson()
        let before = FileCommandTests.exactStrings(state.lesson!.run.value(of: "e_{2,1}")!)
        let result = CommandTable.execute(":load x_1 = \(try Self.file("m.csv", "1,2\n3,4\n"))", state: state)
        #expect(result.error?.hasPrefix("x_1 from ") == true, "\(result.error ?? "")")
        #expect(FileCommandTests.exactStrings(state.lesson!.run.value(of: "e_{2,1}")!) == before)
        #expect(state.lesson!.loadedInputs.isEmpty)
    }

    @Test func otherNamesJoinTheLearnersScope() throws {
        let state = try Self.stateInLesson()
        #expect(CommandTable.execute(":load Y = \(try Self.file("y.json", "[1, 2, 3]"))", state: state).error == nil)
        guard case let .value(record) = state.lesson!.submit("h_2^T Y") else { Issue.record("no value"); return }
        #expect(record.outcome.tensor.map(FileCommandTests.exactStrings) == ["1"])
        #expect(state.interpreter.environment[variable: "Y"] == nil)
    }

    @Test func theExerciseBeingPredictedCannotBeLoadedOrSaved() throws {
        let state = try Self.stateInLesson()
        let path = try Self.file("e.json", "3")
        #expect(CommandTable.execute(":load e_{2,1} = \(path)", state: state).error?.contains("exercise") == true)
        let out = try FileCommandTests.scratchDirectory().appendingPathComponent("e.json").path
        #expect(CommandTable.execute(":save e_{2,1} \(out)", state: state).error?.contains("exercise") == true)
        #expect(CommandTable.execute(":save h_2 \(out)", state: state).error == nil)
    }
}

@Suite("File commands through a pipe")
struct FileCommandPipeTests {
    @Test func loadComputeAndSaveAsNumPyWould() throws {
        let dir = try FileCommandTests.scratchDirectory()
        let original = FileCommandTests.npyDirectory.appendingPathComponent("float64_vector.npy")
        let copy = dir.appendingPathComponent("copy.npy")
        let input = ":load X = \(original.path)\nsum(X[4] * [1, 2])\n:save X \(copy.path)\n:load Y = \(dir.path)/missing.npy\n"
        let r = try BinaryRunner.run([], stdin: input, environment: ["XDG_STATE_HOME": dir.appendingPathComponent("state").path])
        #expect(r.stdout.contains("X: 5-vector from \(original.path)"))
        #expect(r.stdout.contains("note: read from float64 data"))
        #expect(r.stdout.contains("\n9\n"))
        #expect(r.stdout.contains("saved X (5-vector) to \(copy.path)"))
        #expect(r.stderr == "error: \(dir.path)/missing.npy: no such file\n")
        // Every value was a double already, so the file is byte for byte what NumPy wrote.
        #expect(try Data(contentsOf: copy) == (try Data(contentsOf: original)))
    }
}

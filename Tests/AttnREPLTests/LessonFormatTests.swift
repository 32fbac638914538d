// The lesson format: what reads, and each kind of malformed lesson with its file:line error.
import Testing
@testable import AttnREPL
import Engine

@Suite("Lesson format")
struct LessonFormatTests {
    static let good = """
        ---
        id: tiny
        title: Tiny
        order: 3
        summary: A small lesson.
        inputs:
          x_{1}: [1, 2]
          W: [1 0; 0 1]
        ---

        Intro text.

        ## First step
        Some prose.

        ```attn
        y = W x_1
        s = sum(y)
        ```

        ```exercise
        s
        ```

        ```hint
        Add the elements.
        ```

        ## Loop step
        ```attn for t = 1:2
        z_t = t * x_1
        z_{t+10} = z_t
        ```
        """

    @Test func readsAWellFormedLesson() throws {
        let lesson = try LessonReader(file: "tiny.md", text: Self.good).lesson()
        #expect(lesson.id == "tiny")
        #expect(lesson.order == 3)
        #expect(lesson.inputs.map(\.name) == ["x_1", "W"])
        #expect(lesson.introduction == "Intro text.")
        #expect(lesson.steps.count == 2)
        #expect(lesson.steps[0].exercises == ["s"])
        #expect(lesson.steps[0].hint == "Add the elements.")
        #expect(lesson.steps[0].blocks.first?.line == 17)
        #expect(lesson.steps[1].blocks.first?.loop?.variable == "t")
    }

    @Test func anExerciseMustBeAssignedInItsStep() throws {
        let text = Self.good.replacingOccurrences(of: "```exercise\ns\n```", with: "```exercise\nz_1\n```")
        let lesson = try LessonReader(file: "tiny.md", text: text).lesson()
        let error = try #require(throws: LessonError.self) { try LessonRunner.run(lesson) }
        #expect(error.line == 22)
        #expect(error.message.contains("exercise z_1 is not assigned in this step"))
    }

    @Test func runsStepsAndLoops() throws {
        let lesson = try LessonReader(file: "tiny.md", text: Self.good).lesson()
        let run = try LessonRunner.run(lesson)
        #expect(run.steps[0].tensors.map(\.name) == ["y", "s"])
        #expect(run.steps[1].tensors.map(\.name) == ["z_1", "z_11", "z_2", "z_12"])
        #expect(run.value(of: "s")?.scalarValue?.rational?.description == "3")
        #expect(run.value(of: "t") == nil)
    }

    @Test func inputsCanBeOverridden() throws {
        let lesson = try LessonReader(file: "tiny.md", text: Self.good).lesson()
        let run = try LessonRunner.run(lesson, overrides: [("x_1", "[5, 5]")])
        #expect(run.value(of: "s")?.scalarValue?.rational?.description == "10")
        #expect(throws: LessonError.self) { try LessonRunner.run(lesson, overrides: [("nope", "1")]) }
    }

    static let malformed: [(String, String, String)] = [
        ("no front matter", "# Title\n", "tiny.md:1: a lesson starts with a front matter"),
        ("unclosed front matter", "---\nid: a\ntitle: A\n", "tiny.md:1: the front matter is not closed"),
        ("unknown key", "---\nid: a\ntitle: A\ncolour: red\n---\n## S\n", "tiny.md:4: unknown front matter key 'colour'"),
        ("no id", "---\ntitle: A\n---\n## S\n", "tiny.md:1: the front matter has no id"),
        ("bad order", "---\nid: a\ntitle: A\norder: first\n---\n## S\n", "tiny.md:4: order must be a whole number"),
        ("bad input name", "---\nid: a\ntitle: A\ninputs:\n  1x: 3\n---\n## S\n", "tiny.md:5: '1x' is not a name"),
        ("no steps", "---\nid: a\ntitle: A\n---\nJust prose.\n", "a lesson needs at least one '## ' step"),
        ("unclosed block", "---\nid: a\ntitle: A\n---\n## S\n```attn\nx = 1\n", "tiny.md:6: the ``` block is not closed"),
        ("block before steps", "---\nid: a\ntitle: A\n---\n```attn\nx = 1\n```\n## S\n", "tiny.md:5: a ```attn block must be inside"),
        ("bad loop", "---\nid: a\ntitle: A\n---\n## S\n```attn repeat\nx = 1\n```\n", "tiny.md:6: expected ```attn or ```attn for v = a:b"),
    ]

    @Test(arguments: 0..<malformed.count)
    func malformedLessonsSayFileLineAndWhat(_ i: Int) {
        let (_, text, expected) = Self.malformed[i]
        do {
            _ = try LessonReader(file: "tiny.md", text: text).lesson()
            Issue.record("expected an error containing \(expected)")
        } catch let e as LessonError {
            #expect(e.description.contains(expected), "\(e.description)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func aFailingFormulaReportsItsLine() throws {
        let text = "---\nid: a\ntitle: A\ninputs:\n  x: [1, 2]\n---\n## S\n```attn\ny = x + 1\nz = x * x\n```\n"
        let lesson = try LessonReader(file: "a.md", text: text).lesson()
        do {
            _ = try LessonRunner.run(lesson)
            Issue.record("expected a failure")
        } catch let e as LessonError {
            #expect(e.description.hasPrefix("a.md:10: cannot multiply 2-vector by 2-vector"), "\(e.description)")
        }
    }

    @Test func aBadDefaultInputReportsItsLine() throws {
        let text = "---\nid: a\ntitle: A\ninputs:\n  x: [1, 2\n---\n## S\n```attn\ny = x\n```\n"
        let lesson = try LessonReader(file: "a.md", text: text).lesson()
        #expect(throws: LessonError.self) { try LessonRunner.run(lesson) }
        do { _ = try LessonRunner.run(lesson) } catch let e as LessonError { #expect(e.description.hasPrefix("a.md:5:")) } catch {}
    }

    @Test func translationsMustMatchStepForStep() throws {
        let zh = "---\nid: tiny\ntitle: 小\n---\n介绍\n## 第一步\n文字\n"
        let translation = try LessonReader(file: "zh/tiny.md", text: zh).translation()
        #expect(translation.steps.count == 1)
        let withFormula = "---\nid: tiny\ntitle: 小\n---\n## 一\n```attn\nx = 1\n```\n"
        #expect(throws: LessonError.self) { try LessonReader(file: "zh/tiny.md", text: withFormula).translation() }
    }

    // Found while writing the lesson fuzzer: these trapped on integer overflow.
    @Test func loopBoundsNearTheIntegerLimitsAreRefused() throws {
        let text = "---\nid: a\ntitle: A\n---\n## S\n```attn for t = -9000000000000000000:9000000000000000000\nx = t\n```\n"
        let lesson = try LessonReader(file: "a.md", text: text).lesson()
        do {
            _ = try LessonRunner.run(lesson)
            Issue.record("expected the loop to be refused")
        } catch let e as LessonError {
            #expect(e.description.contains("too long"), "\(e.description)")
        }
    }

    @Test func everyLoopPassIsRecordedWithItsIndex() throws {
        let text = "---\nid: a\ntitle: A\n---\n## S\n```attn\nZ = 0\n```\n```attn for i = 1:3\nhead_i = i^2\nZ = Z + head_i\n```\n"
        let run = try LessonRunner.run(try LessonReader(file: "a.md", text: text).lesson())
        let formulas = run.steps[0].formulas
        #expect(formulas.map(\.record.text) == ["Z = 0", "head_1 = 1^2", "Z = Z + head_1", "head_2 = 2^2", "Z = Z + head_2",
                                                "head_3 = 3^2", "Z = Z + head_3"])
        #expect(formulas.map { $0.pass?.value } == [nil, 1, 1, 2, 2, 3, 3])
        // The tensors shown stay one per name, Z with its final value.
        #expect(run.steps[0].tensors.map(\.name) == ["Z", "head_1", "head_2", "head_3"])
        #expect(run.value(of: "Z")?.scalarValue?.rational == Rational(14))
    }

    // A lesson of 200 loops of 10 000 passes ran 74 s: the passes of all loops are bounded together.
    @Test func theLessonsLoopsShareOneBudgetOfPasses() throws {
        var text = "---\nid: a\ntitle: A\n---\n## S\n"
        for _ in 0..<200 { text += "```attn for t = 1:10000\nx = t\n```\n" }
        let lesson = try LessonReader(file: "a.md", text: text).lesson()
        do {
            _ = try LessonRunner.run(lesson)
            Issue.record("expected the lesson's loops to be refused")
        } catch let e as LessonError {
            #expect(e.description.contains("10000 passes in all"), "\(e.description)")
            #expect(e.description.hasPrefix("a.md:9:"), "\(e.description)")
        }
    }
}

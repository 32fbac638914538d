// The lesson format: what reads, and each kind of malformed lesson with its file:line error.
import Testing
@testable import AttnREPL

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

    @Test func loopSubstitution() {
        #expect(LoopSubstitution.apply("h_t = tanh(W_hh h_{t-1} + W_xh X[t] + b_h)", variable: "t", value: 3)
                == "h_3 = tanh(W_hh h_2 + W_xh X[3] + b_h)")
        // The variable as a word becomes its value; other words and subscripts stay.
        #expect(LoopSubstitution.apply("Q_i = Q[:, (i-1)*d_h+1:i*d_h] + 2i + tanh(t_i)", variable: "i", value: 2)
                == "Q_2 = Q[:, (2-1)*d_h+1:2*d_h] + 2i + tanh(t_2)")
        #expect(LoopSubstitution.apply("y = X[t] \\cdot t", variable: "t", value: -1) == "y = X[(-1)] \\cdot (-1)")
        #expect(LoopSubstitution.apply("e_{2,i} = x_i", variable: "i", value: 1) == "e_{2,1} = x_1")
        #expect(LoopSubstitution.apply("head_i = W_hh", variable: "i", value: 2) == "head_2 = W_hh")
        #expect(IntegerExpression.evaluate("2*i+1", variable: "i", value: 3) == 7)
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

    @Test func subscriptArithmeticThatOverflowsIsLeftAsWritten() {
        #expect(IntegerExpression.evaluate("99999999999*99999999999*t", variable: "t", value: 2) == nil)
        #expect(IntegerExpression.evaluate("t+9223372036854775807", variable: "t", value: 1) == nil)
        #expect(IntegerExpression.evaluate("2*t", variable: "t", value: Int.max) == nil)
        #expect(LoopSubstitution.apply("h_{99999999999*99999999999*t}", variable: "t", value: 2)
                == "h_{99999999999*99999999999*t}")
    }
}

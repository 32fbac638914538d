// The built-in lessons against reference values computed independently at 80 digits:
// each case sets a lesson's inputs, runs it, and checks every named tensor to 40 digits
// (and its exact form where the reference requires one).
import Foundation
import Testing
import TestSupport

struct LessonVectorCase: Decodable, CustomTestStringConvertible, Sendable {
    struct Expected: Decodable, Sendable {
        let shape: [Int]
        let values: [String]
        let exact: [String?]
        let exact_required: Bool
    }
    let lesson: String
    let set: [String: String]
    let expect: [String: Expected]

    var testDescription: String { "\(lesson) with \(set.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))" }

    static func load(_ name: String) -> [LessonVectorCase] {
        let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "json")!
        return try! JSONDecoder().decode([LessonVectorCase].self, from: Data(contentsOf: url))
    }

    /// The reference cases shipped with the specification (80-digit, independent).
    static let all = load("lesson-vectors")
    /// Random inputs for every built-in lesson, from scripts/reference/lesson_random_reference.py
    /// (mpmath at 80 digits, written from the formulas, not from attn-repl).
    static let random = load("lesson-random")
}

/// What `run ID --format json` prints, as far as these tests read it.
struct LessonRunJSON: Decodable {
    struct Step: Decodable {
        let title: String
        let tensors: [Tensor]
    }
    struct Tensor: Decodable {
        let name: String
        let shape: [Int]
        let exact: [String?]
        let values: [String]
    }
    let lesson: String
    let steps: [Step]

    /// The last value each name was given, over all steps.
    var finalTensors: [String: Tensor] {
        var byName: [String: Tensor] = [:]
        for step in steps { for t in step.tensors { byName[t.name] = t } }
        return byName
    }

    static func run(_ arguments: [String]) throws -> LessonRunJSON {
        let result = try BinaryRunner.run(["run"] + arguments + ["--format", "json"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try JSONDecoder().decode(LessonRunJSON.self, from: Data(result.stdout.utf8))
    }
}

@Suite("Lessons against reference vectors")
struct LessonVectorTests {
    static let builtInLessons = ["rnn", "dot-attention", "rnn-attention", "concat-attention", "attention-output",
                                 "self-attention", "multi-head", "cross-attention", "positional-encoding", "transformer"]

    @Test(arguments: LessonVectorCase.all)
    func matchesTheReference(_ c: LessonVectorCase) throws {
        try check(c, exactWhenGiven: false)
    }

    /// Every exact form the random reference gives is compared, required or not.
    @Test(arguments: LessonVectorCase.random)
    func matchesTheRandomReference(_ c: LessonVectorCase) throws {
        try check(c, exactWhenGiven: true)
    }

    @Test func theRandomReferenceCoversEveryLesson() {
        #expect(Set(LessonVectorCase.random.map(\.lesson)) == Set(Self.builtInLessons))
    }

    func check(_ c: LessonVectorCase, exactWhenGiven: Bool) throws {
        let settings = c.set.sorted { $0.key < $1.key }.flatMap { ["--set", "\($0.key)=\($0.value)"] }
        let run = try LessonRunJSON.run([c.lesson, "--digits", "40"] + settings)
        let tensors = run.finalTensors
        for (name, expected) in c.expect.sorted(by: { $0.key < $1.key }) {
            guard let got = tensors[name] else {
                Issue.record("\(c.lesson): no tensor named \(name)")
                continue
            }
            #expect(got.shape == expected.shape, "\(c.lesson) \(name)")
            guard got.values.count == expected.values.count else { continue }
            for i in expected.values.indices {
                #expect(DigitCheck.within(got.values[i], reference: expected.values[i], digits: 40),
                        "\(c.lesson) \(name)[\(i)]: printed \(got.values[i]), reference \(expected.values[i])")
                if expected.exact_required || exactWhenGiven, let exact = expected.exact[i] {
                    #expect(got.exact[i] == exact, "\(c.lesson) \(name)[\(i)] exact")
                }
            }
        }
    }

    @Test func everyBuiltInLessonIsListed() throws {
        let result = try BinaryRunner.run(["lesson", "--list"])
        #expect(result.status == 0)
        for id in Self.builtInLessons { #expect(result.stdout.contains(id), "\(id) missing from lesson --list") }
    }

    /// The Chinese translation computes exactly the English tensors and its prose is Chinese.
    @Test(arguments: builtInLessons)
    func runsWithItsDefaultsInBothLanguages(_ id: String) throws {
        let english = try LessonRunJSON.run([id, "--digits", "12"])
        let chinese = try LessonRunJSON.run([id, "--digits", "12", "--lang", "zh"])
        #expect(!english.steps.isEmpty)
        #expect(english.steps.count == chinese.steps.count)
        for (e, z) in zip(english.steps, chinese.steps) {
            #expect(e.tensors.map(\.name) == z.tensors.map(\.name))
            #expect(e.tensors.map(\.values) == z.tensors.map(\.values))
        }
        let text = try BinaryRunner.run(["run", id, "--lang", "zh"])
        #expect(text.status == 0)
        let han = text.stdout.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) }.count
        #expect(han > 200, "\(id): the zh run shows \(han) Chinese characters")
    }
}

// A right-associative chain `1^1^1^…` of 25 000 operators overflowed the stack in every entry
// point that parses formulas. Each must now refuse it with an `error:` and exit 1, never crash.
import Foundation
import Testing

@Suite("Long power chains")
struct PowerChainTests {
    static let chain = "1" + String(repeating: "^1", count: 25_000)

    static func directory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attn-chain-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Refused cleanly: a message naming the limit, no signal, no crash.
    static func expectRefused(_ r: RunResult, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == 1, "\(what): exit \(r.status)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains("nested too deeply"), "\(what): \(r.stderr.prefix(300))", sourceLocation: sourceLocation)
    }

    @Test func eval() throws {
        PowerChainTests.expectRefused(try BinaryRunner.run(["eval", PowerChainTests.chain]), "eval")
    }

    @Test func pipedMode() throws {
        let r = try BinaryRunner.run([], stdin: PowerChainTests.chain + "\n1 + 1\n")
        #expect(r.stderr.contains("nested too deeply"), "\(r.stderr.prefix(300))")
        #expect(r.stdout.contains("2"))     // the session goes on
        #expect(r.status == 1 || r.status == 0)
    }

    @Test func loadOfAJSONExactForm() throws {
        let dir = try PowerChainTests.directory()
        let file = dir.appendingPathComponent("chain.json")
        try "{\"shape\": [], \"exact\": [\"\(PowerChainTests.chain)\"], \"values\": [\"1\"]}".write(to: file, atomically: true, encoding: .utf8)
        let r = try BinaryRunner.run([], stdin: ":load z = \(file.path)\n")
        #expect(r.stderr.contains("nested too deeply"), "\(r.stderr.prefix(300))")
        #expect(r.status == 1)
    }

    @Test func replay() throws {
        let dir = try PowerChainTests.directory()
        let file = dir.appendingPathComponent("chain.jsonl")
        let journal = """
            {"type": "start", "version": "0.1.0", "date": "2026-11-26T08:17:41Z", "settings": {"digits": 6, "float": false, "trace": false, "language": "en"}}
            {"type": "statement", "input": "\(PowerChainTests.chain)", "results": [{"shape": [], "exact": ["1"], "values": ["1"]}]}

            """
        try journal.write(to: file, atomically: true, encoding: .utf8)
        let r = try BinaryRunner.run(["replay", file.path])
        #expect(r.status == 1, "exit \(r.status)")
        #expect(r.stderr.contains("nested too deeply") || r.stdout.contains("nested too deeply"), "\(r.stdout.prefix(300)) \(r.stderr.prefix(300))")
    }

    @Test func runOfALessonBlock() throws {
        let dir = try PowerChainTests.directory()
        let lesson = "---\nid: chain\ntitle: Chain\n---\n## One\n```attn\nx = \(PowerChainTests.chain)\n```\n"
        try lesson.write(to: dir.appendingPathComponent("chain.md"), atomically: true, encoding: .utf8)
        PowerChainTests.expectRefused(try BinaryRunner.run(["--lessons", dir.path, "run", "chain"]), "run")
    }

    @Test func setOfALessonInput() throws {
        PowerChainTests.expectRefused(try BinaryRunner.run(["run", "dot-attention", "--set", "h_2=\(PowerChainTests.chain)"]), "--set")
    }
}

@Suite("Lesson loops end to end")
struct LessonLoopEndToEndTests {
    static func lessonDirectory(_ id: String, _ text: String) throws -> URL {
        let dir = try PowerChainTests.directory()
        try text.write(to: dir.appendingPathComponent("\(id).md"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func runShowsEveryPassWithItsIndex() throws {
        let dir = try LessonLoopEndToEndTests.lessonDirectory("acc", "---\nid: acc\ntitle: Acc\n---\n## S\n```attn\nZ = 0\n```\n```attn for i = 1:2\nZ = Z + i\n```\n")
        let r = try BinaryRunner.run(["--lessons", dir.path, "run", "acc"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Z = Z + 1      (i = 1)"), "\(r.stdout)")
        #expect(r.stdout.contains("Z = Z + 2      (i = 2)"), "\(r.stdout)")
    }

    @Test func ctrlCStopsALongLoop() throws {
        let dir = try LessonLoopEndToEndTests.lessonDirectory("slow", "---\nid: slow\ntitle: Slow\n---\n## S\n```attn for t = 1:10000\nx = sum(softmax(rand(20, 20, t)))\ny = x + 1\n```\n")
        let (reason, r) = try BinaryRunner.runInterrupted(["--lessons", dir.path, "run", "slow"], after: 1.0)
        #expect(reason == .exit)
        #expect(r.status == 1)
        #expect(r.stderr.contains("interrupted"), "\(r.stderr)")
    }

    @Test func theLessonsLoopsAreBoundedTogether() throws {
        var text = "---\nid: many\ntitle: Many\n---\n## S\n"
        for _ in 0..<200 { text += "```attn for t = 1:10000\nx = t\n```\n" }
        let r = try BinaryRunner.run(["--lessons", try LessonLoopEndToEndTests.lessonDirectory("many", text).path, "run", "many"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("10000 passes in all"), "\(r.stderr)")
    }
}

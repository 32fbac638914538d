// `attn-repl export`: each format against its golden file, HTML safety, and files that are
// never overwritten unless asked.
import Foundation
import Testing

@Suite("Transcript export")
struct TranscriptExportTests {
    @Test(arguments: ["md", "json", "html"])
    func journalExportsMatchTheGoldenFiles(format: String) throws {
        let r = try BinaryRunner.run(["export", Golden.url("session.jsonl").path, "--to", format])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(r.stdout == (try Golden.expected("session.\(format)", actual: r.stdout)))
    }

    @Test func jsonExportConvertsToTheSameMarkdownAsTheJournal() throws {
        let r = try BinaryRunner.run(["export", Golden.url("session.json").path, "--to", "md"])
        #expect(r.status == 0)
        #expect(r.stdout == (try Golden.text("session.md")))
    }

    @Test func markdownUsesGitHubMathBlocks() throws {
        let md = try Golden.text("session.md")
        #expect(md.contains("```math\nM = \\begin{bmatrix} \\frac{1}{7} & \\frac{2}{7}"))
        #expect(md.contains("\\approx \\begin{bmatrix} 0.268941 \\\\ 0.731059 \\end{bmatrix}"))
        #expect(md.contains("## Step 2/6 · The other scores"))
        #expect(md.contains("$`x_{1}`$ changed"))
        #expect(md.contains("```text\nerror: unknown name W_k (did you mean W_K?) (column 14)\n```"))
    }

    @Test func htmlIsSelfContainedAndEscapesWhatItEmbeds() throws {
        let html = try Golden.text("session.html")
        for external in ["<script", "<link", "http:", "https:", "src=", "url(", "@import"] {
            #expect(!html.lowercased().contains(external), "found \(external)")
        }
        // The hostile statement, comment and lesson title of the fixture, all escaped.
        #expect(html.contains("<pre class=\"input\"><code>z = 2 # &lt;script&gt;alert(1)&lt;/script&gt;</code></pre>"))
        #expect(html.contains("<pre class=\"input\"><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>"))
        #expect(html.contains("<h2>Dot-product attention &lt;script&gt;alert(1)&lt;/script&gt;</h2>"))
        #expect(html.contains("<mtable>"))
        #expect(html.contains("<mfrac><mrow><mn>1</mn></mrow><mrow><mn>7</mn></mrow></mfrac>"))
    }

    @Test func anExistingFileIsReplacedOnlyWithForce() throws {
        let dir = try Golden.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.md")
        try "mine\n".write(to: out, atomically: true, encoding: .utf8)
        let refused = try BinaryRunner.run(["export", Golden.url("session.jsonl").path, "--to", "md", "-o", out.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("error: "))
        #expect(refused.stderr.contains("already exists"))
        #expect(try String(contentsOf: out, encoding: .utf8) == "mine\n")
        let forced = try BinaryRunner.run(["export", Golden.url("session.jsonl").path, "--to", "md", "-o", out.path, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOf: out, encoding: .utf8) == (try Golden.text("session.md")))
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.md"])
    }

    @Test func aFileThatIsNotATranscriptIsReportedWithItsLine() throws {
        let dir = try Golden.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.jsonl")
        let journal = try Golden.text("session.jsonl").split(separator: "\n")
        try (journal[0...1] + ["{\"type\": \"statement\", \"input\": 3}"]).joined(separator: "\n").write(to: bad, atomically: true, encoding: .utf8)
        let r = try BinaryRunner.run(["export", bad.path, "--to", "html"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("error: \(bad.path):3: not a transcript record"))
    }

    @Test func exportCommandWritesTheCurrentSessionAndRefusesToOverwrite() throws {
        let dir = try Golden.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("mine.json")
        let input = "x = [1, 2]\nsoftmax(x)\n:export json \(out.path)\n:export json \(out.path)\n"
        let r = try BinaryRunner.run([], stdin: input, environment: ["XDG_STATE_HOME": dir.appendingPathComponent("state").path])
        #expect(r.stdout.contains("wrote \(out.path)"))
        #expect(r.stderr.contains("already exists"))
        let replay = try BinaryRunner.run(["replay", out.path])
        #expect(replay.status == 0)
        #expect(replay.stdout == "replayed 2 statements, no differences\n")
    }
}

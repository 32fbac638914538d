// What the journal records for the exports to read as a worked document (a lesson step's
// prose, formulas and values; `:why` explanations), statements stopped with Ctrl-C, and how
// each export shows them.
import Foundation
import Synchronization
import Testing
import Engine
@testable import AttnREPL

@Suite("Transcript content and exports")
struct TranscriptContentTests {
    private func session() -> ReplState {
        let state = ReplState(digits: 6, float: false, language: .en, library: LessonLibrary(extraDirectory: nil))
        state.keepsProgress = false
        state.beginTranscript(journal: false)
        return state
    }

    private func run(_ inputs: [String], in state: ReplState) {
        let responder = Responder(state: state, printsLessonSteps: false)
        for input in inputs { _ = responder.respond(to: input) }
    }

    private func document(_ state: ReplState) throws -> TranscriptDocument {
        let t = try #require(state.transcript)
        return TranscriptDocument(name: "test", events: t.events)
    }

    /// Only `:digits` and `:float` are noted with the precision they leave; `:reveal` or
    /// `:clear` changed no digits, so an export must not say "now 6 digits" after them.
    @Test func onlySettingCommandsAreNotedWithTheirPrecision() {
        let settings = TranscriptSettings(digits: 6, float: false, trace: false, language: "en")
        #expect(ExportText.settingsNote(.command(":digits 6", settings: settings), Language.en.strings) == " — now 6 digits, exact")
        #expect(ExportText.settingsNote(.command(":float on", settings: .init(digits: 6, float: true, trace: false, language: "en")), Language.en.strings)
                == " — now 6 digits, IEEE double")
        for input in [":reveal", ":clear x", ":leave", ":trace on"] {
            #expect(ExportText.settingsNote(.command(input, settings: settings), Language.en.strings).isEmpty, "\(input)")
        }
    }

    /// One line with several parts in a lesson (an input, a formula, an answer) is recorded
    /// part by part: replay and the exports see every part, not only the last.
    @Test func everyPartOfALessonLineIsRecorded() throws {
        let state = session()
        run([":lesson dot-attention", "x_1 = [2, 0, 1]; y = 3; w = 4; e_{2,1} = 1/2"], in: state)
        let events = try #require(state.transcript?.events).drop { $0.type != .lesson }.dropFirst()
        #expect(events.map(\.type) == [.input, .statement, .statement, .answer])
        #expect(events.map(\.input) == ["x_1 = [2, 0, 1]", "y = 3", "w = 4", "e_{2,1} = 1/2"])
        #expect(events.map { $0.results?.first?.name } == [nil, "y", "w", "e_{2,1}"])
        #expect(events.last?.correct == true)
    }

    /// A loop's passes are all recorded, each with its index: the accumulator Z_sum once per
    /// head, and the exports label each pass.
    @Test func everyLoopPassIsRecordedWithItsIndex() throws {
        let state = session()
        run([":lesson multi-head", ":step 5"], in: state)
        let step = try #require(state.transcript?.events.last)
        let passes = (step.formulas ?? []).filter { $0.input.hasPrefix("Z_sum = Z_sum") }.map(\.pass)
        #expect(passes == ["i = 1", "i = 2"])
        let md = MarkdownExport(document: try document(state)).render()
        #expect(md.contains("**i = 1**") && md.contains("**i = 2**"))
    }

    @Test func aLessonStepRecordsItsProseFormulasAndValues() throws {
        let state = session()
        run([":lesson dot-attention", ":next"], in: state)
        let events = try #require(state.transcript?.events)
        let opened = try #require(events.first { $0.type == .lesson })
        #expect(opened.introduction?.contains("The **encoder** reads") == true)
        #expect(opened.prose?.contains("dot product") == true)
        // Step 1's only formula is its exercise: recorded without its value.
        #expect(opened.formulas == [TranscriptFormula(input: "e_{2,1} = h_2^T x_1", hidden: true)])
        #expect(opened.program?.prefix(2) == ["x_1 = [1, 0, 2]", "x_2 = [0, 1, 0]"])
        let step = try #require(events.last)
        #expect(step.type == .step && step.step == 2)
        let first = try #require(step.formulas?.first)
        #expect(first.input == "e_{2,2} = h_2^T x_2")
        #expect(first.substituted == "0.5·0 + 1·1 + (-0.5)·0")
        #expect(first.value?.values == ["1"] && first.value?.name == "e_{2,2}")
    }

    @Test func anOldJournalWithoutTheNewFieldsIsStillRead() throws {
        let line = #"{"type":"step","step":2,"title":"The other scores"}"#
        let text = #"{"type":"start","settings":{"digits":6,"float":false,"trace":false,"language":"en"}}"# + "\n" + line + "\n"
        let doc = try TranscriptDocument.journal(text, name: "old", path: "old.jsonl")
        #expect(doc.events.last?.formulas == nil && doc.events.last?.prose == nil)
        #expect(HTMLExport(document: doc).render().contains("<h2>Step 2 · The other scores</h2>"))
    }

    @Test func textExportsNeutraliseControlCharactersInProseAndExplanations() throws {
        var step = TranscriptEvent(.step)
        (step.step, step.title, step.prose) = (1, "t", "line one\u{1b}[31m\nline two")
        var why = TranscriptEvent(.why)
        (why.input, why.lines) = (":why x", ["x = 1\u{7}"])
        let doc = TranscriptDocument(name: "c", events: [TranscriptEvent(.start), step, why])
        for text in [MarkdownExport(document: doc).render(), NotebookExport(document: doc).render(), HTMLExport(document: doc).render()] {
            #expect(!text.contains("\u{1b}") && !text.contains("\u{7}"))
            #expect(!text.contains("\\u001b") && !text.contains("\\u0007"))
            #expect(text.contains("line one␛[31m"))
        }
    }

    @Test func whyIsRecordedWithItsExplanationOrError() throws {
        let state = session()
        run(["y = exp(1/2) / 3", ":why y", ":why nothing"], in: state)
        let whys = try #require(state.transcript?.events.filter { $0.type == .why })
        #expect(whys.count == 2)
        #expect(whys[0].input == ":why y" && whys[0].lines == ["y = exp(1/2)/3 ≈ 0.549574"])
        #expect(whys[1].error == "error: unknown name nothing")
        let doc = try document(state)
        let html = HTMLExport(document: doc).render()
        #expect(html.contains("<div class=\"why\"><p>y = exp(1/2)/3 ≈ 0.549574</p>"))
        let md = MarkdownExport(document: doc).render()
        #expect(md.contains("> y = exp(1/2)/3 ≈ 0.549574"))
        #expect(md.contains("error: unknown name nothing"))
    }

    @Test func htmlTypesetsExactFormsFromTheirStructure() throws {
        let state = session()
        run(["alpha_{2,1} = sqrt(2)/3 + exp(1/2)", "s = softmax([1, 2, 3, 4, 5, 6, 7])", "p = 10000^(1/3) + log(2) * tanh(1)"], in: state)
        let html = HTMLExport(document: try document(state)).render()
        #expect(html.contains("<msub><mi>α</mi><mrow><mn>2</mn><mo separator=\"true\">,</mo><mn>1</mn></mrow></msub>"))
        #expect(html.contains("<msqrt><mrow><mn>2</mn></mrow></msqrt>"))
        #expect(html.contains("<mi>exp</mi><mo>&#x2061;</mo>"))
        #expect(html.contains("<mi>tanh</mi><mo>&#x2061;</mo>"))
        #expect(html.contains("<mi>log</mi><mo>&#x2061;</mo>"))
        #expect(html.contains("<mfrac><mrow><mn>1</mn></mrow><mrow><mn>2</mn></mrow></mfrac>"))
        #expect(html.contains("<msup><mrow><mn>10000</mn></mrow>"))
        #expect(!html.contains("<mtext>"), "a formula was left as text")
        // Decimals first; the long exact forms of the softmax folded away, the short one beside.
        let softmax = try #require(html.components(separatedBy: "<pre class=\"input\"><code>s = softmax").last)
        let decimals = try #require(softmax.range(of: "<mn>0.00"))
        let details = try #require(softmax.range(of: "<details><summary>exact forms</summary>"))
        #expect(decimals.lowerBound < details.lowerBound)
        #expect(html.contains("<div class=\"exact scroll\" style=\"--w:"))
        #expect(html.contains("\"STIX Two Math\",\"Latin Modern Math\",\"Cambria Math\""))
        #expect(html.contains("@media print"))
    }

    @Test func proseIsRenderedAsHTML() {
        let html = ProseHTML.render("Say **this** and `x = 1 < 2`.\n\n- one *item*\n- two\n\n```python\nprint('<b>')\n```")
        #expect(html == "<p>Say <strong>this</strong> and <code>x = 1 &lt; 2</code>.</p>\n"
                + "<ul><li>one <em>item</em></li><li>two</li></ul>\n"
                + "<pre class=\"prose-code\"><code>print(&#39;&lt;b&gt;&#39;)</code></pre>")
    }

    // A statement stopped with Ctrl-C is journaled as interrupted: checked end to end in
    // ScreenEndToEndTests.controlCStopsALongEvaluation (the flag is process-wide, so requesting it
    // here would stop the tests running beside this one).

    /// A journal whose second input was stopped after its first statement had finished.
    private let interruptedJournal = [
        #"{"type":"start","settings":{"digits":6,"float":false,"trace":false,"language":"en"}}"#,
        #"{"type":"statement","input":"a = 2; b = softmax(rand(300, 300, 1))","results":[{"name":"a","shape":[],"exact":["2"],"values":["2"]}],"interrupted":true}"#,
        #"{"type":"statement","input":"a * 10","results":[{"shape":[],"exact":["20"],"values":["20"]}]}"#,
    ].joined(separator: "\n") + "\n"

    @Test func replaySkipsAnInterruptedStatementAndRunsWhatHadFinished() throws {
        let dir = try Golden.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let journal = dir.appendingPathComponent("stopped.jsonl")
        try interruptedJournal.write(to: journal, atomically: true, encoding: .utf8)
        let r = try BinaryRunner.run(["replay", journal.path])
        #expect(r.status == 0)
        #expect(r.stdout == """
            skipped a = 2; b = softmax(rand(300, 300, 1)): interrupted (Ctrl-C) when recorded (its first 1 statement, which had finished, ran again)
            replayed 1 statement, no differences, 1 interrupted statement skipped

            """)
        let html = try BinaryRunner.run(["export", journal.path, "--to", "html"])
        #expect(html.stdout.contains("<pre class=\"interrupted\">interrupted (Ctrl-C)"))
        let md = try BinaryRunner.run(["export", journal.path, "--to", "md"])
        #expect(md.stdout.contains("_Interrupted (Ctrl-C) before it finished._"))
    }

    @Test func theNotebookHasACellPerStatementWithTheExactResult() throws {
        let state = session()
        run(["e_{2,1} = [1, 2]^T [3, 4]", "lambda = exp(1/2)", "W_k", ":why lambda", ":lesson dot-attention"], in: state)
        let text = NotebookExport(document: try document(state)).render()
        let notebook = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(notebook["nbformat"] as? Int == 4)
        let cells = try #require(notebook["cells"] as? [[String: Any]])
        let sources = cells.map { ($0["cell_type"] as? String ?? "", $0["source"] as? String ?? "") }
        let e21 = try #require(cells.first { ($0["source"] as? String)?.contains("e_2_1 = ") == true })
        #expect(e21["source"] as? String == "# e_{2,1} = [1, 2]^T [3, 4]\n# e_{2,1} is spelled e_2_1 in Python\ne_2_1 = _mm(_T(_list(1, 2)), _list(3, 4))\ne_2_1")
        let output = try #require((e21["outputs"] as? [[String: Any]])?.first?["data"] as? [String: Any])
        #expect(output["text/plain"] as? String == "e_{2,1} = 11")
        #expect(sources.contains { $0.0 == "code" && $0.1.contains("lambda_ = exp(1 / 2)") })
        #expect(sources.contains { $0.0 == "markdown" && $0.1.contains("error: unknown name W_k") })
        #expect(sources.contains { $0.0 == "markdown" && $0.1.hasPrefix("`:why lambda`") })
        #expect(sources.contains { $0.0 == "markdown" && $0.1.hasPrefix("### Step 1/6 · The first score") })
        #expect(sources.contains { $0.0 == "code" && $0.1.contains("h_2 = _list(0.5, 1, -0.5)") })
        #expect(sources.first?.1.hasPrefix("# attn-repl session") == true)
        #expect(sources[1].1.contains("def attention(Q, K, V, M=None):"))
    }

    @Test func productsOfNamesWithKnownShapesAreWrittenAsNumPyWritesThem() throws {
        let state = session()
        run(["W = [1 2; 3 4]", "x = [1, 1]", "y = W x", "s = 2", "z = s x", "r = x^T x", "f(W) = W x"], in: state)
        let text = NotebookExport(document: try document(state)).render()
        #expect(text.contains("y = W @ x"))
        #expect(text.contains("z = s * x"))
        #expect(text.contains("r = _mm(_T(x), x)"))            // a row times a column is a scalar: the helper knows
        #expect(text.contains("return _mm(W, x)"))              // inside a function W is its parameter
    }

    @Test func randIsWrittenOutLiterally() {
        let code = NumPyCode().statements("R = rand(2, 3, 7)")?.first?.code
        #expect(code == "R = np.array([[-0.4, -0.82, 0.47],\n    [0.86, -0.51, 0.17]])")
    }
}

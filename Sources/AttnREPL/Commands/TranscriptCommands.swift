// Commands for session transcripts: list and resume journaled sessions, export this one.
import FoundationEssentials
import Engine

enum TranscriptCommands {
    static let table: [ReplCommand] = [
        ReplCommand(name: "sessions", arguments: "[resume N]", summary: "list recent sessions; resume N re-runs session N's statements here") { state, arg in
            let words = arg.split(separator: " ").map(String.init)
            if words.isEmpty { return list(state) }
            guard words.count == 2, words[0] == "resume", let n = Int(words[1]) else {
                return .fail(state.strings.sessionsUsage)
            }
            return resume(n, state)
        },
        ReplCommand(name: "export", arguments: "\(ExportFormat.names) [FILE]", summary: "write this session as Markdown, JSON, HTML or a Jupyter notebook (default: named after the session; FILE! replaces a file)") { state, arg in
            export(arg, state)
        },
    ]

    static let listed = 10

    /// The most recent journals, newest first.
    static func recentJournals() -> [URL] {
        let directory = StatePaths.sessions
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.map { directory.appendingPathComponent($0) }.filter { $0.pathExtension == "jsonl" }.sorted { $0.lastPathComponent > $1.lastPathComponent }
    }

    private static func list(_ state: ReplState) -> CommandResult {
        let journals = recentJournals().prefix(listed), strings = state.strings
        guard !journals.isEmpty else { return .lines([strings.noSessions(in: StatePaths.sessions.path)]) }
        var lines: [String] = []
        for (k, url) in journals.enumerated() {
            let current = url == state.transcript?.journal?.url
            guard let doc = try? TranscriptDocument.read(url) else {
                lines.append("\(k + 1). \(strings.unreadable)  \(url.path)")
                continue
            }
            let date = (doc.start.date ?? doc.name).replacingAll("T", with: " ").replacingAll("Z", with: " UTC")
            let n = doc.events.filter(\.isEvaluated).count
            var lessons: [String] = []
            for id in doc.events.compactMap(\.lesson) where !lessons.contains(id) { lessons.append(id) }
            lines.append(Sanitize.text(strings.sessionLine(k + 1, date: date, statements: n, lessons: lessons, path: url.path, current: current)))
        }
        lines.append(strings.sessionsFooter)
        return .lines(lines)
    }

    private static func resume(_ n: Int, _ state: ReplState) -> CommandResult {
        let journals = recentJournals()
        guard n >= 1, n <= min(listed, journals.count) else { return .fail(state.strings.noSession(n)) }
        let url = journals[n - 1]
        if url == state.transcript?.journal?.url { return .fail(state.strings.sessionIsThisOne(n)) }
        let document: TranscriptDocument
        do { document = try TranscriptDocument.read(url) } catch { return .fail(state.language.text(error)) }
        let summary = TranscriptPlayer(state: state).play(document, startSettings: true)
        let runs = summary.evaluations.count
        let failed = summary.evaluations.filter { $0.now?.error != nil }.count
        let line = state.strings.resumed(document.name, statements: runs, failed: failed, interrupted: summary.interrupted.count, lesson: state.lesson?.lesson.id,
                                         step: (state.lesson?.step ?? 0) + 1, of: state.lesson?.stepCount ?? 0)
        let strings = state.strings, language = state.language
        let problems = document.warnings.map { "  " + strings.warning(language.text($0)) }
            + summary.problems.map { "  " + strings.couldNotRestore(language.text($0)) }
            + summary.skippedReport.map { "  " + language.text($0) }
        return CommandResult(output: [Sanitize.text(line)] + problems.map(Sanitize.text)
                                + (state.lesson.map { LessonStepText.lines($0) } ?? []),
                             showLesson: state.lesson != nil)
    }

    private static func export(_ arg: String, _ state: ReplState) -> CommandResult {
        var words = arg.split(separator: " ").map(String.init)
        // `FILE!` replaces an existing file, as with :save; `--force` says the same.
        var force = words.contains("--force")
        words.removeAll { $0 == "--force" }
        if words.count == 2, words[1].hasSuffix("!") { words[1].removeLast(); force = true }
        guard let first = words.first, let format = ExportFormat(rawValue: first.lowercased()), words.count <= 2 else {
            return .fail(state.strings.exportUsage(ExportFormat.names))
        }
        guard let transcript = state.transcript else { return .fail(state.strings.notRecorded) }
        let document = TranscriptDocument(name: transcript.name, events: transcript.events)
        let path = words.count == 2 ? FileSystem.expandingTilde(words[1]) : "\(transcript.name).\(format.rawValue)"
        let url = URL(fileURLWithPath: path)
        do {
            try ExportFile.write(format.render(document), to: url, force: force)
        } catch {
            return .fail(state.language.text(error))
        }
        return .lines([state.strings.wrote(url.path)])
    }
}

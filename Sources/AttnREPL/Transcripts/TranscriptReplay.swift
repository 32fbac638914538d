// Replay: a fresh session with the transcript's settings that neither journals nor touches
// the learner's progress, played through, and its differences written out.
import Engine

enum TranscriptReplay {
    static func run(_ document: TranscriptDocument, library: LessonLibrary) -> TranscriptPlayer.Summary {
        let s = document.settings
        let state = ReplState(digits: s.digits, float: s.float, language: Language(named: s.language), library: library)
        state.keepsProgress = false
        state.beginTranscript(journal: false)
        return TranscriptPlayer(state: state).play(document, startSettings: true)
    }
}

extension TranscriptPlayer.Summary {
    /// Each difference (the statement, recorded, now), then a one-line summary.
    var report: [String] {
        var lines = skippedReport.map(\.english)
        for d in differences {
            let input = Sanitize.text(d.recorded.input ?? "")
            // Same decimals but different exact forms: show the exact forms.
            let exact = TranscriptText.outcome(d.recorded) == TranscriptText.outcome(d.now)
            lines += ["statement \(d.number): \(input)",
                      "  recorded: " + TranscriptText.outcome(d.recorded, exact: exact),
                      "  now:      " + TranscriptText.outcome(d.now, exact: exact)]
        }
        for skipped in interrupted {
            let rerun = skipped.rerun == 0 ? "" : " (its first \(skipped.rerun) statement\(skipped.rerun == 1 ? "" : "s"), which had finished, ran again)"
            lines.append("skipped \(Sanitize.text(skipped.input)): interrupted (Ctrl-C) when recorded\(rerun)")
        }
        let n = evaluations.count
        let count = "\(n) statement\(n == 1 ? "" : "s")"
        let diffs = differences.count
        let skipped = interrupted.isEmpty ? "" : ", \(interrupted.count) interrupted statement\(interrupted.count == 1 ? "" : "s") skipped"
        lines.append(diffs == 0 ? "replayed \(count), no differences\(skipped)"
                                : "replayed \(count), \(diffs) difference\(diffs == 1 ? "" : "s")\(skipped)")
        return lines
    }

    /// One line per `:` text a transcript held that was not run (SPEC §8).
    var skippedReport: [Message] {
        skipped.map { "skipped \($0) (a transcript only replays :digits, :float, :trace, :clear, :reveal, :leave and lesson steps)" }
    }
}

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
    /// Each difference (the statement, recorded, now), then a one-line summary, in `language`.
    func report(in language: Language = .en) -> [String] {
        var lines = skippedReport.map(language.text)
        for d in differences {
            let input = Sanitize.text(d.recorded.input ?? "")
            // Same decimals but different exact forms: show the exact forms.
            let exact = TranscriptText.outcome(d.recorded) == TranscriptText.outcome(d.now)
            lines += [language.text("statement \(d.number): \(input)"),
                      language.text("  recorded: \(TranscriptText.outcome(d.recorded, exact: exact, in: language))"),
                      language.text("  now:      \(TranscriptText.outcome(d.now, exact: exact, in: language))")]
        }
        for skipped in interrupted {
            let input = Sanitize.text(skipped.input)
            let message: Message = switch skipped.rerun {
            case 0: "skipped \(input): interrupted (Ctrl-C) when recorded"
            case 1: "skipped \(input): interrupted (Ctrl-C) when recorded (its first \(skipped.rerun) statement, which had finished, ran again)"
            default: "skipped \(input): interrupted (Ctrl-C) when recorded (its first \(skipped.rerun) statements, which had finished, ran again)"
            }
            lines.append(language.text(message))
        }
        lines.append(language.text(summaryLine))
        return lines
    }

    /// `replayed 3 statements, 1 difference, 1 interrupted statement skipped`.
    private var summaryLine: Message {
        let n = evaluations.count, diffs = differences.count, skipped = interrupted.count
        let count: Message = n == 1 ? "\(n) statement" : "\(n) statements"
        let found: Message = diffs == 0 ? "no differences" : diffs == 1 ? "\(diffs) difference" : "\(diffs) differences"
        guard skipped > 0 else { return "replayed \(count), \(found)" }
        let stopped: Message = skipped == 1 ? "\(skipped) interrupted statement skipped" : "\(skipped) interrupted statements skipped"
        return "replayed \(count), \(found), \(stopped)"
    }

    /// One line per `:` text a transcript held that was not run (SPEC §8).
    var skippedReport: [Message] {
        skipped.map { "skipped \($0) (a transcript only replays :digits, :float, :trace, :clear, :reveal, :leave and lesson steps)" }
    }
}

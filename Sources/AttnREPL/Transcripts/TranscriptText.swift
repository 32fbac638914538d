// A recorded outcome in one line, for replay's list of differences.
import Engine

enum TranscriptText {
    /// `x = [1, 2]`, `≈ 0.268941`, `error: unknown name foo (column 1)`, `answer to e_{2,1}: correct`.
    /// The words are in `language`; recorded values, errors and messages are shown as recorded.
    static func outcome(_ event: TranscriptEvent?, exact: Bool = false, in language: Language = .en) -> String {
        guard let event else { return language.text("(nothing: the input was not run)") }
        var parts: [String] = []
        switch event.type {
        case .input: parts.append(language.text("\(event.name ?? "?") changed, every step recomputed"))
        case .load: parts.append(language.text("\(event.name ?? "?") loaded"))
        case .answer:
            let verdict: Message = event.correct == true ? "correct" : "wrong"
            parts.append(language.text("answer to \(event.name ?? "?"): \(verdict)"))
        default: break
        }
        if event.type != .answer { parts += (event.results ?? []).map { value($0, exact: exact, in: language) } }
        if let error = event.error { parts.append(error) }
        if event.interrupted == true { parts.append(language.text("interrupted (Ctrl-C)")) }
        if let message = event.message { parts.append(message) }
        return Sanitize.text(parts.isEmpty ? language.text("(no value)") : parts.joined(separator: "; "))
    }

    static func value(_ v: TranscriptValue, exact: Bool, limit: Int = 12, in language: Language = .en) -> String {
        if let defined = v.defined { return language.text("\(defined) defined") }
        let cells = exact ? (v.exact ?? []).map { $0 ?? "?" } : v.values ?? []
        let shown = cells.prefix(limit).joined(separator: ", ") + (cells.count > limit ? ", …" : "")
        let shape = v.shape ?? []
        let body = shape.isEmpty ? shown : "[\(shown)]" + (shape.count > 1 ? " (\(shape.map(String.init).joined(separator: "×")))" : "")
        return (v.name.map { "\($0) = " } ?? "") + body
    }
}

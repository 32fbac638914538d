// A recorded outcome in one line, for replay's list of differences.
import Engine

enum TranscriptText {
    /// `x = [1, 2]`, `≈ 0.268941`, `error: unknown name foo (column 1)`, `answer to e_{2,1}: correct`.
    static func outcome(_ event: TranscriptEvent?, exact: Bool = false) -> String {
        guard let event else { return "(nothing: the input was not run)" }
        var parts: [String] = []
        switch event.type {
        case .input: parts.append("\(event.name ?? "?") changed, every step recomputed")
        case .load: parts.append("\(event.name ?? "?") loaded")
        case .answer: parts.append("answer to \(event.name ?? "?"): \(event.correct == true ? "correct" : "wrong")")
        default: break
        }
        if event.type != .answer { parts += (event.results ?? []).map { value($0, exact: exact) } }
        if let error = event.error { parts.append(error) }
        if event.interrupted == true { parts.append("interrupted (Ctrl-C)") }
        if let message = event.message { parts.append(message) }
        return Sanitize.text(parts.isEmpty ? "(no value)" : parts.joined(separator: "; "))
    }

    static func value(_ v: TranscriptValue, exact: Bool, limit: Int = 12) -> String {
        if let defined = v.defined { return "\(defined) defined" }
        let cells = exact ? (v.exact ?? []).map { $0 ?? "?" } : v.values ?? []
        let shown = cells.prefix(limit).joined(separator: ", ") + (cells.count > limit ? ", …" : "")
        let shape = v.shape ?? []
        let body = shape.isEmpty ? shown : "[\(shown)]" + (shape.count > 1 ? " (\(shape.map(String.init).joined(separator: "×")))" : "")
        return (v.name.map { "\($0) = " } ?? "") + body
    }
}

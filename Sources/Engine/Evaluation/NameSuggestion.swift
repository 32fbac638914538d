// Helping with names: "did you mean W_K?" for near misses, and reading `QK` as `Q K`.

enum NameSuggestion {
    /// ` (did you mean X?)` for the closest known name, or "" when nothing is close.
    static func didYouMean(_ name: String, among candidates: [String]) -> Message {
        let lowered = name.lowercased()
        var best: (String, Int)? = nil
        for c in Set(candidates) where c != name {
            let d = c.lowercased() == lowered ? 0 : distance(name, c)
            if d <= max(1, name.count / 3), d < (best?.1 ?? .max) || (d == best?.1 && c < best!.0) { best = (c, d) }
        }
        return best.map { " (did you mean \($0.0)?)" } ?? Message(verbatim: "")
    }

    /// Levenshtein distance, case differences counting half so W_k → W_K wins.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        guard x.count < 64, y.count < 64 else { return .max / 2 }
        var previous = Array(0...y.count)
        for i in 1...max(1, x.count) where !x.isEmpty {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...max(1, y.count) where !y.isEmpty {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[y.count]
    }

    /// Splits an unknown name into known names, fewest pieces first: with Q and K known,
    /// `QK` → [Q, K]; with Q and W_Q known, `QW_Q` → [Q, W_Q]. The subscript stays on the last piece.
    static func split(_ n: Name, into known: Set<String>) -> [Name]? {
        let letters = Array(n.base)
        guard letters.count >= 2, letters.count <= 16, letters.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        // best[i]: the fewest pieces covering letters[i...], nil if impossible.
        var best = [[Name]?](repeating: nil, count: letters.count + 1)
        best[letters.count] = []
        for i in stride(from: letters.count - 1, through: 0, by: -1) {
            for j in (i + 1)...letters.count {
                let isLast = j == letters.count
                let piece = Name(String(letters[i..<j]), subscript: isLast ? n.subscriptText : nil)
                guard known.contains(piece.canonical), let rest = best[j] else { continue }
                if best[i] == nil || rest.count + 1 < best[i]!.count { best[i] = [piece] + rest }
            }
        }
        guard let pieces = best[0], pieces.count >= 2 else { return nil }
        return pieces
    }
}

// A lesson's scope as plain statements of the formula language: each input assigned (the
// learner's value where they changed it), then every statement the steps ran, loops expanded.
// The notebook export turns them into code that rebuilds the lesson's tensors.
import Engine

enum LessonProgram {
    static func statements(_ session: LessonSession) -> [String] {
        var out: [String] = []
        for input in session.lesson.inputs {
            if let loaded = session.loadedInputs[input.name] {
                out.append("\(input.name) = \(literal(loaded))")
            } else {
                let expression = session.overrides.last { $0.name == input.name }?.expression ?? input.expression
                out.append("\(input.name) = \(expression)")
            }
        }
        for step in session.run.steps {
            out += step.records.map(\.text)
        }
        return out
    }

    /// A tensor as a bracket literal: exact fractions where rational, else 20 significant digits.
    static func literal(_ t: Tensor) -> String {
        func element(_ k: Int) -> String {
            let s = t.scalar(at: k)
            if !t.isFloat, let q = s.rational { return q.description }
            return DecimalFormat.string(s, digits: 20)
        }
        switch t.shape {
        case .scalar: return element(0)
        case let .vector(n): return "[" + (0..<n).map(element).joined(separator: ", ") + "]"
        case let .matrix(r, c):
            return "[" + (0..<r).map { i in "[" + (0..<c).map { element(i * c + $0) }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
        }
    }
}

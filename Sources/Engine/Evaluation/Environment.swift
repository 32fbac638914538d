// What a session knows: variables (tensors) and user-defined functions, by canonical name.

/// `f(a, b) = body`, kept with the text it was defined in so its trace can quote it.
public struct UserFunction: Sendable {
    public let name: Name
    public let parameters: [Name]
    public let body: Expr
    public let source: SourceText

    /// Runs the function's body, naming the function in any error it raises: the error's range
    /// points into the function's own text. A recursion names each function once, not per level.
    func naming<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let d as Diagnostic {
            throw Diagnostic(d.text.contains("in \(name): ") ? d.text : "in \(name): \(d.text)")
        }
    }

    /// Checks a call before its body runs: the number of arguments, and how deep calls nest.
    func checkCall(argumentCount: Int, depth: Int) throws {
        guard argumentCount == parameters.count else {
            throw Diagnostic("\(name) takes \(parameters.count) argument\(parameters.count == 1 ? "" : "s") (\(parameters.map(\.canonical).joined(separator: ", "))), got \(argumentCount)")
        }
        guard depth < Evaluator.maximumCallDepth else {
            throw Diagnostic("functions nested more than \(Evaluator.maximumCallDepth) deep (does \(name) call itself?)")
        }
    }
}

public struct Environment: Sendable {
    public private(set) var variables: [String: Tensor] = [:]
    public private(set) var functions: [String: UserFunction] = [:]

    public init() {}

    public subscript(variable name: String) -> Tensor? { variables[name] }

    /// Binds a variable, replacing a function of the same name.
    public mutating func bind(_ name: Name, _ value: Tensor) {
        functions[name.canonical] = nil
        variables[name.canonical] = value
    }

    public mutating func define(_ f: UserFunction) {
        variables[f.name.canonical] = nil
        functions[f.name.canonical] = f
    }

    public mutating func remove(_ name: String) -> Bool {
        variables.removeValue(forKey: name) != nil || functions.removeValue(forKey: name) != nil
    }

    public mutating func removeAll() {
        variables.removeAll()
        functions.removeAll()
    }

    /// Every name a user could mean: variables, functions and built-ins.
    public var knownNames: [String] {
        Array(variables.keys) + Array(functions.keys) + Builtins.names
    }
}

/// Source text with random access by Unicode-scalar offset (what SourceRange counts).
public struct SourceText: Sendable {
    public let text: String
    let scalars: [Unicode.Scalar]

    public init(_ text: String) {
        self.text = text
        self.scalars = Array(text.unicodeScalars)
    }

    public subscript(range: SourceRange) -> String {
        let lo = max(0, min(range.start, scalars.count)), hi = max(lo, min(range.end, scalars.count))
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[lo..<hi])
        return String(s)
    }
}

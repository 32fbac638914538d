// libFuzzer entry over the lexer, parser and evaluator: each input is a program run statement by
// statement by a fresh Interpreter (exact, then float), and every value it makes is rendered as
// text, LaTeX and JSON. A repeating timer requests an interrupt every second, as Ctrl-C would, and
// the program stops at the first statement after a second: an input that asks for a lot of
// legitimate work ends quickly instead of as a fuzzer timeout.
import Engine
#if canImport(Glibc)
import Glibc
#endif

/// Longer programs add nothing the fuzzer cannot reach by repetition, and parse slower.
private let maximumInputBytes = 4096
private let maximumJSONEntries = 4096

private func exercise(_ program: String, float: Bool) {
    var interpreter = Interpreter()
    interpreter.float = float
    guard case let .complete(statements) = Parser.parse(program) else {
        if let error = interpreter.run(program).error { _ = DiagnosticText.lines(error.diagnostic, source: error.source) }
        return
    }
    let source = SourceText(program)
    let deadline = FuzzClock.seconds() + 1
    for statement in statements where FuzzClock.seconds() < deadline {
        do {
            let record = try interpreter.execute(statement, in: source)
            _ = UnicodeMath.statement(record.statement)
            guard let value = record.outcome.tensor else { continue }
            _ = TensorText.lines(value, digits: 6)
            _ = LaTeX.tensor(value, digits: 6)
            // Every entry of a large tensor goes through the same code as a small one's;
            // formatting millions of them only slows the fuzzer down.
            if value.count <= maximumJSONEntries { _ = JSON.tensor(value, digits: 6).serialized() }
        } catch let d as Diagnostic {
            _ = DiagnosticText.lines(d, source: source)
            return
        } catch {
            return
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormula(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size <= maximumInputBytes else { return -1 }
    let program = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    InterruptTimer.start()
    defer { InterruptTimer.stop() }
    exercise(program, float: false)
    exercise(program, float: true)
    return 0
}

// `attn-repl graph-size PROGRAM` (hidden; used by scripts/bench): evaluates a program as `eval`
// does, proves its last value's digits, and prints how many nodes that value's exact form
// holds (shared ones once), so the benchmark can report bytes per node.
import ArgumentParser
import Engine

struct GraphSizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph-size",
        abstract: "Print the node count of a program's last value (for scripts/bench).",
        shouldDisplay: false
    )

    @OptionGroup var numbers: NumberOptions

    @Argument(help: "The program (quote it).")
    var program: String

    mutating func run() throws {
        var interpreter = Interpreter()
        let (records, error) = interpreter.run(program)
        if let error {
            StandardError.write(["error: \(error.diagnostic.message)"])
            throw ExitCode(1)
        }
        guard let value = records.last?.outcome.tensor else { throw ExitCode(1) }
        try value.certifyDigits(numbers.digits)
        StandardOutput.write(["nodes \(value.graphSize)"])
    }
}

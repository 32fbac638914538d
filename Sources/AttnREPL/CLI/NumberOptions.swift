// Options every command shares: how many digits to show, and exact or float arithmetic.
import ArgumentParser
import Engine

struct NumberOptions: ParsableArguments {
    @Option(name: .long, help: "Significant digits shown (1 to \(Limits.maximumDigits)).")
    var digits: Int = 6

    @Flag(name: .long, help: "Compute in IEEE double instead of exactly (for large inputs); results are approximate.")
    var float = false

    func validate() throws {
        guard (1...Limits.maximumDigits).contains(digits) else {
            throw UsageText.error("--digits must be between 1 and \(Limits.maximumDigits), got \(digits)")
        }
    }
}

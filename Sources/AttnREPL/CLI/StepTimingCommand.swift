// `attn-repl step-timing ID NAME=EXPR...` (hidden; used by scripts/bench): how long one lesson
// step takes to recompute after an input changes, measured in-process, as the screen does it
// per keystroke: set the input (every step is run again), then make the text of every entry of
// the current step's tensors. Prints the median and minimum in microseconds.
import ArgumentParser
import Engine
#if canImport(Glibc)
import Glibc
#endif

struct StepTimingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "step-timing",
        abstract: "Time a lesson recompute after an input change (for scripts/bench).",
        shouldDisplay: false
    )

    @Argument(help: "The lesson id.")
    var id: String

    @Argument(help: "Input values to alternate between, NAME=EXPR (at least one).")
    var assignments: [String]

    @Option(name: .long, help: "The 1-based step shown while recomputing.")
    var step = 1

    @Option(name: .long, help: "How many recomputes to time.")
    var repetitions = 200

    @OptionGroup var numbers: NumberOptions

    mutating func run() throws {
        let inputs = try assignments.map(InputAssignment.parse)
        guard !inputs.isEmpty, repetitions >= 1 else { throw ValidationError("give at least one NAME=EXPR and one repetition") }
        let lesson = try LessonLibrary(extraDirectory: nil).lesson(id)
        let session = try LessonSession(lesson: lesson, display: DisplaySettings(digits: numbers.digits, float: numbers.float),
                                        progress: Progress(), saveProgress: false)
        session.go(to: step - 1)
        var samples: [Double] = []
        var cells = 0
        for k in 0..<repetitions {
            let (name, expression) = inputs[k % inputs.count]
            let start = Self.microseconds()
            if case let .failed(e) = session.setInput(name, expression) {
                StandardError.write(["error: \(e.diagnostic.message)"])
                throw ExitCode(1)
            }
            for (_, value) in session.run.steps[session.step].tensors {
                cells += CellText.cells(value, digits: session.digits).count
            }
            samples.append(Self.microseconds() - start)
        }
        samples.sort()
        let median = samples[samples.count / 2]
        StandardOutput.write(["median_us \(Int(median.rounded())) min_us \(Int(samples[0].rounded())) cells_per_step \(cells / repetitions)"])
    }

    private static func microseconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) * 1e6 + Double(t.tv_nsec) / 1e3
    }
}

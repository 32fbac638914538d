// `:load` and `:save` through the command table: NumPy-written fixtures read exactly, round
// trips through every format, refusals and hostile files that must give errors and bind nothing.
import Engine
import Foundation
import Testing
@testable import AttnREPL

@Suite("File commands")
struct FileCommandTests {
    static let npyDirectory = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/npy")

    /// The generator's expected values: shape and exact reduced fractions, row-major.
    struct Expected: Decodable {
        struct Entry: Decodable { let shape: [Int]; let exact: [String] }
        let readable: [String: Entry]
        /// File name → a word the refusal must contain.
        let refused: [String: String]
    }

    static let expected: Expected = {
        let data = try! Data(contentsOf: npyDirectory.appendingPathComponent("expected.json"))
        return try! JSONDecoder().decode(Expected.self, from: data)
    }()

    static var readableNames: [String] { expected.readable.keys.sorted() }
    static var refusedNames: [String] { expected.refused.keys.sorted() }

    static func freshState(float: Bool = false) -> ReplState {
        ReplState(digits: 6, float: float, language: .en, library: LessonLibrary())
    }

    /// A new empty directory for files a test writes.
    static func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("attn-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func exactStrings(_ t: Tensor) -> [String] {
        (0..<t.count).map { t.scalar(at: $0).rational?.description ?? "irrational" }
    }

    static func run(_ line: String, _ state: ReplState) -> CommandResult { CommandTable.execute(line, state: state) }

    // MARK: NumPy files

    @Test(arguments: readableNames)
    func npyFixtureLoadsExactly(_ name: String) throws {
        let state = Self.freshState()
        let path = Self.npyDirectory.appendingPathComponent("\(name).npy").path
        let result = Self.run(":load X = \(path)", state)
        #expect(result.error == nil, "\(result.error ?? "")")
        let t = try #require(state.interpreter.environment[variable: "X"])
        let want = try #require(Self.expected.readable[name])
        #expect(t.shape.dimensions == want.shape)
        #expect(Self.exactStrings(t) == want.exact)
        let isFloatFile = name.hasPrefix("float") || name.hasPrefix("fortran_matrix") || name == "scalar_0d" || name == "row_matrix"
        #expect(result.output.contains { $0.contains("exact binary fraction") } == isFloatFile)
    }

    @Test(arguments: refusedNames)
    func npyRefusalsSayWhyAndBindNothing(_ name: String) throws {
        let state = Self.freshState()
        let result = Self.run(":load X = \(Self.npyDirectory.appendingPathComponent("\(name).npy").path)", state)
        let word = try #require(Self.expected.refused[name])
        let error = try #require(result.error)
        #expect(error.contains(word) && error.contains("\(name).npy"), "\(error)")
        #expect(state.interpreter.environment[variable: "X"] == nil)
    }

    @Test func loadedNameWorksInFormulas() throws {
        let state = Self.freshState()
        _ = Self.run(":load W = \(Self.npyDirectory.appendingPathComponent("int32_matrix.npy").path)", state)
        let (records, error) = state.interpreter.run("W [1, 1, 1]")
        #expect(error == nil)
        #expect(Self.exactStrings(try #require(records.last?.outcome.tensor)) == ["2", "-5"])
    }

    @Test func varsSaysWhereAValueCameFromUntilItIsReassigned() throws {
        let state = Self.freshState()
        let responder = Responder(state: state)
        _ = responder.respond(to: ":load X = \(Self.npyDirectory.appendingPathComponent("float32_matrix.npy").path)")
        _ = responder.respond(to: ":load N = \(Self.npyDirectory.appendingPathComponent("int8_vector.npy").path)")
        let listed = responder.respond(to: ":vars").lines
        #expect(listed.contains { $0.hasPrefix("X = ") && $0.hasSuffix("float32_matrix.npy, float32 data: exact binary fractions)") }, "\(listed)")
        #expect(listed.contains { $0.hasPrefix("N = ") && $0.hasSuffix("int8_vector.npy, int8 data)") }, "\(listed)")
        _ = responder.respond(to: "X = 1")
        _ = responder.respond(to: "N = N + oops")
        let after = responder.respond(to: ":vars").lines
        #expect(after.contains("X = 1"))
        #expect(after.contains { $0.hasPrefix("N = ") && $0.hasSuffix("int8 data)") }, "a failed statement changes nothing")
    }

    @Test func floatModeLoadsDoubles() throws {
        let state = Self.freshState(float: true)
        _ = Self.run(":load X = \(Self.npyDirectory.appendingPathComponent("float64_vector.npy").path)", state)
        let t = try #require(state.interpreter.environment[variable: "X"])
        #expect(t.isFloat)
        #expect(t.floatElements.first == 0.1)
    }

    // MARK: Round trips

    /// .npy holds doubles, so only its binary fractions round-trip; csv and json keep any decimal.
    @Test(arguments: [("npy", "1/1024", "2^-10"), ("csv", "1/1000", "1e-3"), ("json", "1/1000", "1e-3")])
    func exactRationalsRoundTrip(_ ext: String, _ small: String, _ smallText: String) throws {
        let dir = try Self.scratchDirectory()
        let state = Self.freshState()
        _ = state.interpreter.run("A = [1/2 -3 0.125; \(smallText) 7 -2.5]")
        let file = dir.appendingPathComponent("a.\(ext)").path
        let saved = Self.run(":save A \(file)", state)
        #expect(saved.error == nil && saved.output.first == "saved A (2×3) to \(file)")
        #expect(!saved.output.contains { $0.contains("rounded") || $0.contains("no finite decimal") })
        #expect(Self.run(":load B = \(file)", state).error == nil)
        let b = try #require(state.interpreter.environment[variable: "B"])
        #expect(b.shape == .matrix(2, 3))
        #expect(Self.exactStrings(b) == ["1/2", "-3", "1/8", small, "7", "-5/2"])
    }

    @Test func jsonKeepsIrrationalExactForms() throws {
        let dir = try Self.scratchDirectory()
        let state = Self.freshState()
        _ = state.interpreter.run("S = softmax([1, 2, 3]); r = sqrt(2)")
        let file = dir.appendingPathComponent("s.json").path
        #expect(Self.run(":save S \(file)", state).error == nil)
        #expect(Self.run(":load T = \(file)", state).error == nil)
        let (records, error) = state.interpreter.run("T - S")
        #expect(error == nil)
        let difference = try #require(records.last?.outcome.tensor)
        #expect((0..<3).allSatisfy { (try? difference.scalar(at: $0).sign) == 0 })
        let scalarFile = dir.appendingPathComponent("r.json").path
        _ = Self.run(":save r \(scalarFile)", state)
        _ = Self.run(":load q = \(scalarFile)", state)
        let q = try #require(state.interpreter.environment[variable: "q"]?.scalarValue)
        #expect(ExactForm.string(q) == "sqrt(2)")
        #expect(try state.interpreter.run("q - sqrt(2)").records.last?.outcome.tensor?.scalarValue?.sign == 0)
    }

    @Test func evalJsonOutputLoadsBack() throws {
        let dir = try Self.scratchDirectory()
        let r = try BinaryRunner.run(["eval", "--format", "json", "[1/3, exp(1)]"])
        let file = dir.appendingPathComponent("eval.json")
        try Data(r.stdout.utf8).write(to: file)
        let state = Self.freshState()
        #expect(Self.run(":load v = \(file.path)", state).error == nil)
        let (records, _) = state.interpreter.run("v - [1/3, exp(1)]")
        let difference = try #require(records.last?.outcome.tensor)
        #expect((0..<2).allSatisfy { (try? difference.scalar(at: $0).sign) == 0 })
    }

    @Test func npySaveRoundsToNearestDoubleAndSaysSo() throws {
        let dir = try Self.scratchDirectory()
        let state = Self.freshState()
        _ = state.interpreter.run("v = [1/3, 0.5, 0.1]")
        let file = dir.appendingPathComponent("v.npy").path
        let saved = Self.run(":save v \(file)", state)
        #expect(saved.output.contains { $0.contains("2 of 3 values were rounded") }, "\(saved.output)")
        _ = Self.run(":load w = \(file)", state)
        let w = try #require(state.interpreter.environment[variable: "w"])
        #expect(w.floatElements == [1.0 / 3.0, 0.5, 0.1])
        #expect(Self.exactStrings(w)[2] == "3602879701896397/36028797018963968")
    }

    @Test func floatValuesRoundTripThroughCSVExactly() throws {
        let dir = try Self.scratchDirectory()
        let state = Self.freshState()
        _ = Self.run(":load X = \(Self.npyDirectory.appendingPathComponent("float64_vector.npy").path)", state)
        let file = dir.appendingPathComponent("x.csv").path
        _ = Self.run(":save X \(file)", state)
        _ = Self.run(":load Y = \(file)", state)
        let x = try #require(state.interpreter.environment[variable: "X"]), y = try #require(state.interpreter.environment[variable: "Y"])
        #expect(Self.exactStrings(x) == Self.exactStrings(y))
    }

    @Test func saveNeverReplacesAFileUnlessAskedWithBang() throws {
        let dir = try Self.scratchDirectory()
        let file = dir.appendingPathComponent("a.csv")
        try Data("9\n".utf8).write(to: file)
        let state = Self.freshState()
        _ = state.interpreter.run("a = [1, 2]")
        let refused = Self.run(":save a \(file.path)", state)
        #expect(refused.error?.contains("already exists") == true)
        #expect(try String(contentsOf: file, encoding: .utf8) == "9\n")
        #expect(Self.run(":save a \(file.path)!", state).error == nil)
        #expect(try String(contentsOf: file, encoding: .utf8) == "1\n2\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(leftovers == ["a.csv"])
    }

    // MARK: Text files

    @Test(arguments: [("1,2,3\n", [3]), ("1\n2\n3\n", [3]), ("5\n", []), ("1, 2\n3, 4\n\n", [2, 2]), ("# x y\n1 2\n3 4\n", [2, 2]),
                      ("1,2\r\n3,4\r\n", [2, 2]), ("\"1\",\"2\"\n", [2])])
    func csvShapes(_ text: String, _ shape: [Int]) throws {
        let t = try CSVFile.read(Data(text.utf8)).tensor
        #expect(t.shape.dimensions == shape)
    }

    @Test func csvDecimalsAreExact() throws {
        let t = try CSVFile.read(Data("0.1,-2.5e-3,+7\n".utf8)).tensor
        #expect(Self.exactStrings(t) == ["1/10", "-1/400", "7"])
    }

    @Test(arguments: [("1.", "1"), (".5", "1/2"), ("-0.0e5", "0"), ("1e+3", "1000"), ("0012.50", "25/2"), (".5e-2", "1/200"),
                      ("-123456789012345678901", "-123456789012345678901"), ("1e-30", "1/1000000000000000000000000000000"),
                      ("999999999999999999e18", "999999999999999999000000000000000000")])
    func decimalTextIsReadExactly(_ text: String, _ exact: String) {
        #expect(NumberText.decimal(text)?.description == exact)
    }

    @Test(arguments: [".", "e5", ".e5", "1e", "--1", "1.2.3", "0x10", "inf", "nan", "1 5", ""])
    func nonNumbersAreRejected(_ text: String) {
        #expect(NumberText.decimal(text) == nil)
    }

    @Test(arguments: [("[1, [2]]", "element [2] is not a number"), ("[[1, 2], [3]]", "row 2 has 1"), ("{\"shape\": [2], \"exact\": [\"1\"]}", "2 elements"),
                      ("[1, \"a\"]", "element [2]"), ("[1e999999999]", "has more digits"), ("[1, 2", "line 1, column 6"), ("[]", "empty"), ("[[[1]]]", "is not a number"),
                      ("{\"shape\": [1], \"exact\": [\"zeros(2, 2)\"]}", "not a number"), ("{\"shape\": [1], \"exact\": [\"open(1)\"]}", "does not evaluate")])
    func malformedJSONSaysWhere(_ text: String, _ fragment: String) {
        #expect(throws: FormatProblem.self) { try JSONTensorFile.read(Data(text.utf8)) }
        do { _ = try JSONTensorFile.read(Data(text.utf8)) } catch let p as FormatProblem {
            #expect(p.message.contains(fragment), "\(p.message)")
        } catch {}
    }

    @Test(arguments: [("a,b\n1,2\n", "line 1, field 1"), ("1,2\n3\n", "line 2 has 1 numbers but line 1 has 2"),
                      ("1,,2\n", "line 1, field 2 is empty"), ("1,1e99999\n", "line 1, field 2: \"1e99999\" has more digits"), ("1,2\n3,nan\n", "line 2, field 2"), ("\n\n", "no numbers")])
    func malformedCSVNamesTheLine(_ text: String, _ fragment: String) throws {
        let dir = try Self.scratchDirectory()
        let file = dir.appendingPathComponent("bad.csv")
        try Data(text.utf8).write(to: file)
        let state = Self.freshState()
        let error = try #require(Self.run(":load X = \(file.path)", state).error)
        #expect(error.contains(fragment) && error.contains("bad.csv"), "\(error)")
        #expect(state.interpreter.environment[variable: "X"] == nil)
    }

    @Test func manyLargeNumbersExhaustTheBudgetNotMemory() throws {
        let huge = try #require(Rational(literal: "1e600000", maxDigits: 1_000_000))
        var budget = BitBudget()
        #expect(throws: FormatProblem.self) {
            for k in 1...2000 { try budget.spend(huge, at: "element [\(k)]") }
        }
    }

    // MARK: Hostile .npy files

    /// A valid float64 file, then damaged in each way a file can be.
    static func npy(header: String, data: [UInt8], version: UInt8 = 1) -> Data {
        var h = Array(header.utf8)
        var bytes = NpyFile.magic + [version, 0]
        if version == 1 { bytes += [UInt8(h.count & 0xFF), UInt8(h.count >> 8)] } else { bytes += [UInt8(h.count & 0xFF), UInt8(h.count >> 8), 0, 0] }
        bytes += h
        h = []
        return Data(bytes + data)
    }

    static let twoDoubles: [UInt8] = [1.0, 2.0].flatMap { d in withUnsafeBytes(of: d.bitPattern.littleEndian, Array.init) }

    @Test(arguments: [
        ("bad magic", Data("NOTNUMPY".utf8) + Data(count: 40), "not a .npy file"),
        ("truncated data", npy(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }\n", data: twoDoubles), "truncated"),
        ("header lies", npy(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }\n", data: twoDoubles), "beyond"),
        ("header too long", Data(NpyFile.magic + [1, 0, 0xFF, 0x7F]) + Data("{'descr'".utf8), "header is truncated"),
        ("not a dict", npy(header: "import os\n", data: twoDoubles), "malformed header"),
        ("no shape", npy(header: "{'descr': '<f8', 'fortran_order': False}\n", data: twoDoubles), "'shape'"),
        ("huge shape", npy(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }\n", data: twoDoubles), "too large"),
        ("overflowing shape", npy(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (9223372036854775807, 9223372036854775807), }\n", data: twoDoubles), "too large"),
        ("negative size", npy(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (-2,), }\n", data: twoDoubles), "malformed header"),
        ("empty", npy(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (0,), }\n", data: []), "empty"),
        ("float16", npy(header: "{'descr': '<f2', 'fortran_order': False, 'shape': (2,), }\n", data: [0, 0, 0, 0]), "float16"),
        ("nan", npy(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }\n", data: withUnsafeBytes(of: Double.nan.bitPattern.littleEndian, Array.init)), "element [1] is not a finite"),
        ("version 9", Data(NpyFile.magic + [9, 0, 0, 0]), "version 9.0"),
        ("version 2 truncated", npy(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }\n", data: twoDoubles, version: 2), "truncated"),
        ("short", Data(NpyFile.magic), "not a .npy file"),
    ] as [(String, Data, String)])
    func hostileNpyGivesAnError(_ label: String, _ data: Data, _ fragment: String) {
        do {
            _ = try NpyFile.read(data)
            Issue.record("\(label): read without an error")
        } catch let p as FormatProblem {
            #expect(p.message.contains(fragment), "\(label): \(p.message)")
        } catch {
            Issue.record("\(label): unexpected \(error)")
        }
    }

    @Test func writtenNpyHasNumPysLayout() throws {
        let encoded = try NpyFile.encode(Tensor(shape: .matrix(1, 2), exact: [.rational(Rational(1)), .rational(Rational(-2))]))
        #expect(Array(encoded.data.prefix(8)) == NpyFile.magic + [1, 0])
        let headerLength = Int(encoded.data[8]) | Int(encoded.data[9]) << 8
        #expect((10 + headerLength) % 64 == 0)
        #expect(String(decoding: encoded.data[10..<(10 + headerLength)], as: UTF8.self).hasPrefix("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 2), }"))
        #expect(encoded.data.count == 10 + headerLength + 16)
    }

    // MARK: Command syntax

    @Test(arguments: [(":load X", "usage"), (":load = a.csv", "needs a name"), (":load X =", "needs a file"), (":load X = a.txt", "unknown extension .txt"),
                      (":load X = /nonexistent/dir/a.npy", "no such file"), (":save", "usage"), (":load exp = a.csv", "built-in"), (":save nothere out.csv", "no variable nothere"),
                      (":save v /nonexistent/dir/v.csv", "there is no directory /nonexistent/dir"), (":save v /tmp!", "/tmp: no extension")])
    func commandMistakesAreExplained(_ line: String, _ fragment: String) throws {
        let state = Self.freshState()
        _ = state.interpreter.run("v = [1, 2]")
        let error = try #require(Self.run(line, state).error)
        #expect(error.contains(fragment), "\(error)")
    }

    @Test func floatModeInfinityIsRefusedBeforeAnythingIsWritten() throws {
        let dir = try Self.scratchDirectory()
        let state = Self.freshState(float: true)
        _ = state.interpreter.run("v = exp([1, 1000])")
        for ext in ["npy", "csv", "json"] {
            let error = Self.run(":save v \(dir.path)/v.\(ext)", state).error
            #expect(error?.contains("element [2] is inf") == true, "\(error ?? "saved")")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func aDirectoryIsNeitherLoadedNorReplaced() throws {
        let dir = try Self.scratchDirectory()
        let folder = dir.appendingPathComponent("d.csv")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let state = Self.freshState()
        #expect(Self.run(":load X = \(folder.path)", state).error?.contains("is a directory") == true)
        _ = state.interpreter.run("v = [1, 2]")
        #expect(Self.run(":save v \(folder.path)!", state).error?.contains("it is a directory") == true)
    }
}

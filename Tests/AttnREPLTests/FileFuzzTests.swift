// Damaged files: every fixture with bytes flipped, cut short or spliced, read by each
// format's reader. Each must either read or throw FormatProblem; a trap would end the test run.
import Foundation
import Testing
@testable import AttnREPL
@testable import Engine

@Suite("Damaged tensor files")
struct FileFuzzTests {
    /// The Engine's SplitMix64 (what `rand` uses): deterministic, so a failure reproduces.
    typealias Generator = SplitMix64

    static func mutations(of original: [UInt8], count: Int, seed: UInt64, alphabet: [UInt8]) -> [[UInt8]] {
        var g = Generator(seed: seed)
        return (0..<count).map { _ in
            var bytes = original
            switch g.below(4) {
            case 0: bytes = Array(bytes.prefix(g.below(bytes.count + 1)))
            case 1:
                for _ in 0...g.below(4) where !bytes.isEmpty { bytes[g.below(bytes.count)] = UInt8(truncatingIfNeeded: g.next()) }
            case 2:
                for _ in 0...g.below(4) where !bytes.isEmpty { bytes[g.below(bytes.count)] = alphabet[g.below(alphabet.count)] }
            default:
                let at = g.below(bytes.count + 1)
                bytes.insert(contentsOf: (0...g.below(8)).map { _ in alphabet[g.below(alphabet.count)] }, at: at)
            }
            return bytes
        }
    }

    static func survives(_ read: (Data) throws -> LoadedTensor, _ inputs: [[UInt8]]) -> Int {
        var readable = 0
        for bytes in inputs {
            do {
                _ = try read(Data(bytes))
                readable += 1
            } catch is FormatProblem {
            } catch {
                Issue.record("unexpected error \(error) for \(bytes.prefix(120))")
            }
        }
        return readable
    }

    @Test func damagedNpyFiles() throws {
        let dir = FileCommandTests.npyDirectory
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".npy") }.sorted()
        let alphabet = Array("{}()[],:'0123456789-<>|fiuTrueFalse ".utf8) + [0, 0xFF, 0x93]
        var total = 0
        for (k, name) in names.enumerated() {
            let original = [UInt8](try Data(contentsOf: dir.appendingPathComponent(name)))
            total += Self.survives(NpyFile.read, Self.mutations(of: original, count: 300, seed: UInt64(k + 1), alphabet: alphabet))
        }
        #expect(total > 0, "some damage (e.g. in padding) leaves a readable file")
    }

    @Test func damagedTextFiles() {
        let csv = Array("1.5,-2,3e-3\n4,5,6\n# c\n7,8,9\n".utf8)
        let json = Array(#"{"shape": [2, 2], "exact": ["1/3", "exp(1)", null, "-7"], "values": ["0.333333", "2.71828", "0.5", "-7"]}"#.utf8)
        let alphabet = Array(",;\n\r\"\\{}[]0123456789.eE+-/ nulltrue".utf8) + [0, 0xFF, 0xC3]
        _ = Self.survives(CSVFile.read, Self.mutations(of: csv, count: 1500, seed: 7, alphabet: alphabet))
        _ = Self.survives(JSONTensorFile.read, Self.mutations(of: json, count: 1500, seed: 8, alphabet: alphabet))
    }
}

// Exact attention over n positions holds about 3n² nodes (a score, its exponential, a weight),
// so a node's size is most of its memory, and on a machine whose page faults are slow, most
// of its time too. These tests keep the node as small as RealNode's layout comment says.
import Testing
@testable import Engine

/// glibc's malloc_usable_size, which its Swift module does not export.
@_silgen_name("malloc_usable_size")
private func usableSize(_ block: UnsafeMutableRawPointer) -> Int

@Suite("Graph size")
struct GraphSizeTests {
    /// The bytes malloc set aside for the object (its block less the block's own header).
    static func heapBytes(_ object: AnyObject) -> Int {
        usableSize(Unmanaged.passUnretained(object).toOpaque())
    }

    @Test func aNodeFitsInANinetySixByteBlock() {
        let score = RealNode(.constant(Rational(-1234, 80000)))
        let exponential = RealNode(.function(.exp, score))
        let scaled = RealNode(.scaled(exponential, Rational(Int64.max - 1, 3)))
        for node in [score, exponential, scaled] {
            #expect(MemoryLayout<RealNode.Operation>.size <= 25)
            #expect(Self.heapBytes(node) <= 88)
        }
    }

    @Test func provedDecimalsAreStillKeptPerNodeAndDigits() {
        let node = RealNode(.function(.exp, RealNode(.constant(.one))))
        #expect(node.provedDecimal(digits: 5) == nil)
        node.provedDecimal = (5, "2.7183")
        #expect(node.provedDecimal(digits: 5) == "2.7183")
        #expect(node.provedDecimal(digits: 6) == nil)
        #expect(node.provedDecimal?.text == "2.7183")
    }

    @Test func depthAndLeafCountKeepTheirValues() {
        var x = RealNode(.constant(Rational(1, 3)))
        for _ in 0..<300 { x = RealNode(.function(.tanh, x)) }
        #expect(x.depth == 301)
        let pair = RealNode(.product(x, x))
        #expect(pair.depth == 302 && pair.leafCount == 2)
    }
}

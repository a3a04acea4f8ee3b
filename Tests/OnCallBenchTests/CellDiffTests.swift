import OnCallTUI
import Testing

@testable import oncall_bench

@Suite struct CellDiffTests {
    func buffer(_ rows: [String]) -> CellBuffer {
        var buffer = CellBuffer(width: rows[0].count, height: rows.count)
        for (y, row) in rows.enumerated() {
            for (x, character) in row.enumerated() { buffer[x, y] = Cell(String(character)) }
        }
        return buffer
    }

    @Test func noPreviousFrameRewritesEverything() {
        let diff = CellDiff(from: nil, to: buffer(["abc", "def"]))
        #expect(diff.rows == 2)
        #expect(diff.cells == 6)
    }

    @Test func sameFrameRewritesNothing() {
        let frame = buffer(["abc", "def"])
        let diff = CellDiff(from: frame, to: frame)
        #expect(diff.rows == 0)
        #expect(diff.cells == 0)
    }

    @Test func changedStretchRunsFromFirstToLastDifferentCell() {
        let diff = CellDiff(from: buffer(["abcdef", "ghijkl"]), to: buffer(["aXcdYf", "ghijkl"]))
        #expect(diff.rows == 1)
        #expect(diff.cells == 4)  // columns 1...4
    }

    @Test func styleChangeCounts() {
        let before = buffer(["ab"])
        var after = before
        after[1, 0] = Cell("b", style: CellStyle(role: .critical, bold: true))
        #expect(CellDiff(from: before, to: after).cells == 1)
    }

    @Test func sizeChangeRewritesEverything() {
        let diff = CellDiff(from: buffer(["ab"]), to: buffer(["abc", "def"]))
        #expect(diff.cells == 6)
    }
}

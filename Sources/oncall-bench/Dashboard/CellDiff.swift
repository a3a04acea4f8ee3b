import OnCallTUI

/// What a terminal would have to write to go from one frame to the next, found the way `NCursesScreen.draw`
/// finds it: per row, the stretch from the first to the last cell that differs (everything when there is no
/// previous frame of the same size). Pure, so the frame figure can include it without a terminal.
struct CellDiff: Sendable {
    /// Rows with at least one changed cell.
    var rows = 0
    /// Cells inside the changed stretches (what would be rewritten).
    var cells = 0

    init(from previous: CellBuffer?, to buffer: CellBuffer) {
        let width = buffer.width
        guard let previous, previous.width == width, previous.height == buffer.height else {
            rows = buffer.height
            cells = buffer.cells.count
            return
        }
        buffer.cells.withUnsafeBufferPointer { new in
            previous.cells.withUnsafeBufferPointer { old in
                for y in 0..<buffer.height {
                    let row = y * width
                    var first = -1
                    var last = -1
                    for x in 0..<width where new[row + x] != old[row + x] {
                        if first < 0 { first = x }
                        last = x
                    }
                    if first >= 0 {
                        rows += 1
                        cells += last - first + 1
                    }
                }
            }
        }
    }
}

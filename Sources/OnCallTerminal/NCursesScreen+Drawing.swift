import CNCurses
import OnCallTUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension NCursesScreen {
    /// Draws `buffer`, touching only the stretch of each row that differs from the last frame; nothing is
    /// written at all when the frame did not change (idle costs nothing).
    public func draw(_ buffer: CellBuffer) {
        guard !isClosed else { return }
        let (columns, rows) = size
        let width = min(buffer.width, columns)
        let height = min(buffer.height, rows)
        let previous = lastDrawn.flatMap { $0.width == buffer.width && $0.height == buffer.height ? $0 : nil }
        if previous == nil { werase(window) }
        var wrote = previous == nil
        for y in 0..<height {
            let row = y * buffer.width
            guard let span = changedSpan(row: row, width: width, buffer: buffer, previous: previous) else { continue }
            // One cell either side: a wide character before the change, or a lead whose continuation changed.
            var start = max(0, span.lowerBound - 1)
            if start > 0 && buffer.cells[row + start].text.isEmpty { start -= 1 }
            let end = min(width - 1, span.upperBound + 1)
            drawRow(y: y, from: start, through: end, buffer: buffer)
            wrote = true
        }
        lastDrawn = buffer
        if wrote { wrefresh(window) }
    }

    /// The first and last column of row `row` that differ from `previous`, or nil when none do.
    private func changedSpan(row: Int, width: Int, buffer: CellBuffer, previous: CellBuffer?) -> ClosedRange<Int>? {
        guard let previous else { return width > 0 ? 0...(width - 1) : nil }
        var first = -1
        var last = -1
        for x in 0..<width where buffer.cells[row + x] != previous.cells[row + x] {
            if first < 0 { first = x }
            last = x
        }
        return first < 0 ? nil : first...last
    }

    private func drawRow(y: Int, from start: Int, through end: Int, buffer: CellBuffer) {
        let row = y * buffer.width
        var x = start
        while x <= end {
            let cell = buffer.cells[row + x]
            let nextIsContinuation = x + 1 < buffer.width && buffer.cells[row + x + 1].text.isEmpty
            if cell.text.isEmpty {
                // A continuation is covered by the wide character before it; an orphan one is a blank.
                if x == 0 || buffer.cells[row + x - 1].text.isEmpty { put(" ", style: cell.style, y: y, x: x) }
                x += 1
                continue
            }
            let glyph = TerminalGlyph(cell.text)
            let fits = x + 1 < min(buffer.width, size.width)
            switch (glyph.width, nextIsContinuation) {
            case (2, true) where fits:
                put(glyph.scalars, style: cell.style, y: y, x: x)
                x += 2
            case (2, _):
                // The terminal would spill it into the next cell: keep columns aligned instead.
                put("?", style: cell.style, y: y, x: x)
                if nextIsContinuation && x + 1 <= end { put(" ", style: cell.style, y: y, x: x + 1) }
                x += nextIsContinuation ? 2 : 1
            case (_, true):
                // Laid out as wide but the terminal thinks narrow: pad so the next column stays put.
                put(glyph.scalars, style: cell.style, y: y, x: x)
                put(" ", style: cell.style, y: y, x: x + 1)
                x += 2
            default:
                put(glyph.scalars, style: cell.style, y: y, x: x)
                x += 1
            }
        }
    }

    private func put(_ text: String, style: CellStyle, y: Int, x: Int) {
        put(text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }, style: style, y: y, x: x)
    }

    private func put(_ scalars: [wchar_t], style: CellStyle, y: Int, x: Int) {
        let look = palette.look(for: style)
        var characters = scalars
        characters.append(0)
        // Errors are expected at the bottom-right cell (the cursor cannot advance) and are harmless.
        let result = oncall_mvadd_wchars(window, Int32(y), Int32(x), characters, look.attributes, look.pair)
        if result == ERR && scalars.count > 1 {
            _ = oncall_mvadd_wchars(window, Int32(y), Int32(x), [scalars[0], 0], look.attributes, look.pair)
        }
    }
}

/// One cell's text made safe for the terminal: a printable base character and at most four combining marks.
/// Controls, escape sequences, bidi overrides and other format characters never reach the terminal.
struct TerminalGlyph {
    let scalars: [wchar_t]
    /// Display width as the terminal's C library measures it (1 or 2).
    let width: Int

    init(_ text: String) {
        var scalars: [wchar_t] = []
        var width = 1
        for scalar in text.unicodeScalars {
            let code = wchar_t(bitPattern: scalar.value)
            if scalars.isEmpty {
                let measured = Int(oncall_wcwidth(code))
                guard measured >= 1, !Self.isUnsafe(scalar) else { break }
                scalars.append(code)
                width = measured
            } else if scalars.count < 5, Self.isCombiningMark(scalar), oncall_wcwidth(code) == 0 {
                scalars.append(code)
            }
        }
        if scalars.isEmpty {
            scalars = [wchar_t(bitPattern: UInt32(UInt8(ascii: "?")))]
            width = 1
        }
        self.scalars = scalars
        self.width = width
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
            return true
        default:
            return false
        }
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return true
        default: return false
        }
    }
}

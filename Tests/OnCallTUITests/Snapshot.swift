import Foundation
import OnCallRules
import Testing

@testable import OnCallTUI

/// Whole-screen text snapshots stored in `Snapshots/NAME.txt`. Re-record with `ONCALL_RECORD_SNAPSHOTS=1
/// swift test --filter OnCallTUITests`; a missing file is recorded and the test fails once.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Snapshots")

    /// The frame as text: one line per row, wide characters once (their continuation cell adds nothing).
    static func text(_ buffer: CellBuffer) -> String {
        var lines: [String] = []
        for y in 0..<buffer.height {
            var line = ""
            for x in 0..<buffer.width { line += buffer[x, y].text }
            while line.hasSuffix(" ") { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every row is exactly `width` columns and every cell holds one printable glyph of the right width.
    static func checkAligned(_ buffer: CellBuffer, sourceLocation: SourceLocation = #_sourceLocation) {
        for y in 0..<buffer.height {
            var x = 0
            while x < buffer.width {
                let cell = buffer[x, y]
                let width = cell.text.isEmpty ? 0 : DisplayWidth.of(Character(cell.text))
                #expect(
                    cell.text.count == 1, "row \(y) col \(x): \(cell.text.debugDescription)",
                    sourceLocation: sourceLocation)
                for scalar in cell.text.unicodeScalars {
                    #expect(
                        scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value) && scalar != "\u{1B}",
                        "row \(y) col \(x)", sourceLocation: sourceLocation)
                }
                if width == 2 {
                    #expect(
                        x + 1 < buffer.width && buffer[x + 1, y].text.isEmpty, "row \(y) col \(x)",
                        sourceLocation: sourceLocation)
                    x += 2
                } else {
                    #expect(
                        width == 1, "row \(y) col \(x): \(cell.text.debugDescription)", sourceLocation: sourceLocation)
                    x += 1
                }
            }
        }
    }

    static func assert(_ buffer: CellBuffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        checkAligned(buffer, sourceLocation: sourceLocation)
        let actual = text(buffer)
        let file = directory.appendingPathComponent(name + ".txt")
        let record = ProcessInfo.processInfo.environment["ONCALL_RECORD_SNAPSHOTS"] == "1"
        guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded snapshot \(name); check it and run again", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "snapshot \(name) differs:\n\(actual)", sourceLocation: sourceLocation)
    }
}

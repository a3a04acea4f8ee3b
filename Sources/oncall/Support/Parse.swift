import ArgumentParser
import Foundation

/// Argument transforms with messages that say what was expected.
enum Parse {
    static func time(_ text: String) throws -> Date {
        guard let date = ISOTime.parse(text) else {
            throw ValidationError("expected an ISO-8601 time like 2026-11-27T14:02:00Z, got '\(text)'")
        }
        return date
    }

    static func id(_ text: String) throws -> Int64 {
        guard let n = Int64(text.trimmingCharacters(in: .whitespaces)), n > 0 else {
            throw ValidationError("expected a positive number, got '\(text)'")
        }
        return n
    }

    static func text(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ValidationError("must not be empty") }
        guard trimmed.count <= 10_000 else { throw ValidationError("is longer than 10,000 characters") }
        return trimmed
    }
}

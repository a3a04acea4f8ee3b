import Foundation
import OnCallRules

@testable import OnCallImport

/// Shared helpers: fixtures, settings, dates, and a one-call import into an in-memory board.
enum Fixture {
    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")!
    }

    static func bytes(_ name: String) -> [UInt8] {
        [UInt8](try! Data(contentsOf: url(name)))
    }

    static func input(_ name: String) throws -> ImportInput {
        try ImportInput.file(url(name).path)
    }
}

/// GitLab defaults plus a region field and one form, as a site would configure them.
let testSettings: ImportSettings = {
    var s = OnCallConfig.gitlabDefaults.imports
    s.zendeskRegionField = 360001
    s.zendeskPlanForms = [55: .licensing]
    return s
}()

let now = date("2026-05-07T12:00:00Z")

func date(_ text: String) -> Date {
    Timestamp.parse(text)!
}

/// Parses `name` and merges it into `board`, applying the changes as the store would.
@discardableResult
func importFixture(
    _ name: String, vendor: Vendor? = nil, into board: inout Board, settings: ImportSettings = testSettings
) throws -> ImportResult {
    let batch = try Importer.parse(try Fixture.input(name), vendor: vendor, settings: settings)
    let result = try ImportMerge.merge(batch, records: board, now: now)
    board.apply(result.outcome.changes)
    return result
}

@discardableResult
func importText(
    _ text: String, vendor: Vendor? = nil, name: String = "-", into board: inout Board,
    settings: ImportSettings = testSettings
) throws -> ImportResult {
    let batch = try Importer.parse(.text(text, name: name), vendor: vendor, settings: settings)
    let result = try ImportMerge.merge(batch, records: board, now: now)
    board.apply(result.outcome.changes)
    return result
}

/// The error an import of `text` throws, or nil.
func importError(_ text: String, vendor: Vendor? = .zendesk, name: String = "in.json") -> ImportError? {
    do {
        _ = try Importer.parse(.text(text, name: name), vendor: vendor, settings: testSettings)
        return nil
    } catch {
        return error
    }
}

extension Board {
    func ticketOrNil(_ id: Int64) -> Ticket? { tickets.first { $0.id == id } }
    func escalationOrNil(_ id: Int64) -> Escalation? { escalations.first { $0.id == id } }
    func emergencyOrNil(_ id: Int64) -> Emergency? { emergencies.first { $0.id == id } }
}

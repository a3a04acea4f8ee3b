import Foundation

extension CommandRules {
    /// Adds a shift or a cover. An id of 0 or less takes `records.nextId(.rota)`; a given id must be new.
    func addRota(_ entry: RotaEntry, kind: RotaEntry.Kind) throws -> Outcome {
        var entry = entry
        entry.kind = kind
        let noun = kind == .shift ? "shift" : "cover"
        entry.name = try required(
            entry.name,
            kind == .shift ? "a shift needs the manager's name" : "--by: a cover needs the name of who covers")
        entry.covering = try optional(entry.covering, "--for: whose shift is covered cannot be blank")
        entry.note = try optional(entry.note, "--note: a note cannot be blank")
        guard entry.end > entry.start else {
            throw RuleError.invalid(
                "--to: a \(noun) must end after it starts (\(time(entry.start)) to \(time(entry.end)))")
        }
        if kind == .cover, entry.covering == entry.name {
            throw RuleError.invalid("--for: \(entry.name) cannot cover their own shift")
        }
        if entry.id <= 0 {
            entry.id = try records.nextId(.rota)
        } else if try records.rota(from: .distantPast, to: .distantFuture).contains(where: { $0.id == entry.id }) {
            throw RuleError.refused("rota entry \(entry.id) already exists")
        }
        var after = "\(noun) \(entry.name) \(time(entry.start))-\(time(entry.end))"
        if let region = entry.region { after += " region=\(region.rawValue)" }
        if let covering = entry.covering { after += " covering=\(covering)" }
        let message =
            kind == .shift
            ? "\(entry.name) on call \(time(entry.start)) to \(time(entry.end))"
            : "\(entry.name) covers\(entry.covering.map { " for \($0)" } ?? "") "
                + "\(time(entry.start)) to \(time(entry.end))"
        return one(
            .rota(entry),
            audit("rota.\(noun)", RecordRef(.rota, entry.id), before: nil, after: after, note: entry.note), message)
    }
}

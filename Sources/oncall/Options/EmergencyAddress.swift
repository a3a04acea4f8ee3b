import ArgumentParser

/// The emergency a verb acts on: its number, `ticket#N`, `pd#N` (PagerDuty incident number) or incident id.
struct EmergencyAddress: ParsableArguments {
    @Argument(help: "Emergency: its number, ticket#N, pd#N (PagerDuty incident number) or incident id.") var id: String

    /// The store's id of the addressed emergency; an unknown or ambiguous address names the candidates.
    func resolve(_ context: Context) throws -> Int64 {
        try context.emergencyId(id)
    }
}

/// Where a reload's time goes, in milliseconds: the store query, `Overview.make`, and `update(.loaded)`.
struct ReloadStages: Sendable {
    var load = 0.0
    var overview = 0.0
    var update = 0.0

    /// Medians of each stage over many reloads, as one line for a note.
    static func summary(_ stages: [ReloadStages]) -> String {
        guard !stages.isEmpty else { return "" }
        let load = Samples(stages.map(\.load)).median
        let overview = Samples(stages.map(\.overview)).median
        let update = Samples(stages.map(\.update)).median
        return "medians: loadBoard " + TableReport.number(load) + " ms, Overview.make " + TableReport.number(overview)
            + " ms, update(.loaded) " + TableReport.number(update) + " ms"
    }
}

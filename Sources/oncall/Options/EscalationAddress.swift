import ArgumentParser

/// The escalation a verb acts on: `N`, `group/project#N`, `PROJECT_ID#N`, or `N` with `--project`.
struct EscalationAddress: ParsableArguments {
    @Argument(help: "Escalation: N, group/project#N, or N with --project.") var id: String
    @Option(help: "The GitLab project (path or id) when several have an escalation N.") var project: String?

    /// The store's id of the addressed escalation; an unknown or ambiguous address names the candidates.
    func resolve(_ context: Context) throws -> Int64 {
        try context.escalationId(id, project: project)
    }
}

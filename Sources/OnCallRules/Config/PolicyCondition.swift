/// One condition of an SLA policy, as Zendesk's policy filters have them: a ticket field compared to a value.
public struct PolicyCondition: Codable, Sendable, Equatable {
    /// What a condition looks at.
    public enum Field: String, Codable, Sendable, CaseIterable {
        /// The ticket form's name.
        case form
        /// One of the ticket's tags.
        case tag
        /// The ticket stage (`Ticket.effectiveStage`).
        case stage
        /// The ticket's plan.
        case plan
    }

    public var field: Field
    /// `!=` instead of `=`: the field does not have the value (for `tag`: no such tag).
    public var negated: Bool
    public var value: String

    public init(_ field: Field, _ value: String, negated: Bool = false) {
        self.field = field
        self.negated = negated
        self.value = value
    }

    /// Whether the ticket meets the condition.
    public func holds(for ticket: Ticket) -> Bool {
        let equal: Bool
        switch field {
        case .form: equal = ticket.form == value
        case .tag: equal = ticket.tags.contains(value)
        case .stage: equal = ticket.effectiveStage == value
        case .plan: equal = ticket.plan.rawValue == value
        }
        return equal != negated
    }

    /// `form = emergencies`, `stage != needs-org`.
    public var text: String { "\(field.rawValue) \(negated ? "!=" : "=") \(value)" }

    /// Reads `FIELD = VALUE` or `FIELD != VALUE`; nil when it is neither.
    public init?(text: String) {
        let negated = text.contains("!=")
        let parts = text.components(separatedBy: negated ? "!=" : "=")
        guard parts.count == 2, let field = Field(rawValue: parts[0].trimmingCharacters(in: .whitespaces)) else {
            return nil
        }
        let value = parts[1].trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { return nil }
        self.init(field, field == .stage ? Ticket.normalizedStage(value) : value, negated: negated)
    }
}

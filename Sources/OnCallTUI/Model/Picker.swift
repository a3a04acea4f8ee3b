/// A list to choose one option from.
public struct Picker: Sendable, Equatable {
    public var title: String
    public var options: [String]
    public var selected: Int
    public var flow: Flow

    public init(title: String, options: [String], selected: Int = 0, flow: Flow) {
        self.title = title
        self.options = options
        self.selected = selected
        self.flow = flow
    }
}

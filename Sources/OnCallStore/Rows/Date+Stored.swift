import Foundation

extension Date {
    /// The stored text form (see `StoredDate`).
    var stored: String { StoredDate.text(self) }
}

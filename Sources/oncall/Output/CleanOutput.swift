import Foundation
import OnCallRules

/// Every line the CLI prints goes through the screen's sanitiser (`SafeText`): names and titles quoted from the
/// store, an import or the command line can hold escape sequences, C0/C1 controls or bidi overrides, and none
/// of them may reach the terminal. Line breaks inside a message become spaces, so one message stays one line.
enum CleanOutput {
    /// Prints one cleaned line on standard output.
    static func line(_ text: String) { print(SafeText.clean(text)) }

    /// Writes one cleaned line on standard error.
    static func errorLine(_ text: String) {
        FileHandle.standardError.write(Data((SafeText.clean(text) + "\n").utf8))
    }
}

import ArgumentParser
import Foundation
import OnCallConfig
import OnCallImport
import OnCallRules
import OnCallStore

/// Runs a command body, turning any refusal or error into one clear line on stderr and a non-zero exit.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch let error as ValidationError {
        throw error
    } catch {
        printError(describe(error))
        throw ExitCode(exitCode(for: error))
    }
}

/// Exit codes: 1 refused by the rules, 2 bad input, 3 store problem, 4 anything else (5: recorded, but the
/// PagerDuty page failed; see `perform`).
func exitCode(for error: Error) -> Int32 {
    switch error {
    case let rule as RuleError:
        switch rule {
        case .invalid: 2
        case .notFound, .refused, .conflict: 1
        }
    case is CLIError, is ConfigError, is ImportError: 2
    case is StoreError, is MissingStore: 3
    default: 4
    }
}

func describe(_ error: Error) -> String {
    switch error {
    case let e as RuleError: e.description
    case let e as StoreError: e.description
    case let e as CLIError: e.description
    case let e as MissingStore: e.description
    case let e as ConfigError: e.description
    case let e as ImportError: e.description
    default: (error as? LocalizedError)?.errorDescription ?? String(describing: error)
    }
}

/// One line on stderr, prefixed with the program name. Control characters (which can come from a hostile
/// input quoted in the message, e.g. a JSON key) are shown escaped: no line break, no terminal escape sequence.
func printError(_ message: String) {
    FileHandle.standardError.write(Data(("oncall: " + escapingControls(message) + "\n").utf8))
}

/// `message` with C0/C1 control characters and DEL written as `\n`, `\t` or `\u{1B}`.
func escapingControls(_ message: String) -> String {
    var text = ""
    for scalar in message.unicodeScalars {
        switch scalar.value {
        case 0x0A: text += "\\n"
        case 0x09: text += "\\t"
        case 0x0D: text += "\\r"
        case 0x00..<0x20, 0x7F..<0xA0: text += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        default: text.unicodeScalars.append(scalar)
        }
    }
    return text
}

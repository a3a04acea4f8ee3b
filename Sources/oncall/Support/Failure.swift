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
    case is StoreError: 3
    default: 4
    }
}

func describe(_ error: Error) -> String {
    switch error {
    case let e as RuleError: e.description
    case let e as StoreError: e.description
    case let e as CLIError: e.description
    case let e as ConfigError: e.description
    case let e as ImportError: e.description
    default: (error as? LocalizedError)?.errorDescription ?? String(describing: error)
    }
}

/// One line on stderr, prefixed with the program name.
func printError(_ message: String) {
    FileHandle.standardError.write(Data(("oncall: " + message + "\n").utf8))
}

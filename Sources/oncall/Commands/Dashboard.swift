import ArgumentParser
import Foundation
import OnCallRules
import OnCallStore
import OnCallTUI
import OnCallTerminal

/// `oncall dashboard` (the default): the live three-pane screen for the whole shift.
struct Dashboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the live dashboard (the default command).",
        discussion: "Press ? in the dashboard for every key. Needs a terminal; scripts use `oncall status --json`.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Open on a fresh demo shift in a temporary store.") var demo = false
    @Flag(help: "Disable every action key.") var readonly = false
    @Option(help: "Time zone for the clock and absolute times: an IANA name, `local` (the default) or UTC.")
    var tz: String = "local"
    @Flag(help: "Draw without colour (also when NO_COLOR is set).") var noColor = false
    @Flag(help: "Do not pull the enabled [sources.*] in the background (the dashboard then only reads the store).")
    var noSync = false

    func validate() throws {
        if tz != "local" && TimeZone(identifier: tz) == nil { throw ValidationError("--tz: unknown time zone '\(tz)'") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        var exitSignal: Int32?
        try reportingFailures {
            // Refuse before touching the store or the screen: no TTY or an unusable TERM.
            do { _ = try TerminalCheck.verify(environment: environment) } catch {
                throw CLIError(String(describing: error))
            }
            var context = try Context(global)
            if demo { context.storePath = try Dashboard.makeDemoDirectory() + "/oncall.sqlite" }
            let store = try demo ? context.openStore() : context.openExistingStore(readOnlyIfNeeded: readonly)
            if demo {
                try Demo.load(into: store, now: context.now)
                // Unless told otherwise, act as the demo's manager on call, so "missed page -> you" reads true.
                if global.actor == nil && context.config.me == nil,
                    let onCall = Overview.make(from: try store.loadBoard(now: context.now), config: context.config)
                        .onCall(at: context.now)
                {
                    context.actor = onCall.name
                }
            }

            let zone = tz == "local" ? TimeZone.current : TimeZone(identifier: tz)!
            let noColor = DashboardOptions.colorDisabled(flag: self.noColor, environment: environment)
            let screen: NCursesScreen
            // The loader has already refused a bad `[theme]`.
            let theme = (try? ThemePalette(context.config.dashboard.theme)) ?? .standard
            do { screen = try NCursesScreen(environment: environment, color: !noColor, theme: theme) } catch {
                throw CLIError(String(describing: error))
            }
            let options = DashboardOptions(
                actor: context.actor, readonly: readonly, timeZone: zone, noColor: noColor,
                asciiGlyphs: screen.asciiGlyphs)
            let loop = DashboardLoop(screen: screen, backend: StoreBackend(store: store, context: context), options: options)
            // Pull in the background when a source is on (not for a demo or a read-only screen).
            let sync = demo || readonly || noSync ? nil : BackgroundSync.start(context: context)
            loop.run()
            screen.close()
            sync?.stop()
            exitSignal = loop.exitSignal
            if demo {
                CleanOutput.errorLine("oncall: the demo store stays at \(context.storePath) (use it with --store)")
            }
        }
        if let exitSignal { throw ExitCode(128 + exitSignal) }
    }

    /// A private temporary directory for the demo store.
    static func makeDemoDirectory() throws -> String {
        let base = (ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
        var template = Array((base + "/oncall-demo-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw CLIError("cannot create a temporary directory under \(base) for the demo store")
        }
        return String(cString: made)
    }
}

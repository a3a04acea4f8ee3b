import OnCallConfig
import OnCallRules
import Testing

/// `[keys]` and `[theme]`: what loads is stored canonically, round-trips, and every bad entry is refused
/// naming its key.
@Suite struct KeysAndThemeConfigTests {
    @Test func remappedKeysAreStoredCanonicallyAndDefaultsDropOut() throws {
        let config = try ConfigLoader.load(
            toml: """
                [keys]
                acknowledge = "A"
                handoff = ["h", "Ctrl-O"]
                quit = "q"
                detail = "Enter"
                """)
        #expect(config.dashboard.keys == ["acknowledge": ["A"], "handoff": ["h", "ctrl-o"]])
    }

    @Test func swappedKeysAreNoConflict() throws {
        let config = try ConfigLoader.load(toml: "[keys]\nresolve = \"x\"\nreject = \"r\"\n")
        #expect(config.dashboard.keys == ["resolve": ["x"], "reject": ["r"]])
    }

    @Test func themeColoursAreStoredCanonically() throws {
        let config = try ConfigLoader.load(
            toml: """
                [theme]
                palette = "colour-blind"
                breach = 208
                header = "White on 25"
                ok = "palette"
                critical = "orange"
                """)
        // colour-blind's critical is 208 already: nothing to store.
        #expect(config.dashboard.theme == ThemeSettings(palette: "colour-blind", roles: ["breach": "orange", "header": "white on 25"]))
    }

    @Test func keysAndThemeRoundTrip() throws {
        var config = OnCallConfig.gitlabDefaults
        config.dashboard.keys = ["acknowledge": ["A"], "handoff": ["h", "ctrl-o"], "help": ["f1"]]
        config.dashboard.theme = ThemeSettings(palette: "high-contrast", roles: ["ok": "blue", "badge": "black on orange"])
        let text = ConfigLoader.render(config)
        #expect(text.contains("acknowledge = \"A\"\n"))
        #expect(text.contains("handoff = [\"h\", \"ctrl-o\"]\n"))
        #expect(text.contains("palette = \"high-contrast\"\n"))
        #expect(try ConfigLoader.load(toml: text) == config)
        #expect(try ConfigLoader.load(toml: text, over: ConfigFixtures.distorted()) == config)
    }

    @Test func aLaterFileChangesSingleActions() throws {
        let base = try ConfigLoader.load(toml: "[keys]\nacknowledge = \"A\"\n")
        let config = try ConfigLoader.load(toml: "[keys]\nhandoff = \"ctrl-o\"\n", over: base)
        #expect(config.dashboard.keys == ["acknowledge": ["A"], "handoff": ["ctrl-o"]])
    }

    static let refused: [(String, String)] = [
        ("[keys]\nack = \"A\"", "config.toml: keys.ack: unknown action (expected one of: acknowledge, assign, resolve, "
            + "reject, trigger, done, lead, engineer, handoff, resolve_emergency, flag, checklist, detail, filter, "
            + "report, help, redraw, quit)"),
        ("[keys]\nhandoff = [\"h\", \"ctrl-c\"]",
            "config.toml: keys.handoff[1]: \"ctrl-c\" cannot be bound: the terminal sends it as an interrupt"),
        ("[keys]\nlead = \"f13\"", "config.toml: keys.lead: \"f13\" is not a key name (expected a single character "
            + "(\"a\", \"A\", \"?\"), ctrl-a..ctrl-z, space, enter, esc, tab, shift-tab, backspace, delete, up, down, "
            + "left, right, pgup, pgdn, home, end, f1..f12)"),
        ("[keys]\nquit = []", "config.toml: keys.quit: expected a key or a list of keys, got []"),
        ("[keys]\nquit = 3", "config.toml: keys.quit: expected a key name or a list of key names, got 3"),
        ("[keys]\nreport = \"a\"", "config.toml: keys.report: \"a\" is also keys.acknowledge in the Escalation queue pane"),
        ("[keys]\nacknowledge = \"r\"", "config.toml: keys.acknowledge: \"r\" is also keys.resolve in the Escalation queue pane"),
        ("[keys]\nlead = \"A\"\nflag = \"A\"", "config.toml: keys.flag: \"A\" is also keys.lead in the Emergencies pane"),
        ("[keys]\nacknowledge = \"j\"",
            "config.toml: keys.acknowledge: \"j\" already means \"Move the selection down\" (a fixed key) in the Escalation queue pane"),
        ("[keys]\nredraw = \"y\"", "config.toml: keys.redraw: \"y\" already means \"Confirm: run the command\" (a fixed key) in a confirmation"),
        ("[keys]\nhelp = \"esc\"", "config.toml: keys.help: \"esc\" already means \"Close the detail view\" (a fixed key) in the detail view"),
        ("[theme]\npalette = \"neon\"",
            "config.toml: theme.palette: unknown palette \"neon\" (expected one of: default, light, mono, high-contrast, colour-blind)"),
        ("[theme]\nbreached = \"red\"", "config.toml: theme.breached: unknown key (expected one of: palette, normal, dim, "
            + "title, selection, header, breach, critical, warning, ok, paused, alert, badge, status, key)"),
        ("[theme]\nbreach = \"pinkish\"", "config.toml: theme.breach: unknown colour \"pinkish\" (expected default, black, "
            + "red, green, yellow, blue, magenta, cyan, white, bright-black..bright-white, orange, grey, or 0-255; "
            + "\"FG on BG\" also sets the background)"),
        ("[theme]\nok = 256", "config.toml: theme.ok: unknown colour \"256\" (expected default, black, "
            + "red, green, yellow, blue, magenta, cyan, white, bright-black..bright-white, orange, grey, or 0-255; "
            + "\"FG on BG\" also sets the background)"),
        ("[theme]\nok = true", "config.toml: theme.ok: expected a colour (default, black, red, green, yellow, blue, "
            + "magenta, cyan, white, bright-black..bright-white, orange, grey, or 0-255; \"FG on BG\" also sets the "
            + "background), got true"),
    ]

    @Test(arguments: refused)
    func badEntriesAreRefusedNamingTheKey(_ toml: String, _ message: String) {
        #expect(ConfigFixtures.refusal(toml)?.description == message)
    }
}

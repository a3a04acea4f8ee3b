import OnCallRules

extension KeyRegistry {
    /// The keys of every dialog; `help` are the help action's keys (they open the help from the detail view
    /// and close it again).
    static func dialogBindings(help: [Key]) -> [KeyBinding] {
        let scrollKeys: [Key] = [
            .up, .down, .pageUp, .pageDown, .char("k"), .char("j"), .char(" "), .home, .char("g"), .end, .char("G"),
        ]
        func scroll(_ dialog: DialogKind, shown: Int) -> KeyBinding {
            KeyBinding(
                .scroll, scrollKeys, "scroll", "Scroll a line, a page (PgUp/PgDn/Space), to the top or the end",
                scope: .dialog(dialog), footerKeyCount: shown
            ) { p, s, _ in Dashboard.scrollModal(p.key, &s, now: p.now) }
        }
        return [
            scroll(.detail, shown: 2),
            KeyBinding(
                .close, [.escape, .enter, .char("q")], "close", "Close the detail view", scope: .dialog(.detail),
                footerKeyCount: 1
            ) {
                _, s, _ in s.modals.removeLast()
            },
            KeyBinding(.help, help, "help", "Show the keys", scope: .dialog(.detail)) { _, s, _ in
                s.modals.append(.help(scroll: 0))
            },

            scroll(.help, shown: 2),
            KeyBinding(
                .close, [.escape, .enter, .char("q")] + help, "close", "Close the help", scope: .dialog(.help),
                footerKeyCount: 1
            ) {
                _, s, _ in s.modals.removeLast()
            },

            scroll(.alerts, shown: 2),
            KeyBinding(
                .close, [.escape, .enter, .char("q"), .char("!")], "close", "Close the alert list",
                scope: .dialog(.alerts), footerKeyCount: 1
            ) { _, s, _ in s.modals.removeLast() },

            scroll(.report, shown: 4),
            KeyBinding(.saveReport, [.char("s")], "save to a file", "Save the report to a file", scope: .dialog(.report)) {
                p, s, _ in
                guard case .report(let text, _) = s.modal else { return }
                s.modals.append(
                    .prompt(
                        Prompt(
                            title: "Save the hand-off report to", hint: "A file path; Enter saves",
                            text: Dashboard.reportFileName(now: p.now, zone: s.options.timeZone),
                            requiredMessage: "a file name is required", flow: .saveReport(text: text))))
            },
            KeyBinding(.close, [.escape, .char("q")], "close", "Close the report", scope: .dialog(.report)) {
                _, s, _ in s.modals.removeLast()
            },

            KeyBinding(.accept, [.enter], "ok", "Accept the answer", scope: .dialog(.prompt)) { _, s, e in
                Dashboard.submitPrompt(&s, &e)
            },
            KeyBinding(
                .complete, [.tab, .backTab], "complete", "Complete a name from known engineers and managers",
                scope: .dialog(.prompt), footerKeyCount: 1
            ) { p, s, _ in Dashboard.editPrompt(&s) { Dashboard.complete(&$0, backwards: p.key == .backTab) } },
            KeyBinding(.clearInput, [.ctrl("u")], "clear", "Clear the input", scope: .dialog(.prompt)) { _, s, _ in
                Dashboard.editPrompt(&s) { $0.set("") }
            },
            KeyBinding(
                .deleteBack, [.backspace, .delete], "delete", "Delete the last character", scope: .dialog(.prompt),
                inFooter: false
            ) { _, s, _ in Dashboard.editPrompt(&s) { $0.set(String($0.text.dropLast())) } },
            KeyBinding(.cancel, [.escape], "cancel", "Cancel", scope: .dialog(.prompt)) { _, s, _ in
                Dashboard.cancelModal(&s)
            },
            KeyBinding(
                .typeText, [], "type", "Any other character is typed into the answer", scope: .dialog(.prompt),
                inFooter: false, takesText: true
            ) { p, s, _ in
                guard case .char(let c) = p.key else { return }
                // Only printable text goes in; control characters never reach a command.
                if c.unicodeScalars.allSatisfy({ DisplayWidth.of($0) >= 0 }) {
                    Dashboard.editPrompt(&s) { $0.insert(String(c)) }
                }
            },

            KeyBinding(.choose, [.up, .down, .char("k"), .char("j")], "choose", "Move through the options",
                scope: .dialog(.picker), footerKeyCount: 2
            ) { p, s, _ in
                guard case .picker(var picker) = s.modal else { return }
                let up = p.key == .up || p.key == .char("k")
                picker.selected = up ? max(0, picker.selected - 1) : min(picker.options.count - 1, picker.selected + 1)
                s.modals[s.modals.count - 1] = .picker(picker)
            },
            KeyBinding(.accept, [.enter], "ok", "Take the highlighted option", scope: .dialog(.picker)) { _, s, e in
                guard case .picker(let picker) = s.modal else { return }
                s.modals.removeLast()
                Dashboard.chose(picker.selected, picker, &s, &e)
            },
            KeyBinding(
                .pickNumber, (1...9).map { .char(Character(String($0))) }, "pick", "Take option 1-9 at once",
                scope: .dialog(.picker), inFooter: false
            ) { p, s, e in
                guard case .picker(let picker) = s.modal, case .char(let c) = p.key, let n = c.wholeNumberValue,
                    n <= picker.options.count
                else { return }
                s.modals.removeLast()
                Dashboard.chose(n - 1, picker, &s, &e)
            },
            KeyBinding(.cancel, [.escape], "cancel", "Cancel", scope: .dialog(.picker)) { _, s, _ in
                Dashboard.cancelModal(&s)
            },

            KeyBinding(.confirm, [.char("y"), .char("Y"), .enter], "confirm", "Confirm: run the command",
                scope: .dialog(.confirm)
            ) { _, s, e in
                guard case .confirm(let confirm) = s.modal else { return }
                s.modals.removeLast()
                Dashboard.run(confirm.command, confirm.expecting, &s, &e)
            },
            KeyBinding(.cancel, [.char("n"), .char("N"), .escape, .char("q")], "cancel", "Cancel: change nothing",
                scope: .dialog(.confirm)
            ) { _, s, _ in Dashboard.declineConfirm(&s) },
        ]
    }
}

import CNCurses
import OnCallTUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension NCursesScreen {
    /// Terminals known to take OSC 2 even when their terminfo entry has no status line (tmux uses `screen`).
    private static let titledTerminals = [
        "xterm", "screen", "tmux", "rxvt", "alacritty", "kitty", "foot", "st", "gnome", "konsole", "vte", "putty",
        "wezterm",
    ]

    /// Sets the window title when the terminal supports one (`tsl`/`fsl` or a known OSC 2 terminal); only
    /// writes when the title changed. Control characters are dropped so a title cannot inject a sequence.
    public func setTitle(_ title: String) {
        guard !isClosed else { return }
        let clean = String(title.unicodeScalars.filter { !Self.isControl($0) }.prefix(200).map(Character.init))
        guard clean != lastTitle else { return }
        lastTitle = clean
        let bytes: [UInt8]
        if let start = oncall_tsl(), let end = oncall_fsl() {
            bytes = Array(String(cString: start).utf8) + Array(clean.utf8) + Array(String(cString: end).utf8)
        } else if Self.titledTerminals.contains(where: { term == $0 || term.hasPrefix($0 + "-") }) {
            bytes = Array("\u{1B}]2;".utf8) + Array(clean.utf8) + [0x07]
        } else {
            return
        }
        writeToTerminal(bytes)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            || scalar.properties.generalCategory == .format
    }
}

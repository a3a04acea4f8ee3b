import Foundation

/// Text from customers, vendors and other people made safe for a report that is pasted into Slack or a GitLab
/// issue: the screen's cleaning (no escape sequences, C0/C1 controls, bidi overrides; one line), mentions and
/// links neutralised, then escaped for the format it goes into.
public enum ReportText {
    /// Where the text goes.
    public enum Style: Sendable {
        /// GitLab-flavoured Markdown: every Markdown/HTML punctuation character backslash-escaped.
        case markdown
        /// Slack mrkdwn: `&`, `<`, `>` as entities (so `<!channel>` or `<url|text>` cannot form).
        case slack
    }

    /// Cleaned like the screen (one line) with mentions and links neutralised: `@here` becomes `＠here` and
    /// `<!channel>` `‹!channel>` (no Slack or GitLab mention notifies anyone), `https://` becomes `https[:]//` and `www.` `www[.]`
    /// (no link forms from customer text).
    public static func neutral(_ text: String) -> String {
        var out = SafeText.clean(text).trimmingSpaces()
        out = out.replacingAll("@", with: "＠")
        // Slack's special mentions and channel links (`<!channel>`, `<#C123>`) need the bare angle bracket.
        out = out.replacingAll("<!", with: "‹!")
        out = out.replacingAll("<#", with: "‹#")
        out = out.replacingAll("://", with: "[:]//")
        out = out.replacingAll("www.", with: "www[.]")
        out = out.replacingAll("WWW.", with: "WWW[.]")
        return out
    }

    /// `text` neutralised and escaped for `style`.
    public static func escaped(_ text: String, _ style: Style) -> String {
        let clean = neutral(text)
        var out = ""
        out.reserveCapacity(clean.count)
        switch style {
        case .markdown:
            for c in clean {
                if Self.markdownSpecials.contains(c) { out.append("\\") }
                out.append(c)
            }
        case .slack:
            for c in clean {
                switch c {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                default: out.append(c)
                }
            }
        }
        return out
    }

    /// CommonMark lets any ASCII punctuation be escaped; these are the ones that can start formatting, links,
    /// HTML, entities, tables or references in GitLab Markdown.
    static let markdownSpecials: Set<Character> = ["\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "#", "|", "~", "!", "&"]
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }

    fileprivate func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

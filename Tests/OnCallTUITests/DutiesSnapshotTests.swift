import Foundation
import OnCallRules
import Testing

@testable import OnCallTUI

/// Issue 7 on the dashboard as pure code: the security-notice banner and the hand-off report view, as
/// whole-screen snapshots, plus what must (not) be on screen around them.
@Suite struct DutiesSnapshotTests {
    func frame(_ state: DashboardState) -> CellBuffer {
        Dashboard.view(state, now: Fixtures.now, width: state.width, height: state.height)
    }

    static let secondNotice = Notice(
        id: 2, title: "Phishing mails claiming to be GitLab Support ⚠ 偽のサポート", cmoc: nil, link: nil,
        since: Fixtures.at(-5))

    @Test func bannerListsEveryActiveNotice() {
        let overview = Fixtures.overview(notices: Fixtures.notices + [Self.secondNotice])
        let state = Fixtures.state(overview, width: 80, height: 24)
        let buffer = frame(state)
        Snapshot.assert(buffer, named: "banner-two-notices-80x24")
        let rows = Snapshot.text(buffer).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.prefix(4).contains { $0.contains("SECURITY INCIDENT: Credential stuffing") })
        #expect(rows.prefix(5).contains { $0.contains("Phishing mails") })
    }

    @Test func noBannerWithoutAnActiveNotice() {
        var cleared = Fixtures.notices[0]
        cleared.clearedAt = Fixtures.at(-1)
        for notices in [[], [cleared]] {
            let state = Fixtures.state(Fixtures.overview(notices: notices), width: 120, height: 40)
            let text = Snapshot.text(frame(state))
            #expect(!text.contains("SECURITY INCIDENT"), "\(notices)")
            #expect(text.contains("Emergencies"))
        }
    }

    @Test func bannerIsDrawnInColour() throws {
        let state = Fixtures.state(width: 120, height: 40)
        let buffer = frame(state)
        let row: Int? = (0..<buffer.height).first { y in
            (0..<buffer.width).map { buffer[$0, y].text }.joined().contains("SECURITY INCIDENT")
        }
        let y = try #require(row)
        #expect((0..<buffer.width).contains { buffer[$0, y].style.role != .normal })
    }

    /// The real report (built by the rules from the fixture overview), in the view, scrolled and saved.
    @Test func realReportScrolledAndSaved() {
        let overview = Fixtures.overview()
        let report = HandoffReport(
            overview: overview, audit: [], since: Fixtures.at(-120), now: Fixtures.now, config: Fixtures.config)
        var state = Fixtures.state(overview, width: 120, height: 40)
        state = Dashboard.update(state, .report(report.markdown(timeZone: Fixtures.utc)), now: Fixtures.now).0
        Snapshot.assert(frame(state), named: "report-real-120x40")

        _ = press(&state, .end)
        let bottom = Snapshot.text(frame(state))
        #expect(bottom.contains("### Done this shift (0 actions)"))
        #expect(!bottom.contains("## Support Manager On-call hand-off"))

        let effects = press(&state, .char("s"), .ctrl("u"))
        #expect(effects.isEmpty)
        type(&state, "/tmp/handoff.md")
        let save = press(&state, .enter)
        #expect(save == [.saveReport(text: report.markdown(timeZone: Fixtures.utc), path: "/tmp/handoff.md")])
        state = Dashboard.update(state, .saved("/tmp/handoff.md"), now: Fixtures.now).0
        let saved = frame(state)
        Snapshot.assert(saved, named: "report-saved-120x40")
        let lastRow = Snapshot.text(saved).split(separator: "\n").last ?? ""
        #expect(lastRow.contains("report saved to /tmp/handoff.md"), "\(lastRow)")
        #expect(Snapshot.text(saved).contains("Shift hand-off report"), "the report stays open after saving")
    }
}

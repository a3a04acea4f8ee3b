import Foundation
import OnCallRules
import Testing

@Suite("Live sources: header badges and the failing-source alert")
struct SourceHealthTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func badgesSayAgeErrorOrWait() {
        #expect(SourceHealth(source: .zendesk, lastSuccessAt: now.addingTimeInterval(-12)).badge(at: now) == "zendesk 12s ✓")
        #expect(
            SourceHealth(source: .pagerduty, lastError: "401 check $ONCALL_PAGERDUTY_TOKEN", failingSince: now)
                .badge(at: now) == "pagerduty ✖ 401 check $ONCALL_PAGERDUTY_TOKEN")
        #expect(
            SourceHealth(source: .gitlab, lastSuccessAt: now, rateLimitedUntil: now.addingTimeInterval(20))
                .badge(at: now) == "gitlab 429 wait 20s")
    }

    @Test func aSourceFailingLongerThanTwiceItsPollIntervalRaisesAnAlert() {
        var config = OnCallConfig.gitlabDefaults
        config.sources.gitlab.pollSeconds = 30
        func alerts(failingFor seconds: TimeInterval) -> [Alert] {
            let board = Board()
            var b = board
            b.sources = [
                SourceHealth(source: .gitlab, lastError: "HTTP 500", failingSince: now.addingTimeInterval(-seconds))
            ]
            return Overview.make(from: b, config: config).alerts(at: now, config: config)
                .filter { $0.kind == .sourceFailing }
        }
        #expect(alerts(failingFor: 59).isEmpty)
        let raised = alerts(failingFor: 61)
        #expect(raised.count == 1)
        #expect(raised.first?.message.contains("gitlab has failed since") == true)
    }
}

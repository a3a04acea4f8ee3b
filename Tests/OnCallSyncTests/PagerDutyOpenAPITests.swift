import Foundation
import OnCallRules
import OnCallVendorFake
import Testing

@testable import OnCallSync

/// The requests the PagerDuty pull sends, and the answers the fake gives, checked against PagerDuty's
/// published OpenAPI document (the subset in Fixtures).
@Suite("PagerDuty requests and fake answers have the OpenAPI document's shape", .serialized)
struct PagerDutyOpenAPITests {
    struct PathSpec: Decodable {
        var query: [String]
        var headers: [String: String?]
        var enums: [String: [String]]
        var top: [String]
        var list: String
        var item: [String]
    }

    struct Document: Decodable { var paths: [String: PathSpec] }

    static func document() throws -> Document {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/pagerduty-openapi-subset", withExtension: "json"))
        return try JSONDecoder().decode(Document.self, from: Data(contentsOf: url))
    }

    @Test("every query parameter, value and the Accept header are documented; answers use documented members")
    func shapes() async throws {
        let spec = try Self.document()
        let h = try SyncHarness()
        let g = SyncHarness.generator(emergencies: 30)
        h.fake.edit {
            $0.emergencies = (0..<30).map(g.emergency)
            $0.pagerdutyPageSize = 5
            $0.oncalls = [
                FakeOnCall(
                    name: "Amara Osei", userId: "PAMARA1", email: "amara@example.com", schedule: "Support Managers - AMER",
                    start: Date().addingTimeInterval(-600), end: Date().addingTimeInterval(3600))
            ]
        }
        h.config.sources.pagerduty.serviceIds = ["PSUPPRT"]
        h.config.sources.pagerduty.escalationPolicyIds = ["PCEROT1"]
        h.config.sources.pagerduty.scheduleIds = ["PSCHED1"]
        h.enable(.pagerduty)
        let report = await h.engine().pull(.pagerduty)
        #expect(report.ok, "\(report.line)")
        let requests = h.fake.requests
        #expect(Set(requests.map(\.path)) == ["/incidents", "/oncalls"])
        for request in requests {
            let path = try #require(spec.paths[request.path])
            for (name, value) in request.query {
                #expect(path.query.contains(name), "\(request.path): \(name) is not a documented parameter")
                if let allowed = path.enums[name] {
                    #expect(allowed.contains(value), "\(request.path): \(name)=\(value) is not one of \(allowed)")
                }
            }
            #expect(request.headers["accept"] == path.headers["Accept"] ?? nil)
            #expect(request.value("limit").flatMap(Int.init).map { $0 <= 100 } == true)
            if request.value("date_range") == "all" {
                #expect(request.value("since") == nil, "date_range=all ignores since/until")
            }

            // The fake's answer to the same request, member by member.
            let answer = try #require(h.fake.answerBody(to: request))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any])
            #expect(Set(object.keys).isSubset(of: path.top), "\(request.path): \(object.keys.sorted())")
            for item in object[path.list] as? [[String: Any]] ?? [] {
                let extra = Set(item.keys).subtracting(path.item)
                #expect(extra.isEmpty, "\(request.path): undocumented members \(extra.sorted())")
            }
        }
        await h.close()
    }
}

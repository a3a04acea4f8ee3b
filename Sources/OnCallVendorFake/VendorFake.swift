import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import OnCallRules

/// A local fake of the Zendesk, PagerDuty, GitLab and Slack APIs on 127.0.0.1 (one port, the vendors told
/// apart by path), in the vendors' documented shapes, with their paging. It records every request, and
/// answers with injected faults (429 + Retry-After, 500, a hang, 401, malformed JSON) when told to.
/// Start it with `start()`, stop it with `stop()`; tests own its whole life.
public final class VendorFake: @unchecked Sendable {
    private let lock = NSLock()
    private var channel: (any Channel)?
    private var state = FakeVendors()
    private var log: [FakeRequest] = []
    /// Path prefix -> faults to answer with, in order; a fault with count nil stays until cleared.
    private var faults: [(prefix: String, fault: FakeFault, remaining: Int?, skip: Int)] = []
    /// The port it listens on (set by `start`).
    public private(set) var port = 0

    public init() {}

    /// `http://127.0.0.1:PORT`
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Binds 127.0.0.1 on a free port and starts answering.
    public func start() throws {
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(FakeHTTPHandler(fake: self))
                }
            }
        let channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
        self.channel = channel
        port = channel.localAddress?.port ?? 0
    }

    /// Stops listening (open connections are closed by the client or at exit).
    public func stop() {
        try? channel?.close().wait()
        channel = nil
    }

    // MARK: what it serves

    /// Changes the data it serves (records, page sizes, Slack messages).
    public func edit(_ body: (inout FakeVendors) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        body(&state)
    }

    /// Answers requests whose path starts with `prefix` with `fault`, `count` times (nil = until cleared),
    /// after answering the first `skip` of them normally.
    public func inject(_ fault: FakeFault, prefix: String, count: Int? = 1, skip: Int = 0) {
        lock.lock()
        defer { lock.unlock() }
        faults.append((prefix, fault, count, skip))
    }

    /// Removes every injected fault.
    public func clearFaults() {
        lock.lock()
        defer { lock.unlock() }
        faults = []
    }

    /// Every request so far, in arrival order.
    public var requests: [FakeRequest] {
        lock.lock()
        defer { lock.unlock() }
        return log
    }

    /// Forgets the recorded requests.
    public func clearRequests() {
        lock.lock()
        defer { lock.unlock() }
        log = []
    }

    /// Records the request and decides the answer (nil = hang).
    func answer(_ request: FakeRequest) -> FakeAnswer? {
        lock.lock()
        defer { lock.unlock() }
        log.append(request)
        if let index = faults.firstIndex(where: { request.path.hasPrefix($0.prefix) }), faults[index].skip > 0 {
            faults[index].skip -= 1
        } else if let index = faults.firstIndex(where: { request.path.hasPrefix($0.prefix) }) {
            let fault = faults[index].fault
            if let remaining = faults[index].remaining {
                if remaining <= 1 { faults.remove(at: index) } else { faults[index].remaining = remaining - 1 }
            }
            switch fault {
            case .status(let code, let body): return FakeAnswer(status: code, body: body)
            case .rateLimit(let seconds):
                return FakeAnswer(
                    status: 429, headers: [("Content-Type", "application/json"), ("Retry-After", String(seconds))],
                    body: "{\"error\":{\"message\":\"Rate Limit Exceeded\",\"code\":2020}}")
            case .hang: return nil
            case .malformed: return FakeAnswer(status: 200, body: "{\"tickets\": [ {\"id\": 1, oops")
            }
        }
        return state.answer(request, base: baseURL)
    }
}

/// Reads one request and writes the fake's answer (or nothing, for a hang).
private final class FakeHTTPHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart
    private let fake: VendorFake
    private var head: HTTPRequestHead?

    init(fake: VendorFake) { self.fake = fake }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): self.head = head
        case .body: break
        case .end:
            guard let head else { return }
            let request = Self.record(head)
            guard let answer = fake.answer(request) else { return }
            var headers = HTTPHeaders(answer.headers)
            let bytes = Array(answer.body.utf8)
            headers.replaceOrAdd(name: "Content-Length", value: String(bytes.count))
            let status = HTTPResponseStatus(statusCode: answer.status)
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
            var buffer = context.channel.allocator.buffer(capacity: bytes.count)
            buffer.writeBytes(bytes)
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }

    static func record(_ head: HTTPRequestHead) -> FakeRequest {
        let parts = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let rawPath = String(parts[0])
        var query: [(String, String)] = []
        if parts.count > 1 {
            for item in parts[1].split(separator: "&") {
                let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                func decode(_ s: Substring) -> String {
                    String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
                }
                query.append((decode(pair[0]), pair.count > 1 ? decode(pair[1]) : ""))
            }
        }
        var headers: [String: String] = [:]
        for (name, value) in head.headers { headers[name.lowercased()] = value }
        return FakeRequest(
            method: head.method.rawValue, path: rawPath.removingPercentEncoding ?? rawPath, rawPath: rawPath,
            query: query, headers: headers, at: Date().timeIntervalSince1970)
    }
}

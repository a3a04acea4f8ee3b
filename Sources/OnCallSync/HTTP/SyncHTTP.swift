import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The one HTTP client of a process: connect 5 s, whole request 30 s, no redirects (every call carries
/// credentials), `https` only except to loopback addresses. Shut it down once, at the end.
public final class SyncHTTP: Sendable {
    /// The biggest answer read (a Zendesk page of 100 tickets with sideloads is well under a megabyte).
    public static let maxBodyBytes = 32 << 20
    private let client: HTTPClient
    private let requestTimeout: TimeAmount

    public init(connectTimeout: TimeInterval = 5, requestTimeout: TimeInterval = 30) {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(Int64(connectTimeout * 1000)), read: .milliseconds(Int64(requestTimeout * 1000)))
        )
        configuration.decompression = .disabled
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.requestTimeout = .milliseconds(Int64(requestTimeout * 1000))
    }

    /// True for `https`, and for `http` to 127.0.0.1, ::1 or localhost (the tests' fakes).
    public static func isAllowed(_ url: URL) -> Bool {
        guard let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(), !host.isEmpty else {
            return false
        }
        if scheme == "https" { return true }
        return scheme == "http" && ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host)
    }

    /// One GET. Throws `SyncFailure` for what never got an answer (refused URL, network, timeout, cancel);
    /// any HTTP status comes back as an answer for the caller to classify.
    public func get(_ url: URL, headers: [(String, String)]) async throws(SyncFailure) -> HTTPAnswer {
        guard Self.isAllowed(url) else { throw .refusedURL(url.absoluteString) }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .GET
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.headers.add(name: "User-Agent", value: "oncall-sync")
        do {
            let response = try await client.execute(request, timeout: requestTimeout)
            let body = try await response.body.collect(upTo: Self.maxBodyBytes)
            var fields: [String: String] = [:]
            for (name, value) in response.headers { fields[name.lowercased()] = value }
            return HTTPAnswer(status: Int(response.status.code), headers: fields, body: Array(body.readableBytesView))
        } catch is CancellationError {
            throw .cancelled
        } catch let error as HTTPClientError {
            if error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
                throw .timeout
            }
            if error == .cancelled { throw .cancelled }
            throw .network(Self.describe(error))
        } catch {
            if Task.isCancelled { throw .cancelled }
            throw .network(Self.describe(error))
        }
    }

    /// Closes every connection; call once when the process is done with the network.
    public func shutdown() async {
        try? await client.shutdown()
    }

    private static func describe(_ error: any Error) -> String {
        String(String(describing: error).prefix(160))
    }
}

/// An HTTP answer, read whole (bounded). Header names are lowercased.
public struct HTTPAnswer: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A one-request HTTP server on 127.0.0.1 and an ephemeral port, in its own thread: it accepts one
/// connection, records the request and answers with `status`. Every wait is bounded.
final class LocalHTTPServer: @unchecked Sendable {
    /// What the server received.
    struct Request {
        var requestLine: String
        var headers: [String: String]
        var body: Data
    }

    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var received: Request?
    private let finished = DispatchSemaphore(value: 0)

    /// Starts listening and serving one request in a background thread; `location` adds a Location header
    /// (for a 3xx answer).
    init(status: Int, location: String? = nil, acceptTimeout: TimeInterval = 20) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw SpawnError(description: "socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(descriptor, 4) == 0, let port = try? Self.localPort(descriptor) else {
            close(descriptor)
            throw SpawnError(description: "bind/listen: \(String(cString: strerror(errno)))")
        }
        listener = descriptor
        self.port = port
        let thread = Thread { [self] in
            serve(status: status, location: location, timeout: acceptTimeout)
            finished.signal()
        }
        thread.start()
    }

    deinit { close(listener) }

    /// A port nothing listens on: bound, read and closed again.
    static func closedPort() throws -> UInt16 {
        let server = try LocalHTTPServer(status: 0, acceptTimeout: 0)
        _ = server.wait(timeout: 5)
        return server.port
    }

    /// Waits (bounded) for the request to be served; returns it, or nil when none came.
    func wait(timeout: TimeInterval = 20) -> Request? {
        _ = finished.wait(timeout: .now() + timeout)
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    private static func localPort(_ descriptor: Int32) throws -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard result == 0 else { throw SpawnError(description: "getsockname failed") }
        return UInt16(bigEndian: address.sin_port)
    }

    private func serve(status: Int, location: String?, timeout: TimeInterval) {
        var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(timeout * 1000)) == 1 else { return }
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { return }
        defer { close(connection) }
        var limit = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))

        var data = Data()
        var headerEnd: Range<Data.Index>?
        while headerEnd == nil {
            guard let chunk = read(connection) else { return }
            data.append(chunk)
            headerEnd = data.range(of: Data("\r\n\r\n".utf8))
        }
        let head = String(decoding: data[..<headerEnd!.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst()
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        if headers["expect"]?.lowercased() == "100-continue" { write(connection, "HTTP/1.1 100 Continue\r\n\r\n") }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        var body = Data(data[headerEnd!.upperBound...])
        while body.count < length, let chunk = read(connection) { body.append(chunk) }

        lock.lock()
        received = Request(requestLine: requestLine, headers: headers, body: body)
        lock.unlock()
        let reason = status == 202 ? "Accepted" : "Internal Server Error"
        let answer = #"{"status":"\#(status == 202 ? "success" : "error")","dedup_key":"x"}"#
        write(
            connection,
            "HTTP/1.1 \(status) \(reason)\r\nContent-Type: application/json\r\nContent-Length: \(answer.utf8.count)"
                + (location.map { "\r\nLocation: \($0)" } ?? "") + "\r\nConnection: close\r\n\r\n\(answer)")
    }

    private func read(_ connection: Int32) -> Data? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(connection, &buffer, buffer.count, 0)
        return count > 0 ? Data(buffer[0..<count]) : nil
    }

    private func write(_ connection: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }
}

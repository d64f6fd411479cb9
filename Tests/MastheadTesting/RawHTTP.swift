import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Talks HTTP/1.1 over a plain socket, byte for byte, for what a test client cannot send: a malformed
/// chunked body, two requests on one kept-alive connection, a request from a chosen source address.
public enum RawHTTP {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// Sends `request` to `host` (a numeric IPv4 or IPv6 address) and returns every byte the server
    /// writes until it closes the connection or goes quiet for `timeout` seconds. `source` binds the
    /// client's end first, so a test can speak as another address (`127.0.0.2`).
    /// With `endWriting`, the client stops sending after `request`, as a client that gives up mid-body.
    /// The socket blocks, so it runs on a thread of its own: on the few threads Swift concurrency
    /// shares, it could starve the very server it waits for.
    public static func exchange(
        host: String, port: Int, source: String? = nil, request: String, endWriting: Bool = false, timeout: Int = 10
    ) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    with: Result {
                        try exchangeBlocking(
                            host: host, port: port, source: source, request: request, endWriting: endWriting,
                            timeout: timeout)
                    })
            }
        }
    }

    /// Sends `request` and yields what arrives, chunk by chunk, until the server closes, `timeout`
    /// seconds pass without a byte, or the consumer stops listening: for responses that stream.
    public static func stream(host: String, port: Int, request: String, timeout: Int = 10) -> AsyncThrowingStream<
        String, any Error
    > {
        AsyncThrowingStream { continuation in
            Thread.detachNewThread {
                let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                defer { close(fd) }
                do {
                    guard fd >= 0 else { throw Failure(description: "socket() failed: \(errno)") }
                    var wait = timeval(tv_sec: timeout, tv_usec: 0)
                    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
                    try connectOrBind(fd, host: host, port: port, isV6: false, connecting: true)
                    let bytes = Array(request.utf8)
                    guard bytes.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == bytes.count else {
                        throw Failure(description: "send() failed: \(errno)")
                    }
                    var chunk = [UInt8](repeating: 0, count: 65_536)
                    while true {
                        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                        if count <= 0 { break }
                        if case .terminated = continuation.yield(String(decoding: chunk[0..<count], as: UTF8.self)) {
                            break
                        }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
        }
    }

    private static func exchangeBlocking(
        host: String, port: Int, source: String?, request: String, endWriting: Bool, timeout: Int
    ) throws -> String {
        let isV6 = host.contains(":")
        let fd = socket(isV6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed: \(errno)") }
        defer { close(fd) }
        var wait = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        if let source { try connectOrBind(fd, host: source, port: 0, isV6: isV6, connecting: false) }
        try connectOrBind(fd, host: host, port: port, isV6: isV6, connecting: true)

        let bytes = Array(request.utf8)
        var sent = 0
        while sent < bytes.count {
            let written = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
            guard written > 0 else { throw Failure(description: "send() failed: \(errno)") }
            sent += written
        }
        if endWriting { shutdown(fd, Int32(SHUT_WR)) }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += chunk[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }

    private static func connectOrBind(_ fd: Int32, host: String, port: Int, isV6: Bool, connecting: Bool) throws {
        let result: Int32
        if isV6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = in_port_t(UInt16(port).bigEndian)
            guard inet_pton(AF_INET6, host, &address.sin6_addr) == 1 else {
                throw Failure(description: "not an IPv6 address: \(host)")
            }
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connecting
                        ? connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                        : bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
                throw Failure(description: "not an IPv4 address: \(host)")
            }
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connecting
                        ? connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                        : bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        guard result == 0 else {
            throw Failure(description: "\(connecting ? "connect" : "bind") to \(host):\(port) failed: \(errno)")
        }
    }

    /// Splits what a server wrote into its responses, by `Content-Length`: a response whose length
    /// does not match what follows shows up as a garbled next response.
    public static func responses(in text: String) -> [(head: String, body: String)] {
        var rest = Substring(text)
        var found: [(String, String)] = []
        while let end = rest.range(of: "\r\n\r\n") {
            let head = String(rest[..<end.lowerBound])
            let length =
                head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
            let bodyStart = end.upperBound
            let bodyEnd = rest.utf8.index(bodyStart, offsetBy: length, limitedBy: rest.endIndex) ?? rest.endIndex
            found.append((head, String(rest[bodyStart..<bodyEnd])))
            rest = rest[bodyEnd...]
        }
        if !rest.isEmpty { found.append(("(bytes after the last response)", String(rest))) }
        return found
    }

    /// The same, to a server on `localhost`, which may be listening on 127.0.0.1 or on ::1.
    public static func exchangeWithLocalhost(port: Int, request: String, endWriting: Bool = false) async throws
        -> String
    {
        let host = isListening(host: "127.0.0.1", port: port) ? "127.0.0.1" : "::1"
        return try await exchange(host: host, port: port, request: request, endWriting: endWriting)
    }

    /// Whether something accepts connections on `host` and `port`.
    public static func isListening(host: String, port: Int) -> Bool {
        let isV6 = host.contains(":")
        let fd = socket(isV6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        return (try? connectOrBind(fd, host: host, port: port, isV6: isV6, connecting: true)) != nil
    }

    /// A free TCP port on `host`, for a server a test starts itself.
    public static func freePort(host: String) throws -> Int {
        let isV6 = host.contains(":")
        let fd = socket(isV6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        try connectOrBind(fd, host: host, port: 0, isV6: isV6, connecting: false)
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
        }
    }
}

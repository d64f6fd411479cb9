import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import NIOCore
import Testing

@testable import MastheadWeb

/// A node whose PostgreSQL goes away for a while: it keeps serving what it has cached, answers what
/// needs the database with 503 and a sentence, and recovers by itself when the database returns.
/// The server here is one of its own (`scripts/start-postgres.sh` on another port), since stopping the
/// suite's shared one would fail every other test.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["MASTHEAD_TEST_POSTGRES_URL"] != nil))
struct DatabaseOutageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Runs a shell command from the package's root; throws with its output when it fails. Spawned and
    /// reaped with POSIX calls: Foundation's `Process` left its child unreaped here. The output goes
    /// through a file, not a pipe, since a server the command starts would hold a pipe open for good.
    @discardableResult
    static func shell(_ command: String, environment: [String: String] = [:]) throws -> String {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("masthead-shell-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: log) }
        var exports = ""
        for (name, value) in environment { exports += "export \(name)='\(value)'; " }
        let script = "cd '\(root.path)' && \(exports)(\(command)) >'\(log.path)' 2>&1 </dev/null"
        let arguments = ["/bin/bash", "-c", script]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/bash", nil, nil, &argv, environ)
        guard spawned == 0 else { throw RawHTTP.Failure(description: "posix_spawn failed: \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        guard status == 0 else { throw RawHTTP.Failure(description: "`\(command)` failed (\(status)): \(text)") }
        return text
    }

    static func pgctl(_ data: String, _ action: String) throws {
        try shell(
            """
            bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
            if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "'$bin/pg_ctl' -D '\(data)' -w \(action)"
            else "$bin/pg_ctl" -D '\(data)' -w \(action); fi
            """)
    }

    @Test func aNodeServesItsCacheThroughARestartAndRecoversByItself() async throws {
        let port = try RawHTTP.freePort(host: "127.0.0.1")
        let data = "/tmp/masthead-outage-pg-\(port)"
        let url = try Self.shell(
            "scripts/start-postgres.sh 2>/dev/null",
            environment: ["MASTHEAD_PG_PORT": "\(port)", "MASTHEAD_PG_DATA": data]
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        defer {
            try? Self.pgctl(data, "-m immediate stop")
            try? FileManager.default.removeItem(atPath: data)
        }
        let location = DatabaseLocation.postgres(url: url)
        let store = try Store.open(location, logger: testLogger)
        do {
            try await store.migrate()
            try await NewsroomClient.seedAccounts(store)
        } catch {
            await store.close()
            throw error
        }
        let app = try await buildApplication(
            config: NewsroomClient.config(location), store: store, clock: .fixed(TestSite.referenceNow),
            logger: testLogger)
        try await app.test(.router) { client in
            let article = PageCacheTests.article
            let before = try await PageCacheTests.cached(client, article)

            try Self.pgctl(data, "-m fast stop")
            let served = try await client.execute(uri: article, method: .get)
            #expect(served.status == .ok)
            #expect(served.text == before)
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(ready.status == .serviceUnavailable)
            let fields = ByteBuffer(string: formBody([("display_name", "Ola"), ("body", "While it was down.")]))
            let headers: HTTPFields = [
                .contentType: "application/x-www-form-urlencoded", HTTPField.Name("Sec-Fetch-Site")!: "same-origin",
            ]
            let refused = try await client.execute(
                uri: CommentPostingTests.action, method: .post, headers: headers, body: fields)
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.text.contains("database is not answering"))
            #expect(refused.headers[.retryAfter] == "30")
            let api = try await client.execute(uri: "/api/v1/topics", method: .get)
            #expect(api.status == .serviceUnavailable)

            // Started again as the script started it: the port and address are options, not settings.
            try Self.pgctl(
                data,
                "start -l '\(data)/server.log' -o '-c listen_addresses=127.0.0.1 -p \(port) -c unix_socket_directories=/tmp'"
            )
            var recovered = false
            for _ in 0..<100 where !recovered {
                let posted = try await client.execute(
                    uri: CommentPostingTests.action, method: .post, headers: headers, body: fields)
                recovered = posted.status == .seeOther
                if !recovered { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(recovered, "the node did not take writes again after PostgreSQL came back")
            #expect(try await client.execute(uri: "/readyz", method: .get).status == .ok)
        }
    }
}

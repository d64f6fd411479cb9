import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// A browser in the newsroom: signs in through the real form, then keeps the session cookie and the
/// form token the pages carry.
struct NewsroomClient {
    let client: any TestClientProtocol
    var session: String?
    var token: String?

    static let password = "correct horse battery"

    /// The accounts every newsroom test starts with, one per role, made through the write layer.
    static func seedAccounts(_ store: Store) async throws {
        try await TestSite.seedReference(store)
        let author = try #require(try await store.authors.find(slug: Slug("anna-kowalska")!))
        for role in Role.allCases {
            _ = try await store.accountActions(passwordCost: 4).create(
                email: "\(role.rawValue)@example.com", name: role.label, role: role, password: password, by: nil,
                now: TestSite.referenceNow)
        }
        // The author account writes under the demo's reporter, so her stories are its own.
        try await linkAuthor(store, email: "author@example.com", authorID: author.id)
    }

    private static func linkAuthor(_ store: Store, email: String, authorID: UUID) async throws {
        let accounts = try await store.accounts.all()
        let account = try #require(accounts.first { $0.email == email })
        try await store.linkAccount(account.id, toAuthor: authorID)
    }

    static func config(_ location: DatabaseLocation) -> AppConfig {
        var config = AppConfig(database: location)
        config.passwordCost = 4
        config.mediaDirectory =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("masthead-media-\(UUID().uuidString)").path
        return config
    }

    /// Posts a `multipart/form-data` body, as a browser sends a file upload, with this session's token
    /// (or `token` when given, or none when `sendsToken` is false, to test refusals).
    func upload(
        _ path: String, file: [UInt8], fileName: String, fields: [(String, String)], token override: String? = nil,
        sendsToken: Bool = true
    ) async throws -> TestResponse {
        let boundary = "----masthead-test-\(UUID().uuidString)"
        var body = ByteBuffer()
        for (name, value) in fields + (sendsToken ? [("csrf_token", override ?? token ?? "")] : []) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"image\"; filename=\"\(fileName)\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n")
        body.writeBytes(file)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        if let session { headers[.cookie] = "masthead_session=\(session)" }
        return try await client.execute(uri: path, method: .post, headers: headers, body: body)
    }

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    /// Signs in as `role`'s account; returns the sign-in response.
    @discardableResult
    mutating func signIn(as role: Role, password: String = NewsroomClient.password) async throws -> TestResponse {
        let response = try await attemptSignIn(email: "\(role.rawValue)@example.com", password: password)
        session = response.cookie(named: "masthead_session")
        if session != nil { token = PageText.csrfField(try await get(NewsroomRoute.dashboard.path).text) }
        return response
    }

    func attemptSignIn(email: String, password: String, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        let form = try await client.execute(uri: NewsroomRoute.signIn.path, method: .get)
        let cookie = try #require(form.cookie(named: "masthead_csrf"))
        let token = try #require(PageText.csrfField(form.text))
        var headers = extra
        headers[.contentType] = "application/x-www-form-urlencoded"
        headers[.cookie] = "masthead_csrf=\(cookie)"
        return try await client.execute(
            uri: NewsroomRoute.signIn.path, method: .post, headers: headers,
            body: ByteBuffer(
                string: formBody([("email", email), ("password", password), ("csrf_token", token), ("next", "")])))
    }

    func get(_ path: String) async throws -> TestResponse {
        var headers = HTTPFields()
        if let session { headers[.cookie] = "masthead_session=\(session)" }
        return try await client.execute(uri: path, method: .get, headers: headers)
    }

    /// Posts a newsroom form with this session's token (or `token` when given, to test refusals).
    func post(_ path: String, _ fields: [(String, String)], token override: String? = nil) async throws -> TestResponse
    {
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        if let session { headers[.cookie] = "masthead_session=\(session)" }
        let sent = fields + [("csrf_token", override ?? token ?? "")]
        return try await client.execute(
            uri: path, method: .post, headers: headers, body: ByteBuffer(string: formBody(sent)))
    }

    /// The editor form's fields for a story with this content.
    static func storyFields(
        headline: String, lede: String = "Officials met on Tuesday.", body: String = "First paragraph.",
        slug: String = "", version: Int = 0, action: String = "save", topics: [Topic] = [], authors: [UUID] = []
    ) -> [(String, String)] {
        [
            ("headline", headline), ("lede", lede), ("body", body), ("slug", slug), ("dateline", "Warsaw"),
            ("version", String(version)), ("action", action), ("new_topics", ""), ("primary_topic", ""),
        ] + topics.map { ("topics", $0.id.uuidString) } + authors.map { ("authors", $0.uuidString) }
    }

    /// The id in a `/newsroom/stories/<id>` redirect.
    static func storyID(_ response: TestResponse) throws -> UUID {
        let location = try #require(response.headers[.location])
        let id = try #require(location.split(separator: "/").last?.split(separator: "?").first)
        return try #require(UUID(uuidString: String(id)))
    }
}

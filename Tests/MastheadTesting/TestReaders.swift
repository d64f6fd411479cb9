import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore

/// Readers for conversation tests: accounts made in the store, signed in through the real form.
public enum TestReaders {
    public static let password = "correct horse battery"

    /// A browser's cookies for a signed-in reader, and the token its forms repeat.
    public struct Browser: Sendable {
        public var cookies: String
        public var token: String
        public var reader: Commenter

        public var headers: HTTPFields {
            [.cookie: cookies, .contentType: "application/x-www-form-urlencoded"]
        }
    }

    /// Creates a verified reader (trusted past the first-comment hold when `approved` is above zero) and
    /// signs them in.
    public static func signedIn(
        _ client: any TestClientProtocol, _ store: Store, name: String = "Ola", email: String = "ola@example.com",
        approved: Int = 5
    ) async throws -> Browser {
        let reader = try await store.commenterAccountActions(passwordCost: 4).createVerified(
            displayName: name, email: email, password: password, approvedCount: approved, now: Date())
        return try await signIn(client, email: email, reader: reader)
    }

    /// Signs in through `/account/sign-in` with ``password``.
    public static func signIn(_ client: any TestClientProtocol, email: String, reader: Commenter) async throws
        -> Browser
    {
        let form = try await client.execute(uri: "/account/sign-in", method: .get)
        let csrf = try cookie(named: "masthead_csrf", in: form.headers)
        let token = csrf
        let body =
            "csrf_token=\(token)&email=\(email.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            + "&password=\(password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        let signedIn = try await client.execute(
            uri: "/account/sign-in", method: .post,
            headers: [.cookie: "masthead_csrf=\(csrf)", .contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body))
        guard signedIn.status == .seeOther else {
            throw Failure(description: "signing in answered \(signedIn.status)")
        }
        let session = try cookie(named: "masthead_reader", in: signedIn.headers)
        return Browser(cookies: "masthead_csrf=\(csrf); masthead_reader=\(session)", token: token, reader: reader)
    }

    static func cookie(named name: String, in headers: HTTPFields) throws -> String {
        for line in headers[values: .setCookie] where line.hasPrefix(name + "=") {
            return String(line.dropFirst(name.count + 1).prefix { $0 != ";" })
        }
        throw Failure(description: "no \(name) cookie was set")
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }
}

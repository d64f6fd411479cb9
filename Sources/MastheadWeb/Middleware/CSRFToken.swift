import Hummingbird
import MastheadCore

/// Double-submit CSRF protection: a random token lives in a cookie that only this site can set, and
/// every form repeats it in a hidden field. A cross-site page can make a browser send the cookie but
/// cannot read it, so it cannot fill in the field.
enum CSRFToken {
    /// On HTTPS the `__Host-` prefix makes browsers refuse the cookie from anywhere but this host
    /// itself, so a sibling subdomain cannot plant a token of its choosing.
    static func cookieName(secure: Bool) -> String {
        secure ? "__Host-masthead_csrf" : "masthead_csrf"
    }

    /// 32 random bytes as hex.
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return Hex.encode((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// The token this browser already holds, when it is well formed.
    static func existing(in request: Request, secure: Bool) -> String? {
        guard let value = request.cookies[cookieName(secure: secure)]?.value, isWellFormed(value) else { return nil }
        return value
    }

    static func cookie(_ token: String, secure: Bool) -> Cookie {
        Cookie(
            name: cookieName(secure: secure), value: token, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// Whether the submitted field matches the cookie, compared in constant time.
    static func matches(submitted: String?, cookie: String?) -> Bool {
        guard let submitted, let cookie, isWellFormed(cookie), submitted.utf8.count == cookie.utf8.count else {
            return false
        }
        var difference: UInt8 = 0
        for (a, b) in zip(submitted.utf8, cookie.utf8) { difference |= a ^ b }
        return difference == 0
    }

    private static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 64 && token.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }
}

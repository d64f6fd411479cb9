import Foundation
import HTTPTypes
import HummingbirdTesting

extension TestResponse {
    /// The body as text, for asserting on what a reader sees.
    public var text: String { String(buffer: body) }

    /// The value of a cookie set by this response.
    public func cookie(named name: String) -> String? {
        for value in headers[values: .setCookie] {
            let pair = value.split(separator: ";", maxSplits: 1).first ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name { return String(parts[1]) }
        }
        return nil
    }
}

/// Builds an `application/x-www-form-urlencoded` body the way a browser does.
public func formBody(_ fields: [(String, String)]) -> String {
    let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._*")
    return fields.map { name, value in
        let encoded = value.addingPercentEncoding(withAllowedCharacters: allowed)!.replacingOccurrences(
            of: "%20", with: "+")
        return "\(name)=\(encoded)"
    }.joined(separator: "&")
}

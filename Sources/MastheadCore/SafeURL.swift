/// Judges a URL from untrusted markup the way a browser will read it, and keeps it only when its scheme
/// is on an allowlist or it is relative.
public enum SafeURL {
    public static let linkSchemes: Set<String> = ["http", "https", "mailto"]
    public static let imageSchemes: Set<String> = ["http", "https"]

    /// The cleaned URL, or nil when it must not be used. Browsers strip leading and trailing spaces and
    /// control characters and ignore tabs and newlines anywhere, so `java\tscript:` is `javascript:`.
    public static func clean(_ url: String, allowing schemes: Set<String>) -> String? {
        var cleaned = String.UnicodeScalarView()
        for scalar in url.unicodeScalars where scalar != "\t" && scalar != "\n" && scalar != "\r" {
            cleaned.append(scalar)
        }
        let trimmed = String(cleaned).trimmingScalars { $0.value <= 0x20 }
        guard !trimmed.isEmpty else { return nil }
        // Scalars, not Characters: a colon followed by a combining mark is one Character to Swift
        // but still a colon to a browser.
        let scalars = trimmed.unicodeScalars
        guard let colon = scalars.firstIndex(of: ":") else { return trimmed }
        let beforeColon = scalars[..<colon]
        if beforeColon.contains(where: { "/?#".unicodeScalars.contains($0) }) { return trimmed }
        return schemes.contains(String(String.UnicodeScalarView(beforeColon)).lowercased()) ? trimmed : nil
    }
}

extension String {
    func trimmingScalars(where predicate: (Unicode.Scalar) -> Bool) -> String {
        let scalars = Array(unicodeScalars)
        guard let first = scalars.firstIndex(where: { !predicate($0) }),
            let last = scalars.lastIndex(where: { !predicate($0) })
        else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[first...last])
        return String(view)
    }
}

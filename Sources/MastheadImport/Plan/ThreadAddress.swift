import Foundation

/// The paths a comment thread's address may match on this site: Disqus keeps the address a page had
/// when its first comment came, in whatever spelling the reader's browser used (`http`, a tracking
/// query, upper-case percent escapes), so a thread is matched by its path, decoded and as written,
/// with and without the query.
public enum ThreadAddress {
    public static func paths(of link: String) -> [String] {
        guard let url = URL(string: link) else { return [] }
        var path = url.path(percentEncoded: true)
        if path.isEmpty { path = "/" }
        var paths: [String] = []
        func add(_ candidate: String) { if !paths.contains(candidate) { paths.append(candidate) } }
        // `?p=5` is the page itself (and its path, `/`, is not); `?utm_source=…` is not part of the address.
        if let query = url.query(percentEncoded: true),
            let items = URLComponents(string: link)?.queryItems,
            items.contains(where: { ["p", "page_id"].contains($0.name) })
        {
            return [path + "?" + query]
        }
        add(path)
        add(path.lowercasedPercentEscapes)
        if let decoded = path.removingPercentEncoding { add(decoded) }
        return paths
    }
}

extension String {
    /// `%D1%81` as `%d1%81`, the spelling WordPress writes.
    fileprivate var lowercasedPercentEscapes: String {
        var output = ""
        var remaining = 0
        for character in self {
            if character == "%" {
                remaining = 2
                output.append(character)
            } else if remaining > 0 {
                output += character.lowercased()
                remaining -= 1
            } else {
                output.append(character)
            }
        }
        return output
    }
}

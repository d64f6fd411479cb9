import Foundation

/// An old address as a path on this site: what a reader's browser or a search engine will ask for.
enum OldAddress {
    /// The path (and query) of `link` when it is on the old site's address, else nil.
    static func path(of link: String, on siteAddress: String) -> String? {
        guard let url = URL(string: link), let host = url.host else { return nil }
        if let site = URL(string: siteAddress), let siteHost = site.host, siteHost.lowercased() != host.lowercased() {
            return nil
        }
        var path = url.path(percentEncoded: true)
        if path.isEmpty { path = "/" }
        if let query = url.query(percentEncoded: true) { path += "?" + query }
        return path
    }
}

import Foundation
import Hummingbird
import MastheadCore

/// An `application/x-www-form-urlencoded` body as ordered name/value pairs: repeated names (a list of
/// topics, bylines in order) keep their order, and a missing field reads as empty.
struct FormFields: Sendable {
    private let pairs: [(String, String)]

    init(encoded: String) {
        pairs = encoded.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = PercentEncoding.decodeFormField(parts[0]) else { return nil }
            return (name, parts.count > 1 ? PercentEncoding.decodeFormField(parts[1]) ?? "" : "")
        }
    }

    /// The form, or nil when a name or value does not percent-decode: a browser never sends that, so
    /// such a form is refused rather than read with pieces missing.
    static func strict(_ encoded: String) -> FormFields? {
        var pairs: [(String, String)] = []
        for pair in encoded.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = PercentEncoding.decodeFormField(parts[0]) else { return nil }
            guard parts.count > 1 else {
                pairs.append((name, ""))
                continue
            }
            guard let value = PercentEncoding.decodeFormField(parts[1]) else { return nil }
            pairs.append((name, value))
        }
        return FormFields(pairs: pairs)
    }

    private init(pairs: [(String, String)]) {
        self.pairs = pairs
    }

    subscript(name: String) -> String { pairs.first { $0.0 == name }?.1 ?? "" }

    /// Every value sent under `name`, in order.
    func all(_ name: String) -> [String] { pairs.filter { $0.0 == name }.map(\.1) }

    func has(_ name: String) -> Bool { pairs.contains { $0.0 == name } }

    /// The two ids a merge form sends (`source`, folded into `target`), or 422 naming what to choose.
    func mergePair(choose what: String) throws -> (source: UUID, target: UUID) {
        guard let source = UUID(uuidString: self["source"]), let target = UUID(uuidString: self["target"]) else {
            throw HTTPError(.unprocessableContent, message: "Choose the \(what) to merge and the one to keep.")
        }
        return (source, target)
    }
}

extension NewsroomRequestContext {
    /// Reads a newsroom form, refusing it (403) unless it carries this session's CSRF token. Every
    /// newsroom form is read through here, so none can skip the check.
    func form(_ request: Request) async throws -> FormFields {
        var request = request
        let buffer = try await request.collectBody(upTo: maxUploadSize)
        let fields = FormFields(encoded: String(buffer: buffer))
        guard CSRFToken.matches(submitted: fields["csrf_token"], cookie: sessions.session?.csrfToken) else {
            throw HTTPError(
                .forbidden,
                message: "This form had expired, so nothing was changed. Go back, reload the page and try again.")
        }
        return fields
    }
}

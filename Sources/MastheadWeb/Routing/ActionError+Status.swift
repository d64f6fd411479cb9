import HTTPTypes
import MastheadStore

extension ActionError {
    /// The status every surface answers a refusal of the write layer with, whatever it shows with it.
    var status: HTTPResponse.Status {
        switch self {
        case .notAllowed: return .forbidden
        case .notFound: return .notFound
        case .invalid: return .unprocessableContent
        case .workflow, .conflict: return .conflict
        }
    }
}

import MastheadCore

/// Why the write layer refused an action. Each surface turns these into its own answer: the newsroom
/// into a page that says what to fix, the Admin API into a JSON error, the command line into a message.
public enum ActionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The account's role does not allow it (403).
    case notAllowed(String)
    /// The thing acted on does not exist (404).
    case notFound(String)
    /// The input cannot be saved as it is (422); every problem, in words a person can act on.
    case invalid([String])
    /// The workflow does not allow this move from where the story stands (409).
    case workflow(Workflow.Refusal)
    /// Someone saved a newer version first (409).
    case conflict(EditConflict)

    public var description: String {
        switch self {
        case .notAllowed(let message), .notFound(let message): return message
        case .invalid(let problems): return problems.joined(separator: " ")
        case .workflow(let refusal): return refusal.description
        case .conflict(let conflict):
            return "\(conflict.current.savedByName) saved a newer version (\(conflict.current.version)) "
                + "after the one you started from (\(conflict.basedOnVersion))."
        }
    }
}

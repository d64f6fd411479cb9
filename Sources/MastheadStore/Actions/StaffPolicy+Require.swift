import MastheadCore

extension StaffPolicy {
    /// Refuses what the account may not do as the write layer refuses, so every surface answers 403
    /// with the policy's sentence.
    func require(_ decision: Decision) throws(ActionError) {
        if let refusal = refusal(decision) { throw .notAllowed(refusal.description) }
    }
}

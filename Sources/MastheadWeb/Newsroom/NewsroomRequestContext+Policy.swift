import Hummingbird
import MastheadCore

extension NewsroomRequestContext {
    /// The signed-in account when ``StaffPolicy`` allows it `decision`, for a page that offers it;
    /// otherwise the newsroom's 403 with the policy's sentence.
    @discardableResult
    func staff(allowedTo decision: StaffPolicy.Decision) throws -> StaffAccount {
        let account = try staff()
        if let refusal = account.policy.refusal(decision) { throw HTTPError(.forbidden, message: refusal.description) }
        return account
    }
}

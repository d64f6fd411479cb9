import Hummingbird
import MastheadCore

extension NewsroomRequestContext {
    /// The signed-in account when ``StaffPolicy`` allows it `decision`, for a page that offers it;
    /// otherwise the newsroom's 403 with the policy's sentence.
    @discardableResult
    func staff(allowedTo decision: StaffPolicy.Decision) throws -> StaffAccount {
        let account = try staff()
        try account.policy.checkInNewsroom(decision)
        return account
    }
}

extension StaffPolicy {
    /// The newsroom's 403 with the policy's sentence when it refuses `decision`: for a page whose
    /// decision depends on what the address names (a story, an author), known after looking it up.
    func checkInNewsroom(_ decision: Decision) throws {
        if let refusal = refusal(decision) { throw HTTPError(.forbidden, message: refusal.description) }
    }
}

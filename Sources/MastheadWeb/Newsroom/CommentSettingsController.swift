import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// The site's comment rules, for administrators: guests, pre-moderation, the trust ladder, the length,
/// and the word lists. Saved like every setting, so every node picks them up from the change feed.
struct CommentSettingsController {
    let newsroom: Newsroom

    func register(on group: RouterGroup<NewsroomRequestContext>) {
        group.get(NewsroomRoute.Pattern.commentSettings, use: form)
        group.post(NewsroomRoute.Pattern.commentSettings, use: save)
        group.allowOnly([.get, .post], on: NewsroomRoute.Pattern.commentSettings)
    }

    func form(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        try admin(context)
        let comments = newsroom.site.settings.comments
        let policy = comments.policy
        return newsroom.html(
            CommentSettingsPage(
                layout: newsroom.layout("Comment rules", context, notice: Newsroom.notice(request)),
                action: NewsroomRoute.commentSettings.path, allowGuests: comments.allowGuests,
                preModerateAll: policy.preModerateAll, firstHeld: String(policy.firstCommentsHeld),
                linksHeldUntil: String(policy.linksHeldUntilApproved), maxLength: String(policy.maximumLength),
                bannedWords: policy.bannedWords.words.joined(separator: "\n"),
                suspectWords: policy.suspectWords.words.joined(separator: "\n"), problems: [], hasProblems: false))
    }

    func save(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let account = try admin(context)
        let fields = try await context.form(request)
        var problems: [String] = []
        func number(_ name: String, _ range: ClosedRange<Int>, _ problem: String) -> Int {
            guard let value = Int(fields[name].trimmingCharacters(in: .whitespaces)), range.contains(value) else {
                problems.append(problem)
                return range.lowerBound
            }
            return value
        }
        let firstHeld = number("first_held", 0...100, "Hold a newcomer's first 0 to 100 comments.")
        let linksHeld = number("links_held_until", 0...100, "Hold links until 0 to 100 comments are approved.")
        let maxLength = number(
            "max_length", CommentSettings.maximumLengthRange,
            "The longest comment is from \(CommentSettings.maximumLengthRange.lowerBound) to \(CommentSettings.maximumLengthRange.upperBound) characters."
        )
        let banned = fields["banned_words"]
        let suspect = fields["suspect_words"]
        for (list, label) in [(banned, "banned"), (suspect, "suspect")] where list.count > 20_000 {
            problems.append("The \(label) words list is \(list.count) characters long; keep it to 20,000.")
        }
        guard problems.isEmpty else {
            return newsroom.html(
                CommentSettingsPage(
                    layout: newsroom.layout("Comment rules", context), action: NewsroomRoute.commentSettings.path,
                    allowGuests: fields["allow_guests"] == "1", preModerateAll: fields["premoderate_all"] == "1",
                    firstHeld: fields["first_held"], linksHeldUntil: fields["links_held_until"],
                    maxLength: fields["max_length"], bannedWords: banned, suspectWords: suspect, problems: problems,
                    hasProblems: true),
                status: .unprocessableContent)
        }
        var settings = newsroom.site.settings
        settings.comments.allowGuests = fields["allow_guests"] == "1"
        settings.comments.policy.preModerateAll = fields["premoderate_all"] == "1"
        settings.comments.policy.firstCommentsHeld = firstHeld
        settings.comments.policy.linksHeldUntilApproved = linksHeld
        settings.comments.policy.maximumLength = maxLength
        settings.comments.policy.bannedWords = CommentSettings.wordList(banned)
        settings.comments.policy.suspectWords = CommentSettings.wordList(suspect)
        try await newsroom.store.siteActions.changeSettings(settings, by: account, now: newsroom.now)
        return newsroom.redirect(.commentSettings, done: "settings")
    }

    @discardableResult
    private func admin(_ context: NewsroomRequestContext) throws -> StaffAccount {
        try context.staff(allowedTo: .openArea(.commentRules))
    }
}

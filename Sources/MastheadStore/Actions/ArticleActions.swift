import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// Every change to a story, in one place that the newsroom, the command line and the Admin API all
/// call. Each action checks the account's role against the story, runs in one transaction, keeps a
/// revision when content changes, and records its domain event in the events table.
public struct ArticleActions: Sendable {
    let store: Store

    /// Refuses an account whose role does not write stories: the first thing `create` checks, offered
    /// to surfaces that look at a request (whether its address is taken) before creating, so that they
    /// tell such an account nothing about the stories it cannot open.
    public static func checkMayCreate(by account: StaffAccount) throws {
        try account.policy.require(.createArticle)
    }

    /// Where a new story's address came from.
    public enum SlugOrigin: Sendable {
        /// The writer chose it: another story with the same address is a conflict to report.
        case chosen
        /// Made from the headline: wires repeat headlines every day, so a taken address gets the
        /// first free number (`talks-2`, `talks-3` …) instead.
        case headline
    }

    /// Starts a story as a draft.
    /// `newTopics` are topic names typed in the editor: each becomes a topic of the story, reusing
    /// an existing topic with the same address.
    /// `publishedAt` is for archives back-filled through the Admin API: publishing the story later
    /// keeps that time rather than the moment of publication.
    public func create(
        _ content: ArticleContent, slug origin: SlugOrigin = .chosen, newTopics: [String] = [],
        publishedAt: Date? = nil, by account: StaffAccount, now: Date
    ) async throws -> Article {
        let content = content.withoutNullCharacters
        try Self.checkMayCreate(by: account)
        try Self.check(content)
        var attempt = 1
        while true {
            var content = content
            if origin == .headline { content.slug = try await store.articles.firstFreeSlug(from: content.slug) }
            let taken = ActionError.invalid([Self.slugTakenProblem(content.slug)])
            do {
                return try await insert(content, newTopics: newTopics, publishedAt: publishedAt, by: account, now: now)
            } catch let error as ActionError where error != taken {
                throw error
            } catch {
                // Two creates can find the same address free (on PostgreSQL, or on two nodes); the
                // unique index lets one in, and the other learns it here: a made address tries the
                // next free one, a chosen one is refused as if it had been taken before.
                if error as? ActionError != taken, try await store.articles.find(slug: content.slug) == nil {
                    throw error
                }
                guard origin == .headline, attempt < Self.slugAttempts else { throw taken }
                attempt += 1
            }
        }
    }

    /// A made address loses a race only when another story took it, so every lost race is progress and
    /// a burst of any honest size ends; the bound stops a fault that keeps reporting the address taken.
    static let slugAttempts = 1_000

    private func insert(
        _ content: ArticleContent, newTopics: [String], publishedAt: Date?, by account: StaffAccount, now: Date
    ) async throws -> Article {
        let id = UUID()
        return try await store.transaction { tx in
            let content = try await Self.adding(newTopics, to: content, in: tx)
            try await Self.checkSlugIsFree(content.slug, for: id, in: tx)
            let article = try await tx.articles.create(
                ArticleDraft(id: id, content: content, publishedAt: publishedAt), by: account, now: now)
            try await tx.record(DomainEvent(name: .articleCreated, subjectID: id, actorID: account.id, occurredAt: now))
            return article
        }
    }

    /// Saves new content over the version the editor started from. A save based on an older version
    /// is refused with the newer revision, so nobody overwrites a colleague unseen. A published
    /// story's old address keeps working (a redirect) when its slug changes.
    public func save(
        _ id: UUID, content: ArticleContent, newTopics: [String] = [], basedOn version: Int, by account: StaffAccount,
        now: Date, event: DomainEvent.Name = .articleSaved
    ) async throws -> Article {
        let content = content.withoutNullCharacters
        try Self.check(content)
        return try await store.transaction { tx in
            let (record, article) = try await Self.editable(id, by: account, in: tx)
            let content = try await Self.adding(newTopics, to: content, in: tx)
            guard article.version == version else {
                let current = try await tx.revisions.latest(ofArticle: id)
                guard let current else { throw StoreError.vanished("revisions of \(article.slug)") }
                throw ActionError.conflict(EditConflict(current: current, basedOnVersion: version))
            }
            try await Self.checkSlugIsFree(content.slug, for: id, in: tx)
            if content.slug != article.slug, article.publishedAt != nil {
                try await tx.articles.addRedirect(from: article.slug, to: id)
            }
            record.apply(content)
            record.version = version + 1
            try await record.update(on: tx.database)
            try await SearchIndex.update(id, on: tx.database)
            try await tx.articles.replaceLinks(of: id, with: content)
            try await tx.revisions.add(
                Revision(
                    id: UUID(), articleID: id, version: version + 1, content: content, savedBy: account.id,
                    savedByName: account.name, savedAt: now.wholeSeconds,
                    changedFields: content.changedFields(since: article.content)))
            try await tx.record(DomainEvent(name: event, subjectID: id, actorID: account.id, occurredAt: now))
            return try await Self.reloaded(id, in: tx)
        }
    }

    /// Saves an earlier revision's content as the newest version.
    public func restore(
        _ id: UUID, revision revisionID: UUID, basedOn version: Int, by account: StaffAccount, now: Date
    )
        async throws -> Article
    {
        guard let revision = try await store.revisions.find(id: revisionID), revision.articleID == id else {
            throw ActionError.notFound("That revision does not exist.")
        }
        return try await save(
            id, content: revision.content, basedOn: version, by: account, now: now, event: .articleRestored)
    }

    /// Moves a story through the workflow. Scheduling needs a time in the future; the first
    /// publication sets "Published", and a later one (after unpublishing) keeps it.
    public func move(_ id: UUID, _ move: Workflow.Move, scheduleAt: Date? = nil, by account: StaffAccount, now: Date)
        async throws -> Article
    {
        try await store.transaction { tx in
            guard let record = try await tx.articles.record(id: id), let article = try await tx.articles.find(id: id)
            else { throw ActionError.notFound("That story does not exist.") }
            let own = account.policy.isOwn(article, creator: record.createdBy)
            let target: ArticleStatus
            switch Workflow.apply(move, to: article.status, role: account.role, ownStory: own) {
            case .failure(let refusal):
                if case .notAllowed = refusal { throw ActionError.notAllowed(refusal.description) }
                throw ActionError.workflow(refusal)
            case .success(let status):
                target = status
            }
            switch move {
            case .schedule:
                guard let scheduleAt, scheduleAt > now else {
                    throw ActionError.invalid(["Choose a time in the future to schedule the story for."])
                }
                record.publishedAt = scheduleAt.wholeSeconds
            case .publish:
                if article.status == .scheduled || record.publishedAt == nil { record.publishedAt = now.wholeSeconds }
            case .returnToDraft where article.status == .scheduled:
                record.publishedAt = nil
            case .submitForReview, .returnToDraft, .unpublish:
                break
            }
            record.setStatus(target)
            try await record.update(on: tx.database)
            try await tx.record(
                DomainEvent(name: DomainEvent.name(for: move), subjectID: id, actorID: account.id, occurredAt: now))
            return try await Self.reloaded(id, in: tx)
        }
    }

    /// Opens, closes or times the story's conversation, and turns pre-moderation on or off. Editors
    /// and moderators decide; the story's own authors do not.
    public func setConversation(_ id: UUID, _ settings: ConversationSettings, by account: StaffAccount, now: Date)
        async throws -> Article
    {
        try account.policy.require(.setConversation)
        return try await store.transaction { tx in
            guard let record = try await tx.articles.record(id: id) else {
                throw ActionError.notFound("That story does not exist.")
            }
            record.commentsMode = settings.mode.rawValue
            record.commentsPreModerated = settings.preModerated
            try await record.update(on: tx.database)
            try await tx.record(
                DomainEvent(name: .articleConversationChanged, subjectID: id, actorID: account.id, occurredAt: now))
            return try await Self.reloaded(id, in: tx)
        }
    }

    /// Holds the story back from every reader until `until` (nil lifts the embargo).
    /// Embargoing a published story hides it, as unpublishing does, so only editors may do that.
    public func setEmbargo(_ id: UUID, until: Date?, by account: StaffAccount, now: Date) async throws -> Article {
        try await store.transaction { tx in
            let (record, article) = try await Self.editable(id, by: account, in: tx)
            if article.status == .published { try account.policy.require(.embargoPublishedArticle) }
            record.embargoUntil = until?.wholeSeconds
            try await record.update(on: tx.database)
            try await tx.record(DomainEvent(name: .articleSaved, subjectID: id, actorID: account.id, occurredAt: now))
            return try await Self.reloaded(id, in: tx)
        }
    }

    /// An editor's "Updated": the only way the updated time changes, with an optional note.
    public func markUpdated(_ id: UUID, note: String?, by account: StaffAccount, now: Date) async throws -> Article {
        try account.policy.require(.markUpdated)
        return try await store.transaction { tx in
            guard let record = try await tx.articles.record(id: id) else {
                throw ActionError.notFound("That story does not exist.")
            }
            guard record.publishedAt != nil else {
                throw ActionError.invalid(["A story that has not been published cannot be updated."])
            }
            record.updatedAt = now.wholeSeconds
            let note = note?.trimmingCharacters(in: .whitespacesAndNewlines)
            record.updateNote = note?.isEmpty == false ? note : nil
            try await record.update(on: tx.database)
            try await tx.record(DomainEvent(name: .articleUpdated, subjectID: id, actorID: account.id, occurredAt: now))
            return try await Self.reloaded(id, in: tx)
        }
    }

    /// A correction under the story; it counts as an update.
    public func addCorrection(_ id: UUID, text: String, by account: StaffAccount, now: Date) async throws -> Article {
        try account.policy.require(.addCorrection)
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ActionError.invalid(["Write what the correction says."]) }
        return try await store.transaction { tx in
            guard let record = try await tx.articles.record(id: id) else {
                throw ActionError.notFound("That story does not exist.")
            }
            try await tx.articles.addCorrection(Correction(id: UUID(), text: text, createdAt: now.wholeSeconds), to: id)
            record.updatedAt = now.wholeSeconds
            try await record.update(on: tx.database)
            try await tx.record(
                DomainEvent(name: .articleCorrected, subjectID: id, actorID: account.id, occurredAt: now))
            return try await Self.reloaded(id, in: tx)
        }
    }

    /// Records the publication of every scheduled story whose time has come: what the scheduler runs
    /// each minute and at start-up, so a server that was down at the time catches up. Readers already
    /// see such a story at its time (``Visibility``); this marks it published and tells the change
    /// feed. Each story is claimed by one conditional update, so two nodes never both publish it.
    @discardableResult
    public func publishDue(now: Date) async throws -> [UUID] {
        let due = try await ArticleRecord.query(on: store.database)
            .filter(\.$status == ArticleStatus.scheduled.rawValue)
            .filter(.custom(VisibleArticles.released(now: now, table: ArticleRecord.schema)))
            .field(\.$id).all().compactMap(\.id)
        var published: [UUID] = []
        for id in due {
            let claimed = try await store.transaction { tx -> Bool in
                guard let sql = tx.database as? any SQLDatabase else { throw StoreError.notSQL }
                let rows = try await sql.update(ArticleRecord.schema)
                    .set("status", to: ArticleStatus.published.rawValue)
                    .where("id", .equal, id).where("status", .equal, ArticleStatus.scheduled.rawValue)
                    .returning("id").all()
                guard rows.count == 1 else { return false }
                try await tx.record(DomainEvent(name: .articlePublished, subjectID: id, actorID: nil, occurredAt: now))
                return true
            }
            if claimed { published.append(id) }
        }
        return published
    }

    private static func adding(_ names: [String], to content: ArticleContent, in tx: StoreTransaction) async throws
        -> ArticleContent
    {
        var content = content
        for name in names.map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }) where !name.isEmpty {
            guard name.unicodeScalars.count <= SiteActions.maximumNameLength else {
                throw ActionError.invalid(["Keep a topic's name to \(SiteActions.maximumNameLength) characters."])
            }
            guard let slug = Slug(making: name) else {
                throw ActionError.invalid(["A topic name needs letters or digits: “\(name)” has none."])
            }
            let topic: Topic
            if let existing = try await tx.topics.find(slug: slug) {
                topic = existing
            } else if let same = try await tx.topics.find(named: name) {
                topic = same
            } else {
                topic = Topic(id: UUID(), name: name, slug: slug)
                try await tx.topics.create(topic)
            }
            if !content.allTopics.contains(topic) { content.topics.append(topic) }
        }
        return content
    }

    static func check(_ content: ArticleContent) throws {
        let problems = content.problems
        guard problems.isEmpty else { throw ActionError.invalid(problems) }
    }

    private static func checkSlugIsFree(_ slug: Slug, for id: UUID, in tx: StoreTransaction) async throws {
        if let other = try await tx.articles.find(slug: slug), other.id != id {
            throw ActionError.invalid([slugTakenProblem(slug)])
        }
    }

    private static func slugTakenProblem(_ slug: Slug) -> String {
        "Another story already uses the address “\(slug)”; choose another."
    }

    /// The story's record and value, when the account may edit it.
    private static func editable(_ id: UUID, by account: StaffAccount, in tx: StoreTransaction) async throws -> (
        ArticleRecord, Article
    ) {
        guard let record = try await tx.articles.record(id: id), let article = try await tx.articles.find(id: id)
        else { throw ActionError.notFound("That story does not exist.") }
        try account.policy.require(.openArticle(own: account.policy.isOwn(article, creator: record.createdBy)))
        if [.scheduled, .published].contains(article.status) { try account.policy.require(.editLiveArticle) }
        return (record, article)
    }

    private static func reloaded(_ id: UUID, in tx: StoreTransaction) async throws -> Article {
        guard let article = try await tx.articles.find(id: id) else { throw StoreError.vanished("article \(id)") }
        return article
    }
}

extension Store {
    /// The write layer for stories.
    public var articleActions: ArticleActions { ArticleActions(store: self) }
}

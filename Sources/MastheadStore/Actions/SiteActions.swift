import Foundation
import MastheadCore

/// The site's settings, topics and author profiles, changed from the newsroom.
public struct SiteActions: Sendable {
    let store: Store

    /// In Unicode scalars, as the Admin API's schema counts.
    public static let maximumNameLength = 100
    public static let maximumBioLength = 2_000

    public func changeSettings(_ settings: SiteSettings, by account: StaffAccount, now: Date) async throws {
        try account.policy.require(.changeSettings)
        try await store.transaction { tx in
            try await tx.siteSettings.save(settings)
            try await tx.record(
                DomainEvent(name: .settingsChanged, subjectID: nil, actorID: account.id, occurredAt: now))
        }
    }

    /// A topic made from the editor's topic field; an existing topic with the same slug is reused.
    public func topic(named name: String, by account: StaffAccount, now: Date) async throws -> Topic {
        try account.policy.require(.tagArticles)
        guard name.unicodeScalars.count <= Self.maximumNameLength else {
            throw ActionError.invalid(["Keep a topic's name to \(Self.maximumNameLength) characters."])
        }
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let slug = Slug(making: name) else {
            throw ActionError.invalid(["A topic name needs letters or digits: “\(name)” has none."])
        }
        return try await store.transaction { tx in
            if let existing = try await tx.topics.find(slug: slug) { return existing }
            if let same = try await tx.topics.find(named: name) { return same }
            let topic = Topic(id: UUID(), name: name, slug: slug)
            try await tx.topics.create(topic)
            return topic
        }
    }

    public func renameTopic(_ id: UUID, to name: String, by account: StaffAccount, now: Date) async throws {
        try account.policy.require(.renameTopic)
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw ActionError.invalid(["Give the topic a name."]) }
        guard name.unicodeScalars.count <= Self.maximumNameLength else {
            throw ActionError.invalid(["Keep a topic's name to \(Self.maximumNameLength) characters."])
        }
        try await store.transaction { tx in
            guard try await tx.topics.find(id: id) != nil else {
                throw ActionError.notFound("That topic does not exist.")
            }
            try await tx.topics.rename(id, to: name)
            try await tx.record(DomainEvent(name: .topicRenamed, subjectID: id, actorID: account.id, occurredAt: now))
        }
    }

    /// Moves every story of `sourceID` to `targetID` and deletes the source; its address redirects.
    public func mergeTopic(_ sourceID: UUID, into targetID: UUID, by account: StaffAccount, now: Date) async throws {
        try account.policy.require(.mergeTopic)
        guard sourceID != targetID else { throw ActionError.invalid(["Choose two different topics to merge."]) }
        try await store.transaction { tx in
            guard let source = try await tx.topics.find(id: sourceID),
                let target = try await tx.topics.find(id: targetID)
            else { throw ActionError.notFound("That topic does not exist.") }
            try await tx.topics.merge(source, into: target)
            try await tx.record(
                DomainEvent(name: .topicsMerged, subjectID: targetID, actorID: account.id, occurredAt: now))
        }
    }

    /// A new author for bylines; the slug is made from the name unless given.
    public func createAuthor(name: String, bio: String, slug: Slug?, by account: StaffAccount, now: Date) async throws
        -> Author
    {
        try account.policy.require(.addAuthor)
        guard name.unicodeScalars.count <= Self.maximumNameLength, bio.unicodeScalars.count <= Self.maximumBioLength
        else {
            throw ActionError.invalid([
                "Keep a name to \(Self.maximumNameLength) characters and a biography to \(Self.maximumBioLength)."
            ])
        }
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let slug = slug ?? Slug(making: name), !name.isEmpty else {
            throw ActionError.invalid(["Give the author a name with letters or digits."])
        }
        return try await store.transaction { tx in
            guard try await tx.authors.find(slug: slug) == nil else {
                throw ActionError.invalid(["Another author already has the address “\(slug)”."])
            }
            let author = Author(
                id: UUID(), name: name, slug: slug, bio: bio.trimmingCharacters(in: .whitespacesAndNewlines))
            try await tx.authors.create(author)
            try await tx.record(
                DomainEvent(name: .authorChanged, subjectID: author.id, actorID: account.id, occurredAt: now))
            return author
        }
    }

    public func updateAuthor(_ author: Author, by account: StaffAccount, now: Date) async throws {
        try account.policy.require(.editAuthorProfile(own: account.authorID == author.id))
        guard !author.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ActionError.invalid(["Give the author a name."])
        }
        guard author.name.unicodeScalars.count <= Self.maximumNameLength,
            author.bio.unicodeScalars.count <= Self.maximumBioLength
        else {
            throw ActionError.invalid([
                "Keep a name to \(Self.maximumNameLength) characters and a biography to \(Self.maximumBioLength)."
            ])
        }
        try await store.transaction { tx in
            guard try await tx.authors.find(id: author.id) != nil else {
                throw ActionError.notFound("That author does not exist.")
            }
            try await tx.authors.update(author)
            try await tx.record(
                DomainEvent(name: .authorChanged, subjectID: author.id, actorID: account.id, occurredAt: now))
        }
    }
}

extension Store {
    public var siteActions: SiteActions { SiteActions(store: self) }
}

import FluentKit
import Foundation
import MastheadCore

public struct TopicRepository: Sendable {
    let database: any Database

    public func create(_ topic: Topic) async throws {
        try await TopicRecord(topic).create(on: database)
    }

    public func find(slug: Slug) async throws -> Topic? {
        try await TopicRecord.query(on: database).filter(\.$slug == slug.value).first()?.topic
    }

    /// The topic a name means (``TopicName``): `Modi - Trump` finds `Trump - Modi`. Topics are few
    /// enough to compare in memory.
    public func find(named name: String) async throws -> Topic? {
        let key = TopicName.key(name)
        return try await all().first { TopicName.key($0.name) == key }
    }

    public func find(id: UUID) async throws -> Topic? {
        try await TopicRecord.find(id, on: database)?.topic
    }

    /// Every topic, by name.
    public func all() async throws -> [Topic] {
        try await TopicRecord.query(on: database).sort(\.$name).all().compactMap(\.topic)
    }

    /// Where a merged topic's old address leads now.
    public func redirect(from slug: Slug) async throws -> Slug? {
        guard let redirect = try await TopicRedirectRecord.query(on: database).filter(\.$oldSlug == slug.value).first()
        else { return nil }
        return try await TopicRecord.find(redirect.topicID, on: database).flatMap { Slug($0.slug) }
    }

    func rename(_ id: UUID, to name: String) async throws {
        try await TopicRecord.query(on: database).filter(\.$id == id).set(\.$name, to: name).update()
    }

    /// Moves every story of `source` to `target`, keeps `source`'s address as a redirect, and deletes it.
    func merge(_ source: Topic, into target: Topic) async throws {
        let links = try await ArticleTopicRecord.query(on: database).filter(\.$topic.$id == source.id).all()
        let alreadyTagged = Set(
            try await ArticleTopicRecord.query(on: database).filter(\.$topic.$id == target.id).all().map {
                $0.$article.id
            })
        for link in links {
            if alreadyTagged.contains(link.$article.id) {
                try await link.delete(on: database)
            } else {
                link.$topic.id = target.id
                try await link.update(on: database)
            }
        }
        try await ArticleRecord.query(on: database).filter(\.$primaryTopic.$id == source.id)
            .set(\.$primaryTopic.$id, to: target.id).update()
        try await TopicRedirectRecord.query(on: database).filter(\.$topicID == source.id)
            .set(\.$topicID, to: target.id).update()
        try await TopicRedirectRecord(oldSlug: source.slug.value, topicID: target.id).create(on: database)
        try await TopicRecord.query(on: database).filter(\.$id == source.id).delete()
    }
}

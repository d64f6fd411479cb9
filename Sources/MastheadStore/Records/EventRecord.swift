import FluentKit
import Foundation
import MastheadCore

final class EventRecord: Model, @unchecked Sendable {
    static let schema = "events"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @OptionalField(key: "subject_id") var subjectID: UUID?
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "occurred_at") var occurredAt: Date
    @OptionalField(key: "article_id") var articleID: UUID?

    init() {}

    init(_ event: DomainEvent) {
        id = event.id
        name = event.name.rawValue
        subjectID = event.subjectID
        actorID = event.actorID
        occurredAt = event.occurredAt
        articleID = event.articleID
    }

    var event: DomainEvent? {
        guard let id, let name = DomainEvent.Name(rawValue: name) else { return nil }
        return DomainEvent(
            id: id, name: name, subjectID: subjectID, actorID: actorID, occurredAt: occurredAt, articleID: articleID)
    }
}

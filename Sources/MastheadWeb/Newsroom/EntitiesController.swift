import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// The people, places and organisations found in stories, and editors' corrections to them: rename
/// (or change kind), merge, delete, or mark as not an entity.
struct EntitiesController {
    let newsroom: Newsroom

    func register(on group: RouterGroup<NewsroomRequestContext>) {
        group.get(NewsroomRoute.Pattern.entities, use: entities)
        group.post(NewsroomRoute.Pattern.mergeEntities, use: merge)
        group.post(NewsroomRoute.Pattern.entity, use: change)
        group.allowOnly([.get], on: NewsroomRoute.Pattern.entities)
        group.allowOnly([.post], on: NewsroomRoute.Pattern.mergeEntities)
        group.allowOnly([.post], on: NewsroomRoute.Pattern.entity)
    }

    func entities(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let account = try context.staff(allowedTo: .openArea(.entities))
        let listed = try await newsroom.store.entities.list()
        let ignored = try await newsroom.store.entities.ignoredNames()
        return newsroom.html(
            EntitiesPage(
                layout: newsroom.layout("People, places and organisations", context, notice: Newsroom.notice(request)),
                canManage: account.policy.allows(.correctEntities),
                entities: listed.map { entity, stories in
                    EntitiesPage.Row(
                        name: entity.name, kind: entity.kind.singularLabel, stories: stories,
                        readerURL: entity.path, action: NewsroomRoute.entity(entity.id).path,
                        kinds: EntityKind.allCases.map {
                            Option(value: $0.rawValue, label: $0.singularLabel, selected: $0 == entity.kind)
                        })
                },
                hasEntities: !listed.isEmpty,
                options: listed.map {
                    Option(
                        value: $0.entity.id.lowercasedString,
                        label: "\($0.entity.name) (\($0.entity.kind.singularLabel.lowercased()))", selected: false)
                },
                ignored: ignored.map { EntitiesPage.Ignored(name: $0.name, action: NewsroomRoute.entity($0.id).path) },
                hasIgnored: !ignored.isEmpty,
                mergeAction: NewsroomRoute.mergeEntities.path))
    }

    func change(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let account = try context.staff()
        guard let id = context.idParameter else { throw HTTPError(.notFound) }
        let fields = try await context.form(request)
        let actions = newsroom.store.entityActions
        switch fields["action"] {
        case "rename":
            guard let kind = EntityKind(rawValue: fields["kind"]) else {
                throw HTTPError(.unprocessableContent, message: "Choose person, place or organisation.")
            }
            try await actions.rename(id, to: fields["name"], kind: kind, by: account, now: newsroom.now)
        case "rule-out":
            try await actions.ruleOut(id, by: account, now: newsroom.now)
        case "restore":
            try await actions.ruleOut(id, false, by: account, now: newsroom.now)
        case "delete":
            try await actions.delete(id, by: account, now: newsroom.now)
        default:
            throw HTTPError(.unprocessableContent, message: "Choose rename, not an entity, restore or delete.")
        }
        return newsroom.redirect(.entities, done: "entity")
    }

    func merge(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let account = try context.staff()
        let fields = try await context.form(request)
        let (source, target) = try fields.mergePair(choose: "entity")
        try await newsroom.store.entityActions.merge(source, into: target, by: account, now: newsroom.now)
        return newsroom.redirect(.entities, done: "entities-merged")
    }
}

import Foundation
import MastheadCore
import MastheadTesting
import Synchronization
import Testing

@testable import MastheadStore

/// Events carry what their followers need (issue 20): a published comment's event carries the comment
/// as pages show it, and PostgreSQL's notifications to other nodes carry it too, except where it does
/// not fit in one (8,000 bytes): there the other nodes read it.
@Suite struct ChangeRelayPayloadTests {
    static func published(_ body: String, on articleID: UUID = UUID()) -> MastheadCore.Comment {
        MastheadCore.Comment(
            id: UUID(), articleID: articleID, displayName: "Ola", body: body, status: .published,
            badge: .staff, createdAt: Date(timeIntervalSince1970: 1_739_530_800))
    }

    @Test func aPublishedCommentsEventCarriesTheCommentAsPagesShowIt() async throws {
        try await FreshDatabase.with { store in
            let newsroom = Newsroom(store: store)
            try await newsroom.setUp()
            let article = try await newsroom.article(1)
            let heard = Mutex<[DomainEvent]>([])
            store.changeFeed.subscribe { event in heard.withLock { $0.append(event) } }
            let comment = Self.published("Just in: <b>news</b>", on: article.id)
            var held = Self.published("Not yet", on: article.id)
            held.status = .pending
            try await store.commentActions.add(comment)
            try await store.commentActions.add(held)
            await store.changeFeed.settled()
            let events = heard.withLock { $0 }
            #expect(events.first { $0.subjectID == comment.id }?.comment == PublishedComment(comment))
            #expect(events.first { $0.subjectID == held.id }.map { $0.comment == nil } == true)
        }
    }

    @Test func aCommentTooLongForANotificationGoesWithoutItAndTheRestKeepTheirs() throws {
        let node = UUID()
        let short = (0..<30).map { number in Self.published("Comment \(number)") }
        let long = Self.published(String(repeating: "A long comment & more. ", count: 400))
        let comments = Array(short[..<10]) + [long] + Array(short[10...])
        let events = comments.map { DomainEvent.about($0, .commentPublished, actorID: nil, occurredAt: $0.createdAt) }
        let payloads = try ChangeRelay.payloads(events, node: node)
        for payload in payloads { #expect(payload.utf8.count < ChangeRelay.payloadLimit) }
        let carried = try payloads.flatMap {
            try JSONDecoder().decode(ChangeRelay.Notification.self, from: Data($0.utf8)).events
        }
        #expect(carried.map(\.id) == events.map(\.id), "an event was lost or reordered")
        for (sent, original) in zip(carried, comments) {
            if original.id == long.id {
                #expect(sent.comment == nil)
                #expect(sent.articleID == long.articleID)
            } else {
                #expect(sent.comment == PublishedComment(original))
            }
        }
    }
}

import Testing

@testable import MastheadWeb

/// Page contexts are `Codable` structs: encoded into template values to render, and decoded as a type
/// to list the names a template may use.
@Suite struct TemplateEncoderTests {
    struct Byline: TemplateContext {
        let name: String
        let role: String?
        let count: Int
        let share: Double
        let tags: [String]
    }

    struct Renamed: TemplateContext {
        let swiftName: String

        enum CodingKeys: String, CodingKey {
            case swiftName = "templateName"
        }
    }

    struct Thread: TemplateContext {
        let title: String
        let replies: [Thread]
        let parent: Byline?
    }

    @Test func fieldsAreEncodedAsReflectionReadsThem() {
        let bylines = [
            Byline(name: "Ada", role: nil, count: 2, share: 0.5, tags: []),
            Byline(name: "Bo", role: "Editor", count: 0, share: 1, tags: ["a", "b"]),
        ]
        let value = TemplateEncoder.encode(bylines)
        #expect(
            value
                == .list([
                    .fields([
                        "name": .text("Ada"), "count": .number(2), "share": .text("0.5"), "tags": .list([]),
                    ]),
                    .fields([
                        "name": .text("Bo"), "role": .text("Editor"), "count": .number(0), "share": .text("1.0"),
                        "tags": .list([.text("a"), .text("b")]),
                    ]),
                ]))
        #expect(value == TemplateValue.reflecting(bylines))
    }

    @Test func codingKeysNameTheTemplatesField() {
        #expect(TemplateEncoder.encode(Renamed(swiftName: "x")) == .fields(["templateName": .text("x")]))
        #expect(TemplateSchema.of(Renamed.self).fields.keys.sorted() == ["templateName"])
    }

    @Test func aSchemaListsEveryFieldEvenOfOptionalsListsAndItself() throws {
        let schema = TemplateSchema.of(Thread.self)
        #expect(schema.fields.keys.sorted() == ["parent", "replies", "title"])
        #expect(schema.fields["replies"] === schema)
        let parent = try #require(schema.fields["parent"])
        #expect(parent.fields.keys.sorted() == ["count", "name", "role", "share", "tags"])
        #expect(parent.fields["tags"]?.fields.isEmpty == true)
    }

    @Test func theArticlePagesSchemaReachesIntoTheConversation() throws {
        let page = TemplateSchema.of(ArticlePage.self)
        let threads = try #require(page.fields["conversation"]?.fields["threads"])
        #expect(threads.fields["displayName"] != nil)
        #expect(threads.fields["replies"] === threads)
        #expect(page.fields["conversation"]?.fields["form"]?.fields["maxNameLength"] != nil)
        #expect(page.fields["layout"]?.fields["siteName"] != nil)
    }
}

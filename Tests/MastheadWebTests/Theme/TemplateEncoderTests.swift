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

    /// Synthesized `Codable` writes an enum with associated values through a nested keyed container.
    enum Credit: TemplateContext {
        case staff(name: String)
        case agency(String, code: Int)
        case anonymous
    }

    struct Photo: TemplateContext {
        let caption: String
        let credit: Credit
        let grid: [[Int]]
    }

    /// Written by hand, as a type with its own `encode(to:)` may be: containers nested in a list,
    /// filled in after later writes to their parent, and super encoders, one of which writes nothing.
    struct Board: Encodable {
        enum Key: CodingKey {
            case rows, title, own
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            var rows = container.nestedUnkeyedContainer(forKey: .rows)
            var first = rows.nestedUnkeyedContainer()
            var second = rows.nestedContainer(keyedBy: Key.self)
            try String?.none.encode(to: rows.superEncoder())
            try rows.encode("last")
            try container.encode("after", forKey: .title)
            try first.encode(1)
            try first.encode(2)
            try second.encode("x", forKey: .title)
            try "base".encode(to: container.superEncoder())
            try "mine".encode(to: container.superEncoder(forKey: .own))
        }
    }

    func render(_ template: String, _ value: TemplateValue) throws -> String {
        let library = TemplateLibrary(templates: ["page": try TemplateParser.parse(template)])
        return String(decoding: try #require(library.render(value, template: "page")), as: UTF8.self)
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

    @Test func anEnumWithAssociatedValuesIsAFieldNamedForItsCase() throws {
        let photos = [
            Photo(caption: "Pier", credit: .staff(name: "Ada"), grid: [[1, 2], [], [3]]),
            Photo(caption: "Storm", credit: .agency("AP", code: 7), grid: []),
            Photo(caption: "Fog", credit: .anonymous, grid: [[4]]),
        ]
        let value = TemplateEncoder.encode(photos)
        #expect(
            value
                == TemplateValue.list([
                    .fields([
                        "caption": .text("Pier"), "credit": .fields(["staff": .fields(["name": .text("Ada")])]),
                        "grid": .list([.list([.number(1), .number(2)]), .list([]), .list([.number(3)])]),
                    ]),
                    .fields([
                        "caption": .text("Storm"),
                        "credit": .fields(["agency": .fields(["_0": .text("AP"), "code": .number(7)])]),
                        "grid": .list([]),
                    ]),
                    .fields([
                        "caption": .text("Fog"), "credit": .fields(["anonymous": .fields([:])]),
                        "grid": .list([.list([.number(4)])]),
                    ]),
                ]))
        let template = """
            {{#.}}{{caption}}: {{#credit.staff}}by {{name}}{{/credit.staff}}\
            {{#credit.agency}}{{_0}} #{{code}}{{/credit.agency}}{{#credit.anonymous}}unknown{{/credit.anonymous}} \
            [{{#grid}}({{#.}}{{.}}{{/.}}){{/grid}}]
            {{/.}}
            """
        #expect(try render(template, value) == "Pier: by Ada [(12)()(3)]\nStorm: AP #7 []\nFog: unknown [(4)]\n")
    }

    @Test func nestedContainersAndSuperEncodersKeepTheirPlaces() throws {
        let value = TemplateEncoder.encode(Board())
        #expect(
            value
                == TemplateValue.fields([
                    "rows": .list([.list([.number(1), .number(2)]), .fields(["title": .text("x")]), .text("last")]),
                    "title": .text("after"), "super": .text("base"), "own": .text("mine"),
                ]))
        let template = "{{title}} {{super}} {{own}}:{{#rows}} <{{#.}}{{.}}{{/.}}>{{/rows}}"
        #expect(try render(template, value) == "after base mine: <12> <> <last>")
    }

    #if DEBUG
        @Test func aFieldNameGivenTwiceStopsADebugBuild() async {
            await #expect(processExitsWith: .failure) {
                var fields = TemplateFields()
                fields.append("name", .text("a"))
                fields.append("name", .text("b"))
            }
        }
    #endif
}

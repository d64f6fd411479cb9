import Testing

@testable import MastheadWeb

/// The theme's Mustache renderer, on small templates: what each tag does, where names are looked up,
/// which lines a tag takes with it, and what a broken template is told.
@Suite struct TemplateTests {
    func render(
        _ templates: [String: String], _ value: TemplateValue, template: String = "page"
    ) throws -> String {
        var parsed: [String: [TemplateNode]] = [:]
        for (name, text) in templates { parsed[name] = try TemplateParser.parse(text) }
        let bytes = try #require(TemplateLibrary(templates: parsed).render(value, template: template))
        return String(decoding: bytes, as: UTF8.self)
    }

    func render(_ text: String, _ fields: TemplateFields = [:]) throws -> String {
        try render(["page": text], .fields(fields))
    }

    @Test func variablesAreEscapedUnlessTripleOrAmpersand() throws {
        let fields: TemplateFields = ["x": .text("<a href=\"x\">Tom & 'Jerry'</a>\0")]
        #expect(try render("{{x}}", fields) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(
            try render("{{{x}}}|{{& x}}", fields)
                == "<a href=\"x\">Tom & 'Jerry'</a>\0|<a href=\"x\">Tom & 'Jerry'</a>\0")
        #expect(
            try render(
                "{{n}} {{yes}} {{no}} [{{missing}}]", ["n": .number(42), "yes": .flag(true), "no": .flag(false)])
                == "42 true false []")
    }

    @Test func sectionsFollowMustacheTruth() throws {
        let fields: TemplateFields = [
            "on": .flag(true), "off": .flag(false), "none": .list([]), "empty": .text(""), "zero": .number(0),
            "items": .list([.fields(["name": .text("a")]), .fields(["name": .text("b")])]),
            "person": .fields(["name": .text("Ada")]), "word": .text("hi"),
        ]
        #expect(
            try render("{{#on}}1{{/on}}{{#off}}2{{/off}}{{#none}}3{{/none}}{{#missing}}4{{/missing}}", fields) == "1")
        #expect(try render("{{#empty}}5{{/empty}}{{#zero}}6{{/zero}}", fields) == "56")
        #expect(try render("{{#items}}<{{name}}>{{/items}}", fields) == "<a><b>")
        #expect(try render("{{#person}}{{name}}{{/person}} {{#word}}{{.}}!{{/word}}", fields) == "Ada hi!")
        #expect(
            try render(
                "{{^off}}a{{/off}}{{^none}}b{{/none}}{{^missing}}c{{/missing}}{{^on}}d{{/on}}{{^word}}e{{/word}}",
                fields)
                == "abc")
    }

    @Test func namesAreLookedUpOutwardsButDottedPartsAreNot() throws {
        let fields: TemplateFields = [
            "token": .text("outer"),
            "comments": .list([.fields(["id": .text("c1")]), .fields(["id": .text("c2"), "token": .text("own")])]),
            "layout": .fields(["site": .text("Daily")]),
            "reply": .text("/reply"),
        ]
        #expect(try render("{{#comments}}{{id}}:{{token}} {{/comments}}", fields) == "c1:outer c2:own ")
        #expect(
            try render("{{layout.site}}|{{#layout}}{{token}}{{/layout}}|{{layout.token}}|", fields) == "Daily|outer||")
        // A text pushed by its section has no fields: names inside it are found further out.
        #expect(try render("{{#reply}}{{.}} {{token}}{{/reply}}", fields) == "/reply outer")
    }

    /// `..` splits into no names at all; it once read the first of none and stopped the server.
    @Test func aPathOfDotsAloneNamesNothing() throws {
        #expect(try render("[{{..}}][{{#..}}x{{/..}}][{{^..}}y{{/..}}]", ["a": .text("b")]) == "[][][y]")
    }

    @Test func aTagAloneOnItsLineTakesTheLineWithIt() throws {
        let fields: TemplateFields = ["items": .list([.text("a"), .text("b")])]
        #expect(
            try render("<ol>\n  {{#items}}\n<li>{{.}}</li>\n  {{/items}}\n</ol>\n", fields)
                == "<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n")
        #expect(try render("a {{#items}}{{.}}{{/items}} b\n", fields) == "a ab b\n")
        #expect(try render("x\n{{! a note }}\ny\n  {{^items}}\nnever\n{{/items}}", fields) == "x\ny\n")
        #expect(
            try render(["page": "<ul>\n  {{> item}}\n</ul>", "item": "<li>\none\n</li>\n"], .fields([:]))
                == "<ul>\n  <li>\n  one\n  </li>\n</ul>")
    }

    @Test func partialsRecurseAndAnEndlessOneIsCutOff() throws {
        let tree: TemplateValue = .fields([
            "name": .text("root"),
            "children": .list([
                .fields([
                    "name": .text("child"),
                    "children": .list([.fields(["name": .text("leaf"), "children": .list([])])]),
                ])
            ]),
        ])
        let node = "{{name}}({{#children}}{{> node}}{{/children}})"
        #expect(try render(["page": "{{> node}}", "node": node], tree) == "root(child(leaf()))")
        let endless = try render(["page": "{{> page}}x"], .fields([:]))
        #expect(endless.count == TemplateLibrary.maximumDepth + 1)
    }

    /// Indentation nests with standalone partials; a partial inside a line starts where the line is.
    @Test func aStandalonePartialIndentsItsTemplatesLinesButNotItsValues() throws {
        let templates = [
            "page": "<ul>\n  {{> item}}\n</ul>\n",
            "item": "<li>\n  {{> text}}\n</li>\n",
            "text": "{{{body}}}\n<b>{{> inline}}</b>\n",
            "inline": "x\ny",
        ]
        #expect(
            try render(templates, .fields(["body": .text("line one\nline two")]))
                == "<ul>\n  <li>\n    line one\nline two\n    <b>x\ny</b>\n  </li>\n</ul>\n")
    }

    @Test func aDynamicPartialIsNamedByTextAndAnEndlessOneIsCutOff() throws {
        let templates = ["page": "[{{>*kind}}]", "quote": "<q>{{text}}</q>"]
        #expect(try render(templates, .fields(["kind": .text("quote"), "text": .text("Hi")])) == "[<q>Hi</q>]")
        #expect(try render(templates, .fields(["kind": .text("none")])) == "[]")
        #expect(try render(templates, .fields(["kind": .number(1)])) == "[]")
        let endless = try render(["page": "{{>*name}}x"], .fields(["name": .text("page")]))
        #expect(endless.count == TemplateLibrary.maximumDepth + 1)
    }

    @Test func childTemplatesReplaceTheirParentsBlocks() throws {
        let templates = [
            "layout": "<title>{{$title}}Site{{/title}}</title>\n<main>\n{{$content}}\n{{/content}}\n</main>\n",
            "section": "{{<layout}}\n{{$title}}Section{{/title}}\n{{$content}}section body{{/content}}\n{{/layout}}\n",
            "page": "{{<section}}\n{{$content}}\n<p>{{text}}</p>\n{{/content}}\nignored\n{{/section}}\n",
        ]
        #expect(
            try render(templates, .fields(["text": .text("hello")]))
                == "<title>Section</title>\n<main>\n<p>hello</p>\n</main>\n")
        #expect(try render(templates, .fields([:]), template: "layout") == "<title>Site</title>\n<main>\n</main>\n")
    }

    @Test func delimitersCanBeChanged() throws {
        #expect(try render("{{=<% %>=}}<% x %> {{x}} <%={{ }}=%>{{x}}", ["x": .text("y")]) == "y {{x}} y")
    }

    @Test func aBrokenTemplateIsToldWhatAndOnWhichLine() {
        #expect(throws: TemplateSyntaxError(line: 2, message: "{{stories}} is never closed")) {
            try TemplateParser.parse("<h1>\n{{#stories}} never closed\n")
        }
        #expect(
            throws: TemplateSyntaxError(line: 1, message: "{{/b}} closes nothing that is open inside {{a}} from line 1")
        ) {
            try TemplateParser.parse("{{#a}}{{/b}}")
        }
        #expect(throws: TemplateSyntaxError(line: 3, message: "a tag is opened and never closed")) {
            try TemplateParser.parse("\n\n{{name")
        }
    }

    @Test func fieldsAreFoundByNameAndCompareWhateverTheirOrder() {
        var fields: TemplateFields = ["headline": .text("Tariffs"), "count": .number(2)]
        #expect(fields["headline"] == .text("Tariffs"))
        #expect(fields[TemplateName("count")] == .number(2))
        #expect(fields["lede"] == nil)
        fields["lede"] = .text("A lede")
        fields["count"] = .number(3)
        fields["missing"] = nil
        #expect(fields == ["lede": .text("A lede"), "count": .number(3), "headline": .text("Tariffs")])
        fields["headline"] = nil
        #expect(fields.count == 2 && fields["headline"] == nil)
        #expect(fields != ["lede": .text("A lede"), "count": .number(4)])
        #expect(fields != ["lede": .text("A lede")])
        let absent: TemplateValue? = nil
        let written: TemplateFields = ["headline": .text("Tariffs"), "dateline": absent]
        #expect(written.count == 1 && written["dateline"] == nil)
    }
}

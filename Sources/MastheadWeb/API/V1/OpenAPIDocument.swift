import Foundation

/// The OpenAPI 3.1 description of the Content API and the Admin API, served at
/// `/api/v1/openapi.json`. Written by hand next to the controllers it describes; schemathesis checks
/// the running server against it in the test suite.
enum OpenAPIDocument {
    static func json(serverURL: String) -> String {
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": [
                "title": "Masthead API", "version": "1",
                "description":
                    "The Content API (public, what readers may see) and the Admin API (a bearer key acting with a newsroom role).",
            ],
            "servers": [["url": serverURL + "/api/v1"]],
            "paths": paths,
            "components": [
                "securitySchemes": [
                    "apiKey": ["type": "http", "scheme": "bearer", "bearerFormat": "mh_ and 64 hex digits"]
                ],
                "schemas": schemas,
            ],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted]))
        return String(decoding: data ?? Data("{}".utf8), as: UTF8.self)
    }

    private static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }

    private static func json(_ schema: [String: Any], _ description: String) -> [String: Any] {
        ["description": description, "content": ["application/json": ["schema": schema]]]
    }

    /// Every operation answers errors as `Error` JSON, whatever the status.
    private static func operation(
        _ id: String, _ summary: String, success: String, _ schema: [String: Any], parameters: [[String: Any]] = [],
        body: String? = nil, secured: Bool = false, created: Bool = false
    ) -> [String: Any] {
        var operation: [String: Any] = [
            "operationId": id, "summary": summary,
            "responses": [
                created ? "201" : "200": json(schema, success), "default": json(ref("Error"), "An error, as JSON."),
            ],
        ]
        if !parameters.isEmpty { operation["parameters"] = parameters }
        if let body {
            operation["requestBody"] = ["required": true, "content": ["application/json": ["schema": ref(body)]]]
        }
        if secured { operation["security"] = [["apiKey": []]] }
        return operation
    }

    static let slugPattern = "^[a-z0-9]+(-[a-z0-9]+)*$"
    static let uuidPattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
    static var slug: [String: Any] { ["type": "string", "pattern": slugPattern, "maxLength": 120] }
    /// Free text that must hold something besides white space. The server trims Unicode's White_Space;
    /// ECMAScript's `\s` differs from it only in U+0085 (not `\s`) and U+FEFF (`\s`, not White_Space).
    static func text(max: Int) -> [String: Any] {
        ["type": "string", "pattern": "[^\\s\\u0085]|\\ufeff", "maxLength": max]
    }

    private static func pathParameter(_ name: String, uuid: Bool = false) -> [String: Any] {
        let schema: [String: Any] = uuid ? ["type": "string", "format": "uuid", "pattern": uuidPattern] : slug
        return ["name": name, "in": "path", "required": true, "schema": schema]
    }

    private static func queryParameter(_ name: String, _ schema: [String: Any], _ description: String) -> [String: Any]
    {
        ["name": name, "in": "query", "required": false, "schema": schema, "description": description]
    }

    private static var paths: [String: Any] {
        let idempotency: [String: Any] = [
            "name": "Idempotency-Key", "in": "header", "required": false,
            "schema": ["type": "string", "pattern": "^[!-~]{1,200}$"],
            "description": "A retry with the same key and body gets the first response again.",
        ]
        return [
            "/articles": [
                "get": operation(
                    "listArticles", "The newest published stories, newest first", success: "A page of stories",
                    ref("ArticleList"),
                    parameters: [
                        queryParameter(
                            "limit", ["type": "integer", "minimum": 1, "maximum": 50], "At most this many (20)"),
                        queryParameter(
                            "before", ["type": "string", "pattern": "^[0-9]{1,11}_" + uuidPattern.dropFirst()],
                            "The `next` of the previous page"),
                        queryParameter("since", dateTimeSchema, "Only stories published at or after this time"),
                        queryParameter("topic", slug, "Only this topic's stories (a slug)"),
                        queryParameter("author", slug, "Only this author's stories (a slug)"),
                    ])
            ],
            "/articles/{slug}": [
                "get": operation(
                    "getArticle", "One published story", success: "The story", ref("Article"),
                    parameters: [pathParameter("slug")])
            ],
            "/articles/{slug}/read-next": [
                "get": operation(
                    "getReadNext", "The stories the article's page offers next", success: "The stories",
                    ref("ReadNextList"), parameters: [pathParameter("slug")])
            ],
            "/articles/{slug}/comments": [
                "get": operation(
                    "listComments",
                    "A page of the article's published comments, oldest first, each top-level comment followed by its replies",
                    success: "The comments", ref("CommentList"),
                    parameters: [
                        pathParameter("slug"),
                        queryParameter(
                            "after", ["type": "string", "pattern": "^[0-9]{1,15}_" + uuidPattern.dropFirst()],
                            "The `next` of the previous page"),
                    ])
            ],
            "/search": [
                "get": operation(
                    "search", "Full-text search over published stories, best first", success: "The matches",
                    ref("SearchResults"),
                    parameters: [
                        queryParameter("q", ["type": "string"], "Words, `prefix*` and \"quoted phrases\"; any text"),
                        queryParameter(
                            "limit", ["type": "integer", "minimum": 1, "maximum": 50], "At most this many (20)"),
                        queryParameter("page", ["type": "integer", "minimum": 1, "maximum": 10], "Which page (1)"),
                        queryParameter("topic", slug, "Only stories on this topic (its slug)"),
                        queryParameter("author", slug, "Only stories by this author (their slug)"),
                        queryParameter(
                            "from", ["type": "string", "format": "date"],
                            "Only stories published on or after this day, in the site's time zone"),
                        queryParameter(
                            "to", ["type": "string", "format": "date"],
                            "Only stories published on or before this day, in the site's time zone"),
                    ])
            ],
            "/topics": ["get": operation("listTopics", "Every topic", success: "The topics", ref("TopicList"))],
            "/topics/{slug}": [
                "get": operation(
                    "getTopic", "One topic", success: "The topic", ref("Topic"), parameters: [pathParameter("slug")])
            ],
            "/authors": ["get": operation("listAuthors", "Every author", success: "The authors", ref("AuthorList"))],
            "/authors/{slug}": [
                "get": operation(
                    "getAuthor", "One author", success: "The author", ref("Author"), parameters: [pathParameter("slug")]
                )
            ],
            "/admin/articles": [
                "post": operation(
                    "createArticle", "Start a story as a draft", success: "The new draft", ref("AdminArticle"),
                    parameters: [idempotency], body: "ArticleCreateInput", secured: true, created: true)
            ],
            "/admin/articles/{id}": [
                "get": operation(
                    "getAdminArticle", "Any story, whatever its status", success: "The story", ref("AdminArticle"),
                    parameters: [pathParameter("id", uuid: true)], secured: true),
                "patch": operation(
                    "updateArticle", "Change a story, based on the version sent", success: "The saved story",
                    ref("AdminArticle"), parameters: [pathParameter("id", uuid: true)], body: "ArticleUpdateInput",
                    secured: true),
            ],
            "/admin/articles/{id}/transitions": [
                "post": operation(
                    "moveArticle", "Move a story through the workflow", success: "The story in its new status",
                    ref("AdminArticle"), parameters: [pathParameter("id", uuid: true)], body: "TransitionInput",
                    secured: true)
            ],
            "/admin/topics": [
                "post": operation(
                    "createTopic", "Make a topic (or return the one with that name)", success: "The topic",
                    ref("Topic"),
                    parameters: [idempotency], body: "TopicInput", secured: true, created: true)
            ],
            "/admin/authors": [
                "post": operation(
                    "createAuthor", "Add an author for bylines", success: "The author", ref("Author"),
                    parameters: [idempotency], body: "AuthorInput", secured: true, created: true)
            ],
            "/admin/comments/{id}/moderation": [
                "post": operation(
                    "moderateComment", "Set a comment's status", success: "The comment's new status",
                    ref("ModeratedComment"), parameters: [pathParameter("id", uuid: true)], body: "ModerationInput",
                    secured: true)
            ],
        ]
    }

    /// A name Masthead can make an address from: it needs an ASCII letter or digit.
    static var topicName: [String: Any] { ["type": "string", "pattern": "[A-Za-z0-9]", "maxLength": 100] }

    /// RFC 3339, also as a pattern: fuzzers and validators that skip `format` still see the shape.
    static var dateTimeSchema: [String: Any] {
        [
            "type": "string", "format": "date-time",
            "pattern":
                "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$",
        ]
    }

    /// Optional fields accept JSON null as "not sent", as the server reads them.
    static func nullable(_ schema: [String: Any]) -> [String: Any] {
        var schema = schema
        if let type = schema["type"] as? String { schema["type"] = [type, "null"] }
        return schema
    }

    /// Every field optional and nullable; creates require headline and lede (see `ArticleCreateInput`).
    private static var articleFields: [String: Any] {
        [
            "headline": text(max: 200), "lede": text(max: 600),
            "body": ["type": "string", "description": "Markdown", "maxLength": 200_000], "slug": slug,
            "dateline": ["type": "string", "maxLength": 100],
            "topics": ["type": "array", "items": topicName, "maxItems": 20],
            "primaryTopic": slug, "authors": ["type": "array", "items": slug, "maxItems": 10, "uniqueItems": true],
            "publishedAt": dateTimeSchema,
        ].mapValues { nullable($0 as? [String: Any] ?? [:]) }
    }

    private static var schemas: [String: Any] {
        let string: [String: Any] = ["type": "string"]
        let nullableString: [String: Any] = ["type": ["string", "null"]]
        let dateTime = dateTimeSchema
        let nullableDateTime: [String: Any] = ["type": ["string", "null"], "format": "date-time"]
        let topic = ref("Topic")
        var article: [String: Any] = [
            "type": "object",
            "required": [
                "id", "slug", "url", "headline", "lede", "bodyHTML", "topics", "authors", "corrections",
            ],
            "properties": [
                "id": ["type": "string", "format": "uuid"], "slug": string, "url": string, "headline": string,
                "lede": string, "bodyHTML": string, "dateline": nullableString, "publishedAt": nullableDateTime,
                "updatedAt": nullableDateTime, "updateNote": nullableString,
                "topic": ["oneOf": [topic, ["type": "null"]]], "topics": ["type": "array", "items": topic],
                "authors": ["type": "array", "items": ref("Author")],
                "corrections": [
                    "type": "array",
                    "items": [
                        "type": "object", "required": ["text", "createdAt"],
                        "properties": ["text": string, "createdAt": dateTime],
                    ],
                ],
                "image": [
                    "oneOf": [
                        [
                            "type": "object", "required": ["url", "alt", "caption", "credit"],
                            "properties": ["url": string, "alt": string, "caption": string, "credit": string],
                        ],
                        ["type": "null"],
                    ]
                ],
            ],
        ]
        var admin = article
        var adminProperties = article["properties"] as? [String: Any] ?? [:]
        adminProperties["status"] = [
            "type": "string", "enum": ["draft", "in_review", "scheduled", "published", "unpublished"],
        ]
        adminProperties["version"] = ["type": "integer"]
        adminProperties["bodyMarkdown"] = string
        adminProperties["embargoUntil"] = nullableDateTime
        admin["properties"] = adminProperties
        admin["required"] = (article["required"] as? [String] ?? []) + ["status", "version", "bodyMarkdown"]
        article["additionalProperties"] = false
        return [
            "Error": [
                "type": "object", "required": ["error"],
                "properties": [
                    "error": [
                        "type": "object", "required": ["code", "message"],
                        "properties": [
                            "code": string, "message": string,
                            "fields": ["type": "object", "additionalProperties": ["type": "string"]],
                        ],
                    ]
                ],
            ],
            "Topic": [
                "type": "object", "required": ["slug", "name", "url"],
                "properties": ["slug": string, "name": string, "url": string],
            ],
            "TopicList": [
                "type": "object", "required": ["topics"], "properties": ["topics": ["type": "array", "items": topic]],
            ],
            "Author": [
                "type": "object", "required": ["slug", "name", "bio", "url"],
                "properties": ["slug": string, "name": string, "bio": string, "url": string],
            ],
            "AuthorList": [
                "type": "object", "required": ["authors"],
                "properties": ["authors": ["type": "array", "items": ref("Author")]],
            ],
            "ArticleSummary": [
                "type": "object", "required": ["slug", "url", "headline", "lede"],
                "properties": [
                    "slug": string, "url": string, "headline": string, "lede": string, "publishedAt": nullableDateTime,
                    "topic": ["oneOf": [topic, ["type": "null"]]],
                ],
            ],
            "ArticleList": [
                "type": "object", "required": ["articles"],
                "properties": [
                    "articles": ["type": "array", "items": ref("ArticleSummary")], "next": nullableString,
                ],
            ],
            "ReadNextList": [
                "type": "object", "required": ["articles"],
                "properties": ["articles": ["type": "array", "items": ref("ArticleSummary")]],
            ],
            "CommentList": [
                "type": "object", "required": ["comments"],
                "properties": [
                    "comments": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["id", "displayName", "bodyHTML", "likeCount", "createdAt"],
                            "properties": [
                                "id": string, "parentID": string, "displayName": string,
                                "bodyHTML": [
                                    "type": "string", "description": "Escaped text with paragraphs and links",
                                ],
                                "likeCount": ["type": "integer", "minimum": 0],
                                "createdAt": dateTime,
                            ],
                        ],
                    ],
                    "next": nullableString,
                ],
            ],
            "SearchResults": [
                "type": "object", "required": ["results"],
                "properties": [
                    "results": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["slug", "url", "headline", "lede", "snippetHTML"],
                            "properties": [
                                "slug": string, "url": string, "headline": string, "lede": string,
                                "publishedAt": nullableDateTime, "snippetHTML": string,
                            ],
                        ],
                    ]
                ],
            ],
            "Article": article,
            "AdminArticle": admin,
            "ArticleCreateInput": [
                "type": "object", "required": ["headline", "lede"],
                "properties": articleFields.merging(["headline": text(max: 200), "lede": text(max: 600)]) { $1 },
            ],
            "ArticleUpdateInput": [
                "type": "object", "required": ["version"],
                "properties": articleFields.merging([
                    "version": [
                        "type": "integer", "minimum": 1, "maximum": 2_147_483_647,
                        "description": "The version the change is based on",
                    ]
                ]) { $1 },
            ],
            "TransitionInput": [
                "type": "object", "required": ["move"],
                "properties": [
                    "move": ["type": "string", "enum": ["submit", "return", "schedule", "publish", "unpublish"]],
                    "scheduleAt": nullable(dateTime),
                ],
            ],
            "TopicInput": ["type": "object", "required": ["name"], "properties": ["name": topicName]],
            "AuthorInput": [
                "type": "object", "required": ["name"],
                "properties": [
                    "name": topicName, "bio": nullable(["type": "string", "maxLength": 2000]), "slug": nullable(slug),
                ],
            ],
            "ModerationInput": [
                "type": "object", "required": ["status"],
                "properties": [
                    "status": ["type": "string", "enum": ["pending", "published", "rejected", "spam", "hidden"]]
                ],
            ],
            "ModeratedComment": [
                "type": "object", "required": ["id", "status"], "properties": ["id": string, "status": string],
            ],
        ]
    }
}

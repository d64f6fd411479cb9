import MastheadCore

/// The same, as the article template reads it.
struct ArticleDiscoveryContext: TemplateContext {
    struct EntityLink: TemplateContext {
        let name: String
        let url: String
        let kind: String
    }

    struct Said: TemplateContext {
        let speaker: String
        let speakerURL: String
        let text: String
    }

    let entities: [EntityLink]
    let hasEntities: Bool
    let statements: [Said]
    let hasStatements: Bool

    init(_ discovery: ArticleDiscovery) {
        entities = discovery.entities.map {
            EntityLink(name: $0.name, url: $0.path, kind: $0.kind.singularLabel.lowercased())
        }
        hasEntities = !entities.isEmpty
        statements = discovery.statements.map {
            Said(speaker: $0.speaker.name, speakerURL: $0.speaker.path, text: $0.text)
        }
        hasStatements = !statements.isEmpty
    }
}

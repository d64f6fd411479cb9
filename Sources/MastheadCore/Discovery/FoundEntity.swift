/// One entity found in an article.
public struct FoundEntity: Sendable, Equatable {
    /// The canonical name ("Donald Trump" for a text that also says "Trump"), the directory's when it
    /// knows the entity.
    public var name: String
    public var kind: EntityKind
    /// How many times the article names it, in any form: full name, surname, alias or demonym.
    public var mentions: Int

    public init(name: String, kind: EntityKind, mentions: Int) {
        self.name = name
        self.kind = kind
        self.mentions = mentions
    }
}

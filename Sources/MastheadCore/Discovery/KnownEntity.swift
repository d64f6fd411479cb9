/// An entity the site already knows, from earlier stories or as an editor corrected it: its name and
/// kind win over whatever the text alone would suggest.
public struct KnownEntity: Sendable, Equatable {
    /// The canonical name, as pages show it ("Donald Trump").
    public var name: String
    public var kind: EntityKind
    /// Other spellings that mean the same entity, for instance kept from an editor's merge.
    public var aliases: [String]

    public init(name: String, kind: EntityKind, aliases: [String] = []) {
        self.name = name
        self.kind = kind
        self.aliases = aliases
    }
}

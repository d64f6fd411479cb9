/// What the extractor knows besides the text: the entities the site has already seen and the names
/// editors marked "not an entity", so a correction made once holds for every later story.
public struct EntityDirectory: Sendable {
    let known: [KnownEntity]
    /// Compared by ``NamedEntities/key(_:)``, so an editor's spelling need not match the text's.
    let notEntities: Set<String>

    public init(known: [KnownEntity] = [], notEntities: [String] = []) {
        self.known = known
        self.notEntities = Set(notEntities.map(NamedEntities.key))
    }

    public static let empty = EntityDirectory()
}

/// A sentence that attributes a statement to a named person.
public struct Statement: Sendable, Equatable {
    /// The canonical person name, as in ``FoundEntity/name``.
    public var speaker: String
    /// The sentence as written, trimmed.
    public var text: String
    /// The sentence's index in the text, so an article's statements keep their order when stored.
    public var position: Int

    public init(speaker: String, text: String, position: Int) {
        self.speaker = speaker
        self.text = text
        self.position = position
    }
}

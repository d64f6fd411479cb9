/// What an entity is, which decides the page that lists it (`/people`, `/places`, `/organisations`).
public enum EntityKind: String, Sendable, Codable, CaseIterable {
    case person, place, organisation

    /// The path segment of the kind's listing: plural, as readers say it.
    public var pathSegment: String {
        switch self {
        case .person: "people"
        case .place: "places"
        case .organisation: "organisations"
        }
    }

    /// What one of the kind is called, above an entity's name on its page.
    public var singularLabel: String {
        switch self {
        case .person: "Person"
        case .place: "Place"
        case .organisation: "Organisation"
        }
    }
}

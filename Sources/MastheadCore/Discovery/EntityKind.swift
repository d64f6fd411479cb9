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

    /// The kind a listing path names, or nil for any other segment (so a router can answer 404).
    public init?(pathSegment: String) {
        guard let kind = Self.allCases.first(where: { $0.pathSegment == pathSegment }) else { return nil }
        self = kind
    }

    /// The heading of the kind's listing page.
    public var title: String {
        switch self {
        case .person: "People"
        case .place: "Places"
        case .organisation: "Organisations"
        }
    }
}

import MastheadCore
import Testing

@Suite struct EntityKindTests {
    @Test func eachKindHasAPagePathAndALabel() {
        #expect(EntityKind.allCases.map(\.pathSegment) == ["people", "places", "organisations"])
        #expect(EntityKind.allCases.map(\.singularLabel) == ["Person", "Place", "Organisation"])
    }
}

import MastheadCore
import Testing

@Suite struct EntityKindTests {
    @Test func eachKindHasAListingPathAndHeadingThatReadBack() {
        #expect(EntityKind.allCases.map(\.pathSegment) == ["people", "places", "organisations"])
        #expect(EntityKind.allCases.map(\.title) == ["People", "Places", "Organisations"])
        for kind in EntityKind.allCases {
            #expect(EntityKind(pathSegment: kind.pathSegment) == kind)
        }
        #expect(EntityKind(pathSegment: "person") == nil)
        #expect(EntityKind(pathSegment: "People") == nil)
    }
}

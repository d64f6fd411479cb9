import MastheadCore
import Testing

@Suite struct BylineTests {
    func joined(_ names: [String]) -> String {
        zip(Byline.separators(count: names.count), names).map { $0 + $1 }.joined()
    }

    @Test func joinsNamesInOrder() {
        #expect(joined([]) == "")
        #expect(joined(["Anna Nowak"]) == "Anna Nowak")
        #expect(joined(["Anna Nowak", "John Smith"]) == "Anna Nowak and John Smith")
        #expect(joined(["A", "B", "C"]) == "A, B and C")
    }
}

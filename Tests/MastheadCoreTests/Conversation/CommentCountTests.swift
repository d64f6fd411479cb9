import MastheadCore
import Testing

@Suite struct CommentCountTests {
    @Test func saysHowManyInWords() {
        #expect(CommentCount.label(0) == "No comments yet")
        #expect(CommentCount.label(1) == "1 comment")
        #expect(CommentCount.label(2) == "2 comments")
        #expect(CommentCount.label(-4) == "No comments yet")
    }

    @Test func groupsThousandsWithCommas() {
        let expected = [
            999: "999 comments", 1_000: "1,000 comments", 12_345: "12,345 comments",
            100_000: "100,000 comments", 1_234_567: "1,234,567 comments",
            Int.max: "9,223,372,036,854,775,807 comments",
        ]
        for (count, label) in expected {
            #expect(CommentCount.label(count) == label)
        }
    }
}

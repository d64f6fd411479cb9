import Foundation
import MastheadCore
import Testing

@Suite struct VisibilityTests {
    let now = Date(timeIntervalSince1970: 1_739_530_800)

    @Test func onlyPublishedOrDueScheduledStoriesWithoutAnEmbargoAreVisible() {
        let past = now.addingTimeInterval(-60)
        let future = now.addingTimeInterval(60)
        for status in ArticleStatus.allCases {
            let expected = status == .published || status == .scheduled
            #expect(
                Visibility.isVisible(status: status, publishedAt: past, embargoUntil: nil, now: now) == expected,
                "\(status)")
        }
        #expect(!Visibility.isVisible(status: .published, publishedAt: nil, embargoUntil: nil, now: now))
        #expect(!Visibility.isVisible(status: .published, publishedAt: future, embargoUntil: nil, now: now))
        #expect(!Visibility.isVisible(status: .scheduled, publishedAt: future, embargoUntil: nil, now: now))
        #expect(!Visibility.isVisible(status: .published, publishedAt: past, embargoUntil: future, now: now))
        #expect(Visibility.isVisible(status: .published, publishedAt: past, embargoUntil: past, now: now))
        #expect(Visibility.isVisible(status: .published, publishedAt: now, embargoUntil: now, now: now))
    }
}

@Suite struct TextDiffTests {
    @Test func unchangedLinesStayAndEditsShowAsRemovedAndAdded() {
        #expect(
            TextDiff.lines(from: "a\nb\nc", to: "a\nB\nc\nd")
                == [.same("a"), .removed("b"), .added("B"), .same("c"), .added("d")])
        #expect(TextDiff.lines(from: "", to: "") == [.same("")])
        #expect(TextDiff.lines(from: "x", to: "x") == [.same("x")])
        #expect(TextDiff.lines(from: "", to: "new") == [.removed(""), .added("new")])
    }

    @Test func aLongBodyWithOneEditDiffsToThatEdit() {
        let lines = (0..<5_000).map { "line \($0)" }
        var edited = lines
        edited[2_500] = "changed"
        let diff = TextDiff.lines(from: lines.joined(separator: "\n"), to: edited.joined(separator: "\n"))
        #expect(
            diff.filter { if case .same = $0 { return false } else { return true } } == [
                .removed("line 2500"), .added("changed"),
            ])
    }

    @Test func aRewritePastTheEditLimitShowsEverythingReplaced() {
        let old = (0..<3_000).map { "old \($0)" }.joined(separator: "\n")
        let new = (0..<3_000).map { "new \($0)" }.joined(separator: "\n")
        let diff = TextDiff.lines(from: old, to: new)
        #expect(diff.count == 6_000)
    }
}

@Suite struct ArticleContentTests {
    let topic = Topic(id: UUID(), name: "Ukraine", slug: Slug("ukraine")!)

    @Test func aStoryNeedsAHeadlineAndALede() {
        let content = ArticleContent(slug: Slug("x")!, headline: " ", lede: "", bodyMarkdown: "")
        #expect(content.problems.count == 2)
        var fine = content
        fine.headline = "Headline"
        fine.lede = "Lede."
        #expect(fine.problems.isEmpty)
    }

    @Test func changedFieldsNameWhatASaveChanged() {
        let before = ArticleContent(slug: Slug("a")!, headline: "H", lede: "L", bodyMarkdown: "B")
        var after = before
        after.headline = "New"
        after.topics = [topic]
        #expect(after.changedFields(since: before) == ["headline", "topics"])
    }
}

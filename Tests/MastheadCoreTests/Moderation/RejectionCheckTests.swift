import MastheadCore
import Testing

@Suite struct RejectionCheckTests {
    @Test func aBannedCommenterIsRejected() {
        var context = ModerationContext.regular()
        #expect(ModerationCheck.commenterBanned.run(context, .defaults) == nil)
        context.commenterBanned = true
        #expect(ModerationCheck.commenterBanned.run(context, .defaults) == .reject(.commenterBanned))
    }

    @Test func aCommentOverTheSitesLengthIsRejectedCountingCharacters() {
        let policy = ModerationPolicy(maximumLength: 10)
        #expect(ModerationCheck.tooLong.run(.regular(String(repeating: "a", count: 10)), policy) == nil)
        #expect(ModerationCheck.tooLong.run(.regular(String(repeating: "a", count: 11)), policy) == .reject(.tooLong))
        #expect(ModerationCheck.tooLong.run(.regular(String(repeating: "e\u{301}", count: 10)), policy) == nil)
        #expect(ModerationCheck.tooLong.run(.regular(String(repeating: "a", count: 5_000)), .defaults) == nil)
    }

    @Test func aBannedWordIsRejectedOnlyAsAWholeWord() {
        let policy = ModerationPolicy(bannedWords: ["scum"])
        #expect(ModerationCheck.bannedWord.run(.regular("You are SCUM."), policy) == .reject(.bannedWord))
        #expect(ModerationCheck.bannedWord.run(.regular("Pond scummy in summer."), policy) == nil)
        #expect(ModerationCheck.bannedWord.run(.regular("You are scum."), .defaults) == nil)
    }

    @Test func anExactRepeatIsRejectedWhateverItsCaseSpacingAndPunctuation() {
        var context = ModerationContext.regular("the council  should publish THE WHOLE budget!!")
        #expect(ModerationCheck.repeatedComment.run(context, .defaults) == nil)
        context.recentBodies = ["Nice photo.", "The council should publish the whole budget."]
        #expect(ModerationCheck.repeatedComment.run(context, .defaults) == .reject(.repeatedComment))
    }

    @Test func aNearDuplicateIsNotARepeat() {
        var context = ModerationContext.regular("The council should publish its whole budget.")
        context.recentBodies = ["The council should publish the whole budget."]
        #expect(ModerationCheck.repeatedComment.run(context, .defaults) == nil)
    }

    @Test func aShortReplySaidTwiceIsNotARepeat() {
        var short = ModerationContext.regular("Thank you so much!")
        short.recentBodies = ["thank you so much"]
        #expect(ModerationCheck.repeatedComment.run(short, .defaults) == nil)
        var fiveWords = ModerationContext.regular("Thank you so much, Anna!")
        fiveWords.recentBodies = ["thank you so much anna"]
        #expect(ModerationCheck.repeatedComment.run(fiveWords, .defaults) == .reject(.repeatedComment))
    }
}

import Foundation
import MastheadCore
import Testing

@Suite struct ModerationReasonTests {
    @Test func everyReasonHasItsOwnSentence() {
        let sentences = ModerationReason.allCases.map(\.explanation)
        #expect(Set(sentences).count == ModerationReason.allCases.count)
        for sentence in sentences {
            #expect(sentence.hasPrefix("Your comment ") && sentence.hasSuffix("."), "\(sentence)")
        }
        #expect(
            ModerationReason.linkFromNewCommenter.explanation
                == "Your comment is waiting for a moderator because it contains a link and you are new here.")
    }

    @Test func heldCommentsSayTheyAreWaitingAndRejectedOnesThatTheyWereNotPublished() {
        let rejected: Set<ModerationReason> = [
            .commenterBanned, .tooLong, .bannedWord, .repeatedComment, .rejectedByModerator,
        ]
        for reason in ModerationReason.allCases {
            let expected = rejected.contains(reason) ? "was not published" : "is waiting for a moderator"
            #expect(reason.explanation.contains(expected), "\(reason)")
        }
    }

    /// The raw values are stored with held and rejected comments.
    @Test func reasonsKeepTheirStoredNames() throws {
        let encoded = try JSONEncoder().encode(ModerationReason.allCases)
        #expect(
            String(decoding: encoded, as: UTF8.self)
                == #"["commenterBanned","tooLong","bannedWord","repeatedComment","guest","preModeratedSite","#
                + #""preModeratedArticle","preModeratedCommenter","oftenRejected","firstComments","#
                + #""linkFromNewCommenter","suspectWord","rejectedByModerator"]"#)
    }
}

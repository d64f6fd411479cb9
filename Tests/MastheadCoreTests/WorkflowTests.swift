import MastheadCore
import Testing

@Suite struct WorkflowTests {
    /// Every move from every status by every role, own story or not, against the rules written out
    /// by hand: a table, so a change to the machine must change this too.
    @Test(arguments: Role.allCases)
    func everyMoveFromEveryStatusIsAllowedOrRefusedAsTheNewsroomExpects(role: Role) {
        let sources: [Workflow.Move: Set<ArticleStatus>] = [
            .submitForReview: [.draft], .returnToDraft: [.inReview, .scheduled, .unpublished],
            .schedule: [.draft, .inReview], .publish: [.draft, .inReview, .scheduled, .unpublished],
            .unpublish: [.published],
        ]
        for own in [true, false] {
            for move in Workflow.Move.allCases {
                for status in ArticleStatus.allCases {
                    let result = Workflow.apply(move, to: status, role: role, ownStory: own)
                    let roleMay: Bool
                    switch role {
                    case .admin, .editor: roleMay = true
                    case .moderator: roleMay = false
                    case .author: roleMay = own
                    case .contributor: roleMay = own && [.submitForReview, .returnToDraft].contains(move)
                    }
                    if !sources[move]!.contains(status) {
                        #expect(result == .failure(.notFrom(status, move)), "\(role) \(move) from \(status)")
                    } else if !roleMay {
                        #expect(result == .failure(.notAllowed(role, move)), "\(role) \(move) own:\(own)")
                    } else {
                        #expect(result == .success(move.target), "\(role) \(move) from \(status)")
                    }
                }
            }
        }
    }

    @Test func theButtonsOfferedAreTheMovesAllowed() {
        #expect(Workflow.available(from: .draft, role: .contributor, ownStory: true) == [.submitForReview])
        #expect(Workflow.available(from: .draft, role: .contributor, ownStory: false).isEmpty)
        #expect(
            Workflow.available(from: .draft, role: .author, ownStory: true) == [.submitForReview, .schedule, .publish])
        #expect(Workflow.available(from: .published, role: .author, ownStory: true) == [.unpublish])
        #expect(Workflow.available(from: .published, role: .author, ownStory: false).isEmpty)
        #expect(Workflow.available(from: .published, role: .contributor, ownStory: true).isEmpty)
        #expect(Workflow.available(from: .published, role: .editor, ownStory: false) == [.unpublish])
        #expect(Workflow.available(from: .published, role: .moderator, ownStory: false).isEmpty)
    }

    @Test func refusalsSayWhatWasRefusedInWords() {
        #expect(
            Workflow.Refusal.notAllowed(.contributor, .publish).description
                == "Your role (contributor) may not “Publish now” this story.")
        #expect(
            Workflow.Refusal.notFrom(.published, .schedule).description
                == "A story that is published cannot be moved by “Schedule”.")
    }

    @Test func rolesNestAsTheNewsroomExpects() {
        #expect(Role.contributor.mayEdit(ownStory: true))
        #expect(!Role.contributor.mayEdit(ownStory: false))
        #expect(Role.editor.mayEdit(ownStory: false))
        #expect(!Role.moderator.mayEdit(ownStory: true))
        #expect(Role.moderator.moderates && !Role.author.moderates)
        #expect(Role.admin.administers && !Role.editor.administers)
    }
}

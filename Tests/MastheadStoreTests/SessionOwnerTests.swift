import Foundation
import MastheadCore
import MastheadTesting
import Testing

@testable import MastheadStore

/// Sessions know the account they sign in, so its sessions can be ended together (issue 19, defect 6).
@Suite struct SessionOwnerTests {
    static let now = Date(timeIntervalSince1970: 1_739_530_800)

    @Test func endingAnAccountsSessionsLeavesEveryoneElsesAlone() async throws {
        try await FreshDatabase.with { store in
            let ola = UUID()
            let piotr = UUID()
            for (key, owner) in [("reader:a", ola), ("reader:b", ola), ("reader:c", piotr)] {
                try await store.sessions.create(
                    key: key, value: owner.uuidString, accountID: owner, expiresAt: Self.now.addingTimeInterval(60))
            }
            try await store.sessions.endSessions(ofAccount: ola)
            #expect(try await store.sessions.get(key: "reader:a", now: Self.now) == nil)
            #expect(try await store.sessions.get(key: "reader:b", now: Self.now) == nil)
            #expect(try await store.sessions.get(key: "reader:c", now: Self.now)?.value == piotr.uuidString)
        }
    }

    /// Sessions started before the upgrade were stored without their account; the migration finds it in
    /// what each holds, so the upgrade signs nobody out and a later password change ends them too.
    @Test func theMigrationGivesOlderSessionsTheirAccount() async throws {
        try await FreshDatabase.with { store in
            let reader = UUID()
            let staff = UUID()
            let newsroomValue = #"{"accountID":"\#(staff.uuidString)","csrfToken":"abc"}"#
            for (key, value) in [("reader:old", reader.uuidString), ("newsroom.old", newsroomValue), ("x", "?")] {
                try await store.sessions.create(key: key, value: value, accountID: nil, expiresAt: nil)
            }
            try await M028RecordSessionOwnersAndSignUpRequests.giveSessionsTheirOwners(on: store.database)
            #expect(try await store.sessions.get(key: "newsroom.old", now: Self.now) != nil)
            try await store.sessions.endSessions(ofAccount: reader)
            try await store.sessions.endSessions(ofAccount: staff)
            #expect(try await store.sessions.get(key: "reader:old", now: Self.now) == nil)
            #expect(try await store.sessions.get(key: "newsroom.old", now: Self.now) == nil)
            #expect(try await store.sessions.get(key: "x", now: Self.now) != nil, "a value naming no one stays")
        }
    }

    @Test func deletingAReadersAccountEndsEveryOneOfItsSessions() async throws {
        try await FreshDatabase.with { store in
            let accounts = store.commenterAccountActions(passwordCost: 4)
            let reader = try await accounts.createVerified(
                displayName: "Ola", email: "ola@example.com", password: "a long password", now: Self.now)
            for key in ["reader:laptop", "reader:phone"] {
                try await store.sessions.create(
                    key: key, value: reader.id.uuidString, accountID: reader.id, expiresAt: nil)
            }
            try await accounts.deleteAccount(reader, now: Self.now)
            #expect(try await store.sessions.get(key: "reader:laptop", now: Self.now) == nil)
            #expect(try await store.sessions.get(key: "reader:phone", now: Self.now) == nil)
        }
    }

    /// What `printf 'pw\npw\n' | masthead user create …` used to store: no browser can type it.
    @Test func aNewsroomPasswordWithControlCharactersIsRefused() async throws {
        try await FreshDatabase.with { store in
            for password in ["correct horse battery\ncorrect horse battery", "correct\thorse battery"] {
                let problem = try #require(StaffAccount.passwordProblem(password))
                #expect(problem.contains("control characters"))
                await #expect(throws: ActionError.invalid([problem])) {
                    try await store.accountActions(passwordCost: 4).create(
                        email: "admin@example.com", name: "Admin", role: .admin, password: password, by: nil,
                        now: Self.now)
                }
            }
            #expect(try await store.accounts.find(email: "admin@example.com") == nil)
        }
    }
}

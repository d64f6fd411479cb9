import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

/// A stranger who knows an editor's email and types five wrong passwords shuts the account to new
/// places, not to the addresses the editor signs in from.
@Suite struct SignInKnownAddressTests {
    @Test func aStrangersGuessesDoNotShutTheAccountWhereItIsUsed() async throws {
        try await FreshDatabase.with { store in
            try await SignInTests.seedStaff(store)
            let signIn = store.signIn(passwordCost: 4)
            let editor = "editor@example.com"
            let office = "203.0.113.7"
            let answer = { @Sendable (password: String, address: String) in
                try await SignInTests.answer(signIn, .staff, editor, password, from: address)
            }
            #expect(try await answer(SignInTests.password, office) == .signedIn)
            for index in 1...5 {
                #expect(try await answer("guess \(index)", "198.51.100.\(index)") == .wrong)
            }
            // New places are shut: the account-wide count holds.
            #expect(try await answer(SignInTests.password, "192.0.2.44") == .throttled)
            #expect(try await answer("guess 6", "198.51.100.6") == .throttled)
            // The office is not.
            #expect(try await answer(SignInTests.password, office) == .signedIn)
        }
    }

    @Test func aKnownAddressStillHasItsOwnLimit() async throws {
        try await FreshDatabase.with { store in
            try await SignInTests.seedStaff(store)
            let signIn = store.signIn(passwordCost: 4)
            let office = "203.0.113.7"
            let answer = { @Sendable (password: String) in
                try await SignInTests.answer(signIn, .staff, "editor@example.com", password, from: office)
            }
            #expect(try await answer(SignInTests.password) == .signedIn)
            for index in 1...5 { #expect(try await answer("typo \(index)") == .wrong) }
            #expect(try await answer(SignInTests.password) == .throttled)
        }
    }

    @Test func anAddressIsForgottenAfterItsTime() async throws {
        try await FreshDatabase.with { store in
            try await SignInTests.seedStaff(store)
            var throttle = SignInThrottle()
            throttle.knownAddressMemory = 60
            let signIn = store.signIn(passwordCost: 4, throttle: throttle)
            let office = "203.0.113.7"
            let then = SignInTests.now.addingTimeInterval(-120)
            _ = try await signIn.attempt(
                .staff, email: "editor@example.com", password: SignInTests.password, address: office, now: then)
            for index in 1...5 {
                let answer = try await SignInTests.answer(
                    signIn, .staff, "editor@example.com", "guess", from: "198.51.100.\(index)")
                #expect(answer == .wrong)
            }
            let fromOffice = try await SignInTests.answer(
                signIn, .staff, "editor@example.com", SignInTests.password, from: office)
            #expect(fromOffice == .throttled)
        }
    }
}

import MastheadCore
import Testing

@Suite struct ReaderRegistrationTests {
    let password = "correct horse"

    @Test func acceptsAndNormalizesAnOrdinaryRegistration() throws {
        let result = try ReaderRegistration(
            displayName: "  Ola\u{202E} ", email: "  Ola.Nordmann+News@Example.COM\n", password: " spaced out "
        ).validated().get()
        #expect(
            result
                == ReaderRegistration(
                    displayName: "Ola", email: "ola.nordmann+news@example.com", password: " spaced out "))
    }

    @Test func acceptsReadersFromEverywhere() {
        let valid: [(name: String, email: String)] = [
            ("Zoë Øster-Nguyễn", "zoe@example.co.uk"),
            ("李小龙", "li@例え.jp"),
            ("Ólafur 👩🏽‍💻", "olafur@mail.example.is"),
            ("O'Brien", "o'brien@example.com"),
            ("a", "a@b.c"),
            ("x", String(repeating: "l", count: 64) + "@example.com"),
        ]
        for (name, email) in valid {
            #expect(problems(name: name, email: email).isEmpty, "\(name) <\(email)>")
        }
    }

    @Test func appliesTheCommentNameRules() {
        #expect(problems(name: " \u{200B} ") == [.nameMissing])
        #expect(problems(name: String(repeating: "n", count: 80)).isEmpty)
        #expect(problems(name: String(repeating: "n", count: 81)) == [.nameTooLong(count: 81)])
        let family = "👨🏽‍👩🏽‍👧🏽‍👦🏽"
        #expect(problems(name: String(repeating: family, count: 80)) == [.nameTooComplex])
        let zalgo = "Z" + String(repeating: "\u{0301}", count: 9)
        #expect(problems(name: zalgo) == [.nameHasStackedMarks(count: 9)])
    }

    @Test func needsAnEmailAddressOfTheRightShape() {
        let cases: [(String, ReaderRegistration.Problem)] = [
            ("", .emailMissing),
            ("   ", .emailMissing),
            (String(repeating: "a", count: 60) + "@" + String(repeating: "b", count: 190) + ".com", .emailTooLong),
            ("ola nordmann@example.com", .emailHasForbiddenCharacters),
            ("ola@exa\tmple.com", .emailHasForbiddenCharacters),
            ("ola@example.com\u{0}", .emailHasForbiddenCharacters),
            ("ola\u{200B}@example.com", .emailHasForbiddenCharacters),
            ("Ola <ola@example.com>", .emailHasForbiddenCharacters),
            ("\"ola\"@example.com", .emailHasForbiddenCharacters),
            ("ola@example.com,eve@example.com", .emailHasForbiddenCharacters),
            ("ola.example.com", .emailNeedsOneAt),
            ("ola@@example.com", .emailNeedsOneAt),
            ("ola@eve@example.com", .emailNeedsOneAt),
            ("@example.com", .emailLocalPartMissing),
            (String(repeating: "l", count: 65) + "@example.com", .emailLocalPartTooLong),
            ("ola@", .emailDomainIncomplete),
            ("ola@localhost", .emailDomainIncomplete),
            ("ola@example.", .emailDomainIncomplete),
            ("ola@.com", .emailDomainIncomplete),
            ("ola@example..com", .emailDomainIncomplete),
        ]
        for (email, problem) in cases {
            #expect(problems(email: email) == [problem], "\(email)")
        }
    }

    @Test func needsAPasswordOfSensibleLength() {
        #expect(problems(password: "") == [.passwordMissing])
        #expect(problems(password: "            ") == [.passwordBlank])
        #expect(
            problems(password: "\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}")
                == [.passwordBlank])
        #expect(problems(password: "123456789") == [.passwordTooShort(count: 9)])
        #expect(problems(password: "1234567890").isEmpty)
        #expect(problems(password: "ñ🙂 ñ🙂 ñ🙂 ñ").isEmpty)
        #expect(problems(password: String(repeating: "p", count: 200)).isEmpty)
        #expect(problems(password: String(repeating: "p", count: 201)) == [.passwordTooLong(count: 201)])
        #expect(problems(password: String(repeating: "👨🏽‍👩🏽‍👧🏽‍👦🏽", count: 200)) == [.passwordTooComplex])
    }

    @Test func reportsEveryProblemAtOnceInPlainWords() {
        let found = problems(name: "", email: "nobody", password: "short")
        #expect(found == [.nameMissing, .emailNeedsOneAt, .passwordTooShort(count: 5)])
        let all: [ReaderRegistration.Problem] = [
            .nameMissing, .nameTooLong(count: 81), .nameTooComplex, .nameHasStackedMarks(count: 9), .emailMissing,
            .emailTooLong, .emailHasForbiddenCharacters, .emailNeedsOneAt, .emailLocalPartMissing,
            .emailLocalPartTooLong, .emailDomainIncomplete, .passwordMissing, .passwordBlank,
            .passwordTooShort(count: 5), .passwordTooLong(count: 201), .passwordTooComplex,
        ]
        #expect(all.map(\.description).allSatisfy { $0.hasSuffix(".") && $0.first!.isUppercase })
        #expect(Set(all.map(\.description)).count == all.count)
    }

    @Test func normalizesAnAddressForSignIn() {
        #expect(ReaderRegistration.normalizedEmail("  Ola@Example.COM \n") == "ola@example.com")
        #expect(ReaderRegistration.normalizedEmail("ZOË@EXAMPLE.COM") == "zoë@example.com")
    }

    private func problems(
        name: String = "Ola", email: String = "ola@example.com", password: String = "correct horse"
    ) -> [ReaderRegistration.Problem] {
        switch ReaderRegistration(displayName: name, email: email, password: password).validated() {
        case .success: return []
        case .failure(let failure): return failure.problems
        }
    }
}

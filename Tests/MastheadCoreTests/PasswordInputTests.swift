import MastheadCore
import Testing

/// `masthead user create` reads the password from the first line of piped input (issue 19, defect 14).
@Suite struct PasswordInputTests {
    @Test func thePasswordIsTheFirstLineWithoutItsLineEnding() {
        #expect(
            PasswordInput.firstLine(of: "correct horse battery\ncorrect horse battery\n") == "correct horse battery")
        #expect(PasswordInput.firstLine(of: "correct horse battery\r\nagain\r\n") == "correct horse battery")
        #expect(PasswordInput.firstLine(of: "correct horse battery") == "correct horse battery")
        #expect(PasswordInput.firstLine(of: "  spaces count  \n") == "  spaces count  ")
        #expect(PasswordInput.firstLine(of: "\nsecond line") == "")
        #expect(PasswordInput.firstLine(of: "") == "")
    }

    @Test func aPasswordWithControlCharactersIsRefusedInWordsThatSayWhy() {
        for password in ["correct horse\tbattery", "correct horse battery\r", "correct horse\u{7F}battery"] {
            #expect(
                StaffAccount.passwordProblem(password)
                    == "Passwords cannot contain line breaks, tabs or other control characters; choose one you can type."
            )
        }
        #expect(StaffAccount.passwordProblem("correct horse battery") == nil)
        #expect(StaffAccount.passwordProblem("zażółć gęślą jaźń") == nil)
    }
}

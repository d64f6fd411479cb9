import Testing

@testable import MastheadWeb

@Suite struct SMTPConfigurationTests {
    @Test func aURLWithCredentialsAndPort() throws {
        let configuration = try #require(
            SMTPConfiguration(url: "smtp://desk%40news.example:p%40ss%3A1@mail.internal:2525"))
        #expect(
            configuration
                == SMTPConfiguration(
                    host: "mail.internal", port: 2525, username: "desk@news.example", password: "p@ss:1",
                    heloName: "localhost"))
    }

    @Test func aBareHostUsesPort25AndNoLogin() {
        #expect(
            SMTPConfiguration(url: "smtp://relay.internal", heloName: "news.example")
                == SMTPConfiguration(host: "relay.internal", port: 25, heloName: "news.example"))
        #expect(SMTPConfiguration(url: "SMTP://[::1]:2525")?.host == "::1")
    }

    @Test(arguments: [
        "smtps://relay.internal", "http://relay.internal", "smtp://", "smtp:///path", "smtp://relay.internal:0",
        "smtp://relay.internal:70000", "relay.internal:25", "",
    ])
    func otherURLsAreRefused(url: String) {
        #expect(SMTPConfiguration(url: url) == nil)
    }
}

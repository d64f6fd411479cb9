import Foundation
import MastheadCore
import NIOCore
import Testing

@testable import MastheadWeb

/// The client against a real SMTP server on loopback (`smtp_sink.py`), including servers that refuse,
/// say nothing, or say too much.
@Suite struct SMTPClientTests {
    static let date = Date(timeIntervalSince1970: 1_739_529_600)
    static let message = MailMessage(
        from: MailAddress(name: "Desk, The Örebro Times", address: "desk@news.example"),
        to: MailAddress(name: "Zoë Ångström", address: "zoe@example.org"),
        subject: "Réinitialisation du mot de passe — demandée à 10 h 40, ne répondez pas à ce message",
        text: [
            "Bonjour Zoë,", "", "A line with a single dot follows, then one that starts with two:", ".",
            "..and that is all.", "Price: 5 = five, with a trailing space ",
            String(repeating: "A long line that needs soft breaks. ", count: 5), "",
        ].joined(separator: "\n")
    )

    static func client(_ port: Int, url: String? = nil, replyTimeout: TimeAmount = .seconds(30)) throws -> SMTPClient {
        let configuration = try #require(
            SMTPConfiguration(url: url ?? "smtp://127.0.0.1:\(port)", heloName: "news.example"))
        return SMTPClient(configuration: configuration, replyTimeout: replyTimeout)
    }

    @Test func aRealServerReceivesTheEnvelopeAndTheExactText() async throws {
        try await SMTPSink.run { sink in
            let url = "smtp://desk%40news.example:p%40ss%3Aw0rd@127.0.0.1:\(sink.port)"
            try await Self.client(sink.port, url: url).send(
                Self.message, date: Self.date, messageID: "1.2@news.example")
            let records = try sink.records()
            #expect(records.count == 1)
            let record = try #require(records.first)
            #expect(record.helo == ["EHLO", "news.example"])
            #expect(record.auth == ["", "desk@news.example", "p@ss:w0rd"])
            #expect(record.mail_from == "<desk@news.example>")
            #expect(record.rcpt_to == ["<zoe@example.org>"])
            #expect(record.subject == Self.message.subject)
            #expect(record.from_name == "Desk, The Örebro Times")
            #expect(record.to_name == "Zoë Ångström")
            #expect(record.body == Self.message.text)
            // Dot-stuffing undone by the server gives back the lines as written.
            #expect(record.data.contains("\r\n.\r\n..and that is all.\r\n"))
            #expect(record.data == Self.message.wireFormat(date: Self.date, messageID: "1.2@news.example"))
        }
    }

    @Test func anOldServerThatRefusesEHLOIsGreetedWithHELO() async throws {
        try await SMTPSink.run(["--refuse-ehlo"]) { sink in
            try await Self.client(sink.port).send(Self.message, date: Self.date, messageID: "1.2@news.example")
            let record = try #require(try sink.records().first)
            #expect(record.helo == ["HELO", "news.example"])
            #expect(record.auth == nil)
        }
    }

    @Test func aRefusedRecipientNamesTheStepAndTheServersAnswer() async throws {
        try await SMTPSink.run(["--refuse-rcpt"]) { sink in
            let error = try await #require(throws: SMTPError.self) {
                try await Self.client(sink.port).send(Self.message, date: Self.date, messageID: "1.2@news.example")
            }
            #expect(error == .refused(step: .rcptTo, code: 550, text: "no such user"))
            #expect(error.description == "The mail server refused RCPT TO with 550: no such user")
            #expect(try sink.records().isEmpty)
        }
    }

    @Test func aClosedPortFailsQuicklyAndSaysWhere() async throws {
        // Once the sink has stopped, nothing listens on its port.
        let port = try await SMTPSink.run { $0.port }
        let started = ContinuousClock.now
        let error = try await #require(throws: SMTPError.self) {
            try await Self.client(port).send(Self.message, date: Self.date, messageID: "1.2@news.example")
        }
        #expect(ContinuousClock.now - started < .seconds(3))
        #expect(error == .connectionFailed(host: "127.0.0.1", port: port, reason: "Connection refused"))
        #expect(error.description == "Could not connect to the mail server at 127.0.0.1:\(port): Connection refused")
    }

    @Test func aServerThatSaysNothingTimesOut() async throws {
        try await SMTPSink.run(["--silent"]) { sink in
            let started = ContinuousClock.now
            let error = try await #require(throws: SMTPError.self) {
                try await Self.client(sink.port, replyTimeout: .milliseconds(300)).send(
                    Self.message, date: Self.date, messageID: "1.2@news.example")
            }
            #expect(ContinuousClock.now - started < .seconds(5))
            #expect(error == .timedOut(step: .greeting, after: .milliseconds(300)))
            #expect(error.description == "The mail server did not answer the connection within 0.3 seconds")
        }
    }

    @Test(arguments: [["--greeting-width", "1200"], ["--greeting-lines", "101"]])
    func aServerThatSaysTooMuchIsCutOff(options: [String]) async throws {
        try await SMTPSink.run(options) { sink in
            let error = try await #require(throws: SMTPError.self) {
                try await Self.client(sink.port).send(Self.message, date: Self.date, messageID: "1.2@news.example")
            }
            #expect(error == .replyTooLong(step: .greeting))
        }
    }

    @Test(arguments: [["--greeting-width", "991"], ["--greeting-lines", "100"]])
    func aLongButBoundedGreetingIsRead(options: [String]) async throws {
        try await SMTPSink.run(options) { sink in
            try await Self.client(sink.port).send(Self.message, date: Self.date, messageID: "1.2@news.example")
            #expect(try sink.records().count == 1)
        }
    }

    @Test func anAddressThatCouldInjectACommandIsRefusedBeforeConnecting() async throws {
        var message = Self.message
        message.to.address = "zoe@example.org>\r\nRCPT TO:<else@example.org"
        let error = try await #require(throws: SMTPError.self) {
            try await Self.client(1).send(message, date: Self.date, messageID: "1.2@news.example")
        }
        #expect(error == .undeliverable(address: message.to.address))
    }
}

import Foundation
import Testing

@testable import MastheadCore

@Suite struct MailMessageTests {
    static let date = Date(timeIntervalSince1970: 1_739_529_600)

    static func message(
        from: MailAddress = MailAddress(name: "The Desk", address: "desk@news.example"),
        to: MailAddress = MailAddress(address: "zoe@example.org"), subject: String = "Hello", text: String = "Hi\n"
    ) -> MailMessage {
        MailMessage(from: from, to: to, subject: subject, text: text)
    }

    static func headers(_ wire: String) -> [String] {
        wire.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
    }

    static func body(_ wire: String) -> String {
        wire.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
    }

    /// Quoted-printable decoded independently of the encoder: soft breaks joined, escapes read.
    static func decodeQuotedPrintable(_ body: String) -> String {
        let joined = Array(body.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index < joined.count {
            if joined[index] == UInt8(ascii: "="),
                let byte = UInt8(String(decoding: joined[index + 1...index + 2], as: UTF8.self), radix: 16)
            {
                bytes.append(byte)
                index += 3
            } else {
                bytes.append(joined[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// The text of a header's encoded-words, decoded.
    static func decodeEncodedWords(_ value: String) -> String {
        let words = value.split(whereSeparator: { $0 == " " || $0 == "\r\n" })
        let bytes = words.flatMap { word -> [UInt8] in
            #expect(word.hasPrefix("=?utf-8?B?") && word.hasSuffix("?="), "\(word)")
            return Array(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))) ?? Data())
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func aPlainMessageReadsAsExpected() {
        let wire = Self.message().wireFormat(date: Self.date, messageID: "1739529600.1@news.example")
        #expect(
            wire == """
                Date: Fri, 14 Feb 2025 10:40:00 +0000\r
                From: The Desk <desk@news.example>\r
                To: zoe@example.org\r
                Subject: Hello\r
                Message-ID: <1739529600.1@news.example>\r
                MIME-Version: 1.0\r
                Content-Type: text/plain; charset=utf-8\r
                Content-Transfer-Encoding: quoted-printable\r
                \r
                Hi\r

                """)
    }

    @Test func everyLineEndsInCRLF() {
        let wire = Self.message(subject: String(repeating: "Très long sujet ", count: 12), text: "a\nb\r\nc\rd\n\n")
            .wireFormat(date: Self.date, messageID: "x@y")
        let bytes = Array(wire.utf8)
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n") { #expect(index > 0 && bytes[index - 1] == UInt8(ascii: "\r")) }
            if byte == UInt8(ascii: "\r") { #expect(index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n")) }
        }
        #expect(wire.hasSuffix("\r\n"))
        #expect(Self.body(wire) == "a\r\nb\r\nc\r\nd\r\n\r\n")
    }

    @Test func aSubjectCannotAddAHeader() {
        let wire = Self.message(subject: "Hello\r\nBcc: everyone@example.org\n\0X-Evil: 1")
            .wireFormat(date: Self.date, messageID: "x@y\r\nBcc: a@b")
        let headers = Self.headers(wire)
        #expect(headers.contains("Subject: HelloBcc: everyone@example.orgX-Evil: 1"))
        #expect(headers.contains("Message-ID: <x@yBcc: a@b>"))
        #expect(!headers.contains { $0.hasPrefix("Bcc") || $0.hasPrefix("X-Evil") })
        #expect(headers.count == 8)
    }

    @Test func aNameOrAnAddressCannotAddAHeader() {
        let wire = Self.message(
            from: MailAddress(name: "Eve\r\nBcc: everyone@example.org", address: "eve@example.org\nX-Evil: 1"),
            to: MailAddress(name: "\0", address: "zoe@example.org")
        ).wireFormat(date: Self.date, messageID: "x@y")
        let headers = Self.headers(wire)
        #expect(headers.contains("From: \"EveBcc: everyone@example.org\" <eve@example.orgX-Evil: 1>"))
        #expect(headers.contains("To: zoe@example.org"))
        #expect(headers.count == 8)
    }

    @Test func namesWithSpecialsAreQuoted() {
        let wire = Self.message(from: MailAddress(name: "Kowalska, Anna \"AK\" \\ desk", address: "anna@news.example"))
            .wireFormat(date: Self.date, messageID: "x@y")
        #expect(Self.headers(wire).contains("From: \"Kowalska, Anna \\\"AK\\\" \\\\ desk\" <anna@news.example>"))
    }

    @Test func nonASCIISubjectsAndNamesAreEncodedWordsFoldedWithinTheLineLimit() throws {
        let subject = "Réinitialisation du mot de passe — demandée à 10 h 40 par Zoë Ångström, 東京支局"
        let wire = Self.message(from: MailAddress(name: "Zoë Ångström", address: "zoe@example.org"), subject: subject)
            .wireFormat(date: Self.date, messageID: "x@y")
        let head = wire.components(separatedBy: "\r\n\r\n")[0]
        for line in head.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 78, "\(line)")
            #expect(line.unicodeScalars.allSatisfy { $0.isASCII }, "\(line)")
        }
        let unfolded = head.replacingOccurrences(of: "\r\n ", with: " ").components(separatedBy: "\r\n")
        let subjectLine = try #require(unfolded.first { $0.hasPrefix("Subject: ") })
        #expect(head.contains("Subject: =?utf-8?B?"))
        #expect(head.components(separatedBy: "\r\n =?utf-8?B?").count > 2, "a long subject takes several lines")
        #expect(Self.decodeEncodedWords(String(subjectLine.dropFirst(9))) == subject)
        let fromLine = try #require(unfolded.first { $0.hasPrefix("From: ") })
        #expect(fromLine.hasSuffix(" <zoe@example.org>"))
        #expect(Self.decodeEncodedWords(String(fromLine.dropFirst(6).dropLast(18))) == "Zoë Ångström")
    }

    @Test func anASCIISubjectThatLooksEncodedIsEncoded() {
        let wire = Self.message(subject: "=?utf-8?B?SGk=?=").wireFormat(date: Self.date, messageID: "x@y")
        #expect(Self.headers(wire).contains("Subject: =?utf-8?B?PT91dGYtOD9CP1NHaz0/PQ==?="))
    }

    @Test func aLongASCIISubjectFoldsAtSpaces() {
        let subject = String(repeating: "Budget vote delayed again ", count: 6) + "today"
        let head = Self.headers(Self.message(subject: subject).wireFormat(date: Self.date, messageID: "x@y"))
        #expect(head.allSatisfy { $0.utf8.count <= 78 })
        #expect(
            head.joined(separator: "\r\n").replacingOccurrences(of: "\r\n ", with: " ").contains("Subject: " + subject))
    }

    @Test func theBodyIsQuotedPrintableWithinTheLineLimit() {
        let text = [
            String(repeating: "Ünïcödé and ASCII = mixed; ", count: 8), "trailing spaces   ", "trailing tab\t", ".",
            "..two dots", "=3D is not an escape here", String(repeating: "x", count: 200), "",
        ].joined(separator: "\n")
        let body = Self.body(Self.message(text: text).wireFormat(date: Self.date, messageID: "x@y"))
        let lines = body.components(separatedBy: "\r\n").dropLast()
        for line in lines {
            #expect(line.utf8.count <= 76, "\(line)")
            #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"), "\(line)")
            #expect(line.unicodeScalars.allSatisfy { $0.isASCII && ($0.value >= 0x20 || $0 == "\t") }, "\(line)")
        }
        #expect(lines.contains("trailing spaces  =20"))
        #expect(lines.contains("trailing tab=09"))
        #expect(lines.contains("."), "a lone dot is left for SMTP's dot-stuffing")
        #expect(lines.contains("..two dots"))
        #expect(lines.contains("=3D3D is not an escape here"))
        #expect(body.hasPrefix("=C3=9Cn=C3=AFc=C3=B6d=C3=A9 and ASCII =3D mixed;"))
        #expect(Self.decodeQuotedPrintable(body) == text)
    }

    @Test func aTextWithoutAFinalLineBreakGetsOne() {
        let body = Self.body(Self.message(text: "one\ntwo").wireFormat(date: Self.date, messageID: "x@y"))
        #expect(body == "one\r\ntwo\r\n")
        #expect(Self.body(Self.message(text: "").wireFormat(date: Self.date, messageID: "x@y")) == "\r\n")
    }

    @Test(arguments: ["zoe@example.org", "a.b+tag@sub.example.co.uk", "üser@exämple.de"])
    func deliverableAddresses(address: String) {
        #expect(MailAddress.isDeliverable(address))
    }

    @Test(arguments: [
        "", "zoe", "@example.org", "zoe@", "zoe@@example.org", "a@b@c", "zoe @example.org", "zoe@example.org\r\n",
        "zoe@exa\tmple.org", "<zoe@example.org>", "zoe@example.org>", "zoe\0@example.org", "zoe@example.org\u{85}",
        "zoe\u{A0}@example.org",
    ])
    func undeliverableAddresses(address: String) {
        #expect(!MailAddress.isDeliverable(address))
    }
}

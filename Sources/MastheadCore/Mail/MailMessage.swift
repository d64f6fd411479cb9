import Foundation

/// One plain-text message to one person, as the newsroom sends them (password resets, notices).
public struct MailMessage: Sendable, Equatable {
    public var from: MailAddress
    public var to: MailAddress
    public var subject: String
    /// The body, with any line endings; it is sent as UTF-8 lines.
    public var text: String

    public init(from: MailAddress, to: MailAddress, subject: String, text: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
    }

    /// The message as RFC 5322 text with CRLF line endings, ready for SMTP's DATA (which still has to
    /// dot-stuff it). The date and the id are passed in so that the same message always reads the same.
    ///
    /// No header can be forged through a field: CR, LF and NUL are dropped from every value, and a
    /// subject or display name that is not plain ASCII travels as RFC 2047 encoded-words. The body is
    /// quoted-printable, so its lines stay within 76 characters and no trailing space is lost; it
    /// always ends with a line break, as SMTP carries whole lines.
    ///
    /// - Parameter messageID: the id without angle brackets, such as `1739529600.42@news.example`.
    public func wireFormat(date: Date, messageID: String) -> String {
        let id = MailHeader.clean(messageID).trimmingCharacters(in: CharacterSet(charactersIn: "<> "))
        let headers = [
            "Date: " + FeedWriter.rfc822(date),
            MailHeader.field("From", mailbox: from),
            MailHeader.field("To", mailbox: to),
            MailHeader.field("Subject", text: subject),
            "Message-ID: <\(id)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
        ]
        return headers.map { $0 + "\r\n" }.joined() + "\r\n" + QuotedPrintable.encode(text)
    }
}

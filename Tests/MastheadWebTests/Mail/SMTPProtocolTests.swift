import NIOCore
import Testing

@testable import MastheadWeb

/// The pieces of the dialogue that need no server: replies and the data block.
@Suite struct SMTPProtocolTests {
    @Test func aMultiLineReplyEndsAtItsLastLine() throws {
        var reader = SMTPReplyReader()
        #expect(try reader.add("250-news.example greets you", step: .ehlo) == nil)
        #expect(try reader.add("250-AUTH PLAIN", step: .ehlo) == nil)
        let reply = try reader.add("250 8BITMIME", step: .ehlo)
        #expect(reply == SMTPReply(code: 250, lines: ["news.example greets you", "AUTH PLAIN", "8BITMIME"]))
        #expect(reply?.text == "news.example greets you AUTH PLAIN 8BITMIME")
        var bare = SMTPReplyReader()
        #expect(try bare.add("354", step: .data) == SMTPReply(code: 354, lines: [""]))
    }

    @Test(arguments: [["hello"], ["25"], ["250x"], ["099 low"], ["250-first", "251 second"], ["abc text"]])
    func linesThatAreNotSMTPAreRefused(lines: [String]) throws {
        var reader = SMTPReplyReader()
        #expect(throws: SMTPError.malformedReply(step: .mailFrom, line: lines.last!)) {
            for line in lines { _ = try reader.add(line, step: .mailFrom) }
        }
    }

    @Test func dotsThatStartALineAreDoubledAndTheEndMarkerFollows() {
        let block = SMTPConversation.dataBlock(".first\r\nmiddle.\r\n.\r\n..two\r\nlast")
        #expect(String(buffer: block) == "..first\r\nmiddle.\r\n..\r\n...two\r\nlast\r\n.\r\n")
        #expect(String(buffer: SMTPConversation.dataBlock("line\r\n")) == "line\r\n.\r\n")
    }
}

import Foundation
import MastheadCore
import NIOCore
import NIOPosix

/// Hands messages to an SMTP relay, one connection per message, and returns once the relay has taken
/// responsibility for it (its 250 after the data).
///
/// It speaks plain SMTP without STARTTLS: the relay is expected on loopback or a private network (a
/// local Postfix, a provider's sidecar) that forwards mail onwards over TLS itself. AUTH PLAIN's
/// password therefore never crosses the internet in clear.
struct SMTPClient: Sendable {
    let configuration: SMTPConfiguration
    /// How long the relay may take to accept the connection, and then to answer each command.
    let connectTimeout: TimeAmount
    let replyTimeout: TimeAmount

    init(
        configuration: SMTPConfiguration, connectTimeout: TimeAmount = .seconds(10),
        replyTimeout: TimeAmount = .seconds(30)
    ) {
        self.configuration = configuration
        self.connectTimeout = connectTimeout
        self.replyTimeout = replyTimeout
    }

    /// Sends `message` with the date and id it will carry. Throws an `SMTPError` naming the step that
    /// failed and what the server said; the connection is closed whatever happens.
    func send(_ message: MailMessage, date: Date, messageID: String) async throws {
        for address in [message.from.address, message.to.address] where !MailAddress.isDeliverable(address) {
            throw SMTPError.undeliverable(address: address)
        }
        let heloName = configuration.heloName
        guard !heloName.isEmpty, !heloName.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F })
        else { throw SMTPError.unusableHeloName(heloName) }
        let wireFormat = message.wireFormat(date: date, messageID: messageID)
        let channel = try await connect()
        try await channel.executeThenClose { inbound, outbound in
            var conversation = SMTPConversation(
                inbound: inbound, outbound: outbound, channel: channel.channel, replyTimeout: replyTimeout)
            try await conversation.expect(.greeting)
            try await greet(&conversation)
            if let username = configuration.username {
                let credentials = Data("\0\(username)\0\(configuration.password ?? "")".utf8).base64EncodedString()
                try await conversation.command("AUTH PLAIN \(credentials)", step: .auth)
            }
            try await conversation.command("MAIL FROM:<\(message.from.address)>", step: .mailFrom)
            try await conversation.command("RCPT TO:<\(message.to.address)>", step: .rcptTo)
            try await conversation.command("DATA", step: .data, expecting: 3)
            try await conversation.deliver(wireFormat)
            // The relay has the message now: a QUIT that goes wrong must not make the caller send it again.
            try? await conversation.command("QUIT", step: .quit)
        }
    }

    /// EHLO, or HELO for an old server that refuses EHLO with a 5xx.
    private func greet(_ conversation: inout SMTPConversation) async throws {
        try await conversation.write(ByteBuffer(string: "EHLO \(configuration.heloName)\r\n"), step: .ehlo)
        let reply = try await conversation.reply(to: .ehlo)
        switch reply.kind {
        case 2: return
        case 5: try await conversation.command("HELO \(configuration.heloName)", step: .helo)
        default: throw SMTPError.refused(step: .ehlo, code: reply.code, text: reply.text)
        }
    }

    private func connect() async throws -> NIOAsyncChannel<String, ByteBuffer> {
        let (host, port) = (configuration.host, configuration.port)
        do {
            return try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(connectTimeout)
                .connect(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPLineDecoder()))
                        return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch ChannelError.connectTimeout {
            throw SMTPError.connectTimedOut(host: host, port: port, after: connectTimeout)
        } catch {
            throw SMTPError.connectionFailed(host: host, port: port, reason: Self.reason(error))
        }
    }

    /// A network error as a person would say it ("Connection refused"), not as NIO prints it.
    static func reason(_ error: any Error) -> String {
        switch error {
        case let error as NIOConnectionError:
            if error.dnsAError != nil || error.dnsAAAAError != nil { return "the name \(error.host) does not resolve" }
            return error.connectionErrors.first.map { reason($0.error) } ?? "no address found for \(error.host)"
        case let error as IOError:
            return String(cString: strerror(error.errnoCode))
        default:
            return String(describing: error)
        }
    }
}

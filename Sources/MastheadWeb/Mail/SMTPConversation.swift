import NIOCore

/// One connection's dialogue: a command goes out, then its reply is read, within the reply timeout.
struct SMTPConversation {
    private var lines: NIOAsyncChannelInboundStream<String>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private let channel: any Channel
    private let replyTimeout: TimeAmount

    init(
        inbound: NIOAsyncChannelInboundStream<String>, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        channel: any Channel, replyTimeout: TimeAmount
    ) {
        self.lines = inbound.makeAsyncIterator()
        self.outbound = outbound
        self.channel = channel
        self.replyTimeout = replyTimeout
    }

    /// Sends `line` and reads its reply, which must be of `kind` (2 for success, 3 for "go on").
    mutating func command(_ line: String, step: SMTPStep, expecting kind: Int = 2) async throws {
        try await write(ByteBuffer(string: line + "\r\n"), step: step)
        try await expect(step, kind: kind)
    }

    /// Sends the message after DATA has been accepted, and reads the server's verdict on it.
    mutating func deliver(_ wireFormat: String) async throws {
        try await write(Self.dataBlock(wireFormat), step: .message)
        try await expect(.message)
    }

    mutating func expect(_ step: SMTPStep, kind: Int = 2) async throws {
        let reply = try await reply(to: step)
        guard reply.kind == kind else { throw SMTPError.refused(step: step, code: reply.code, text: reply.text) }
    }

    mutating func write(_ bytes: ByteBuffer, step: SMTPStep) async throws {
        do {
            try await outbound.write(bytes)
        } catch {
            throw SMTPError.connectionLost(step: step, reason: SMTPClient.reason(error))
        }
    }

    /// The next reply, whatever its code. Past the timeout the channel is closed, which ends the wait.
    mutating func reply(to step: SMTPStep) async throws -> SMTPReply {
        let channel = channel
        let deadline = channel.eventLoop.scheduleTask(in: replyTimeout) { channel.close(promise: nil) }
        do {
            let reply = try await readReply(step)
            deadline.cancel()
            return reply
        } catch {
            deadline.cancel()
            // The deadline's future succeeds only if it ran, that is if it closed the channel.
            if (try? await deadline.futureResult.get()) != nil {
                throw SMTPError.timedOut(step: step, after: replyTimeout)
            }
            switch error {
            case let error as SMTPError: throw error
            case is SMTPLineDecoder.LineTooLong: throw SMTPError.replyTooLong(step: step)
            default: throw SMTPError.connectionLost(step: step, reason: SMTPClient.reason(error))
            }
        }
    }

    private mutating func readReply(_ step: SMTPStep) async throws -> SMTPReply {
        var reader = SMTPReplyReader()
        while let line = try await lines.next() {
            if let reply = try reader.add(line, step: step) { return reply }
        }
        throw SMTPError.connectionLost(step: step, reason: "the server closed it")
    }

    /// The message as DATA carries it: a "." that starts a line is doubled, so that no line of the
    /// message can pass for the end marker, and the marker follows.
    static func dataBlock(_ wireFormat: String) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(wireFormat.utf8.count + 64)
        var atLineStart = true
        for byte in wireFormat.utf8 {
            if atLineStart, byte == UInt8(ascii: ".") { buffer.writeInteger(byte) }
            buffer.writeInteger(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        if !atLineStart { buffer.writeString("\r\n") }
        buffer.writeString(".\r\n")
        return buffer
    }
}

import NIOCore

/// Cuts the server's bytes into lines, without their CRLF (or the bare LF of a lax server), and fails
/// on a line longer than any SMTP reply should be rather than buffer a broken server's output.
struct SMTPLineDecoder: ByteToMessageDecoder {
    typealias InboundOut = String

    /// RFC 5321 allows 512 bytes a reply line; a generous 1,000 still bounds what a bad peer can cost.
    static let maximumLineLength = 1000

    struct LineTooLong: Error {}

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            // One more byte than the limit may still be the CR of a line within it.
            if buffer.readableBytes > Self.maximumLineLength + 1 { throw LineTooLong() }
            return .needMoreData
        }
        var line = buffer.readSlice(length: newline - buffer.readerIndex + 1)!.readableBytesView.dropLast()
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        guard line.count <= Self.maximumLineLength else { throw LineTooLong() }
        context.fireChannelRead(Self.wrapInboundOut(String(decoding: line, as: UTF8.self)))
        return .continue
    }

    /// A last line without its line break is no complete reply; what came before it was passed on.
    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
        -> DecodingState
    {
        try decode(context: context, buffer: &buffer)
    }
}

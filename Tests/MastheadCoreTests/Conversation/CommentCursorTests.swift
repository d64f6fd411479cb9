import Foundation
import MastheadCore
import Testing

@Suite struct CommentCursorTests {
    let id = UUID(uuidString: "3F2A6C1E-8B7D-4E2A-9C1B-5D6E7F8A9B0C")!

    @Test(arguments: CommentOrder.allCases)
    func roundTripsThroughItsEncodedForm(order: CommentOrder) {
        let times = [0, 1, 1_739_530_800.123, 1_739_530_800.9999, 253_402_300_799.999]
        for (time, likes) in zip(times, [0, 1, 42, 9_999, Int.max]) {
            let cursor = CommentCursor(
                order: order, createdAt: Date(timeIntervalSince1970: time), likeCount: likes, id: UUID())
            #expect(CommentCursor(encoded: cursor.encoded, order: order) == cursor)
        }
    }

    @Test func isCompactAndURLSafe() {
        let longest = CommentCursor(
            order: .oldest, createdAt: .distantFuture, likeCount: .max, id: id)
        #expect(longest.encoded.count <= 120)
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        #expect(longest.encoded.allSatisfy(allowed.contains))
    }

    @Test func keepsWholeMillisecondsRoundedDown() {
        let cursor = CommentCursor(
            order: .newest, createdAt: Date(timeIntervalSince1970: 1_739_530_800.1239), likeCount: 0, id: id)
        #expect(text(of: cursor.encoded) == "newest.1739530800123.0.\(id.uuidString.lowercased())")
    }

    @Test func givesTheSameMillisecondWhenConvertedAgain() {
        for milliseconds in stride(from: Int64(1_739_530_800_000), to: 1_739_530_802_000, by: 1) {
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let cursor = CommentCursor(order: .oldest, createdAt: date, likeCount: 0, id: id)
            #expect(text(of: cursor.encoded) == "oldest.\(milliseconds).0.\(id.uuidString.lowercased())")
        }
    }

    @Test func clampsWhatNoCommentHasSoEveryCursorDecodes() {
        let odd = [
            Date(timeIntervalSince1970: -5), Date(timeIntervalSince1970: .nan), .distantPast, .distantFuture,
        ]
        for date in odd {
            let cursor = CommentCursor(order: .mostLiked, createdAt: date, likeCount: -3, id: id)
            #expect(cursor.likeCount == 0)
            #expect(CommentCursor(encoded: cursor.encoded, order: .mostLiked) == cursor)
        }
        var mutated = CommentCursor(order: .oldest, createdAt: Date(timeIntervalSince1970: 0), likeCount: 0, id: id)
        mutated.likeCount = -1
        mutated.createdAt = Date(timeIntervalSince1970: 1.0005)
        #expect(mutated.likeCount == 0)
        #expect(CommentCursor(encoded: mutated.encoded, order: .oldest) == mutated)
    }

    @Test func refusesACursorMadeForAnotherOrder() {
        let cursor = CommentCursor(order: .newest, createdAt: Date(timeIntervalSince1970: 1), likeCount: 0, id: id)
        #expect(CommentCursor(encoded: cursor.encoded, order: .oldest) == nil)
        #expect(CommentCursor(encoded: cursor.encoded, order: .mostLiked) == nil)
    }

    @Test func refusesHostileAndNonCanonicalInput() {
        let uuid = id.uuidString.lowercased()
        let valid = encode("oldest.1739530800123.5.\(uuid)")
        #expect(CommentCursor(encoded: valid, order: .oldest) != nil)
        #expect(text(of: nonCanonicalTrailingBits(of: valid)) == text(of: valid))
        let hostile = [
            "",
            "=",
            "!!!!",
            "%00",
            String(repeating: "A", count: 121),
            String(repeating: "b2xk", count: 10_000),
            valid + "=",
            valid + "A",
            valid + "\n",
            valid.dropLast(4) + "+/+/",
            " " + valid,
            "🙂" + valid,
            encode("garbage"),
            encode(""),
            encode("oldest.1739530800123.5"),
            encode("oldest.1739530800123.5.\(uuid).extra"),
            encode("oldest.1739530800123.-1.\(uuid)"),
            encode("oldest.1739530800123.+5.\(uuid)"),
            encode("oldest.1739530800123.05.\(uuid)"),
            encode("oldest.01739530800123.5.\(uuid)"),
            encode("oldest.-1.5.\(uuid)"),
            encode("oldest.253402300800000.5.\(uuid)"),
            encode("oldest.1739530800123.99999999999999999999.\(uuid)"),
            encode("oldest.1739530800123.5.\(id.uuidString)"),
            encode("oldest.1739530800123.5.not-a-uuid"),
            encode("Oldest.1739530800123.5.\(uuid)"),
            encode("liked.1739530800123.5.\(uuid)"),
            encode("oldest.1739530800123.5.\(uuid)\u{0}"),
            encode(" oldest.1739530800123.5.\(uuid)"),
            nonCanonicalTrailingBits(of: valid),
        ]
        for input in hostile {
            #expect(
                CommentCursor(encoded: input, order: .oldest) == nil, "accepted \(input.suffix(20).debugDescription)")
        }
        #expect(CommentCursor(encoded: encodeBytes([0xFF, 0xFE, 0x00]), order: .oldest) == nil)
    }

    /// The last base64 character of a value whose length is not a multiple of three carries bits that
    /// decoders ignore; flipping them spells the same bytes differently.
    private func nonCanonicalTrailingBits(of encoded: String) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        let index = alphabet.firstIndex(of: encoded.last!)!
        return String(encoded.dropLast()) + String(alphabet[index ^ 1])
    }

    private func encode(_ text: String) -> String {
        encodeBytes(Array(text.utf8))
    }

    private func encodeBytes(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private func text(of encoded: String) -> String? {
        var base64 = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64).flatMap { String(data: $0, encoding: .utf8) }
    }
}

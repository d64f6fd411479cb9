import Foundation
import MastheadCore
import Testing

/// The one hex helper that hashes, tokens, UUIDs, percent-escapes and form fields go through.
@Suite struct HexTests {
    @Test func encodesEveryByteAsFormatDoes() {
        let every = (0...255).map { UInt8($0) }
        #expect(Hex.encode(every) == every.map { String(format: "%02x", $0) }.joined())
        #expect(Hex.encode([]) == "")
        #expect(Hex.encode([0x0F, 0xA0]) == "0fa0")
    }

    @Test func readsBackEveryByteInEitherCase() {
        for value in 0...255 {
            let byte = UInt8(value)
            let lower = Array(Hex.encode([byte]).utf8)
            let upper = Array(String(format: "%02X", byte).utf8)
            #expect(Hex.byte(high: lower[0], low: lower[1]) == byte)
            #expect(Hex.byte(high: upper[0], low: upper[1]) == byte)
            #expect(Hex.upperDigits[Int(byte >> 4)] == upper[0] && Hex.upperDigits[Int(byte & 0x0F)] == upper[1])
        }
    }

    @Test func refusesWhatIsNotADigit() {
        // The neighbours of each digit range, and bytes beyond ASCII.
        for text in ["/", ":", "@", "G", "`", "g", " ", "x", "\u{E9}"] {
            for byte in text.utf8 { #expect(Hex.value(of: byte) == nil, "\(text)") }
        }
        #expect(Hex.value(of: 0) == nil)
        #expect(Hex.value(of: 0xFF) == nil)
        #expect(Hex.byte(high: UInt8(ascii: "g"), low: UInt8(ascii: "0")) == nil)
        #expect(Hex.byte(high: UInt8(ascii: "0"), low: UInt8(ascii: "G")) == nil)
        #expect(Hex.value(of: UInt8(ascii: "f")) == 15 && Hex.value(of: UInt8(ascii: "F")) == 15)
        #expect(Hex.value(of: UInt8(ascii: "0")) == 0 && Hex.value(of: UInt8(ascii: "9")) == 9)
    }
}

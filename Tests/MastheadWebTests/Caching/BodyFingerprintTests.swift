import Testing

@testable import MastheadWeb

/// A page's ETag must change whenever a byte of it does, wherever that byte is.
@Suite struct BodyFingerprintTests {
    func fingerprint(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes(BodyFingerprint.eTag)
    }

    @Test func everyOneByteChangeAndEveryLengthGivesADifferentTag() {
        let page = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var seen: Set<String> = [fingerprint(page)]
        for position in page.indices {
            var changed = page
            changed[position] ^= 0x01
            seen.insert(fingerprint(changed))
        }
        for length in 0..<page.count { seen.insert(fingerprint(Array(page[..<length]))) }
        #expect(seen.count == 1 + page.count + page.count)
        #expect(fingerprint(page) == fingerprint(page))
        #expect(fingerprint(page).utf8.count == 18)
    }
}

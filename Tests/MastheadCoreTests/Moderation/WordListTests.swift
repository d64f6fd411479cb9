import MastheadCore
import Testing

@Suite struct WordListTests {
    @Test func onlyWholeWordsMatch() {
        let list: WordList = ["ass"]
        for text in ["Ass!", "you ass.", "(ass)", "ass's"] {
            #expect(list.firstMatch(in: text) == "ass", "\(text)")
        }
        for text in ["class", "assess", "passing", "bass-playing", "ASSURED", ""] {
            #expect(list.firstMatch(in: text) == nil, "\(text)")
        }
    }

    @Test func caseAccentsAndWidthAreFoldedOnBothSides() {
        #expect(WordList(["cafe"]).firstMatch(in: "Le CAFÉ ferme") == "cafe")
        #expect(WordList(["Café"]).firstMatch(in: "cafe") == "Café")
        #expect(WordList(["strasse"]).firstMatch(in: "STRAẞE") == "strasse")
        #expect(WordList(["spam"]).firstMatch(in: "ＳＰＡＭ") == "spam")
        #expect(WordList(["zalgo"]).firstMatch(in: "Z̷̡̛a̸͎l̷g̶o") == "zalgo")
        #expect(WordList(["łódź"]).firstMatch(in: "LODZ") == nil)
    }

    @Test func invisibleCharactersInsideAWordDoNotHideIt() {
        let list: WordList = ["spam"]
        #expect(list.firstMatch(in: "sp\u{200B}am") == "spam")
        #expect(list.firstMatch(in: "sp\u{00AD}am") == "spam")
        #expect(list.firstMatch(in: "s\u{2060}pam") == "spam")
    }

    @Test func phrasesMatchAcrossAnySpacingAndPunctuationButStayWhole() {
        let list: WordList = ["bad word"]
        for text in ["Bad   word", "BAD,\nword", "a bad word!", "bad—word"] {
            #expect(list.firstMatch(in: text) == "bad word", "\(text)")
        }
        for text in ["bad words", "badword", "bad, good word", "word bad"] {
            #expect(list.firstMatch(in: text) == nil, "\(text)")
        }
    }

    @Test func theEntryFoundFirstInTheTextIsGivenAsTyped() {
        let list: WordList = ["Second", "fIrSt", "first second third"]
        #expect(list.firstMatch(in: "the first and the second") == "fIrSt")
        #expect(list.firstMatch(in: "a second then a first") == "Second")
    }

    @Test func overlappingPhrasesAreAllFound() {
        let list: WordList = ["a b c d", "b c e", "c"]
        #expect(list.firstMatch(in: "a b c e") == "c")
        #expect(WordList(["a b c d", "b c e"]).firstMatch(in: "a b c e") == "b c e")
        #expect(WordList(["a a b"]).firstMatch(in: "a a a a b") == "a a b")
        #expect(WordList(["a b a b c"]).firstMatch(in: "a b a b a b c") == "a b a b c")
    }

    @Test func aWordSpelledOutALetterAtATimeIsFound() {
        let list: WordList = ["spam", "buy spam"]
        for text in ["s.p.a.m", "S P A M", "s-p-a-m!", "s_p_a_m", "x s.p.a.m", "a s.p.a.m", "s*p*a*m"] {
            #expect(list.firstMatch(in: text) == "spam", "\(text)")
        }
        #expect(WordList(["spam"]).firstMatch(in: "Buy s.p.a.m") == "spam")
        #expect(WordList(["buy spam"]).firstMatch(in: "Buy s.p.a.m today") == "buy spam")
    }

    @Test func lettersThatOnlyLookSpelledOutAreLeftAlone() {
        #expect(WordList(["jrr"]).firstMatch(in: "J. R. R. Tolkien") == nil)
        #expect(WordList(["abc"]).firstMatch(in: "Choose a, b, c or d") == nil)
        #expect(WordList(["abc"]).firstMatch(in: "a\nb\nc") == nil)
        #expect(WordList(["ab"]).firstMatch(in: "plan a b") == nil)
        #expect(WordList(["spam"]).firstMatch(in: "s.p.a.m.s") == nil)
        #expect(WordList(["spam"]).firstMatch(in: "s.p a.m") == nil)
        #expect(WordList(["123"]).firstMatch(in: "1 2 3") == nil)
    }

    @Test func symbolsAndCharactersOfUnspacedScriptsAreWordsOfTheirOwn() {
        #expect(WordList(["🖕"]).firstMatch(in: "ok🖕🏻ok") == "🖕")
        #expect(WordList(["🏻🖕"]).firstMatch(in: "ok 🏻🖕") == "🏻🖕")
        #expect(WordList(["傻瓜"]).firstMatch(in: "你是傻瓜吗") == "傻瓜")
        #expect(WordList(["ばか"]).firstMatch(in: "あなたはばかです") == "ばか")
        #expect(WordList(["傻瓜"]).firstMatch(in: "傻子瓜") == nil)
    }

    @Test func entriesAreNeverPatterns() {
        let list: WordList = ["(a+)+$", ".*", "[", "\\", "a{1,99999}"]
        #expect(list.firstMatch(in: String(repeating: "a", count: 5_000) + "!") == nil)
        #expect(list.firstMatch(in: "anything at all") == nil)
        #expect(list.firstMatch(in: "the pattern (a+)+$ itself") == "(a+)+$")
        #expect(list.firstMatch(in: "a{1,99999}") == "a{1,99999}")
    }

    @Test func emptyEntriesMatchNothingAndDoNotStopTheOthers() {
        let list: WordList = ["", "   ", "!!!", "\u{200B}", "spam"]
        for text in ["", " ", "!!!", "hello", "\u{200B}"] {
            #expect(list.firstMatch(in: text) == nil, "\(text.debugDescription)")
        }
        #expect(list.firstMatch(in: "spam!!!") == "spam")
        #expect(WordList([]).firstMatch(in: "anything") == nil)
    }

    @Test func listsAreEqualWhenTheirEntriesAre() {
        #expect(WordList(["a", "b"]) == ["a", "b"])
        #expect(WordList(["a", "b"]) != ["b", "a"])
        #expect(WordList(["a", "b"]).words == ["a", "b"])
    }

    @Test func tenThousandEntriesAgainstLongCommentsFinishAndStillFindTheirWord() {
        var generator = FuzzTests.SplitMix64(state: 2026)
        let entries = (0..<10_000).map { index in
            index.isMultiple(of: 3)
                ? Self.randomWord(&generator) + " " + Self.randomWord(&generator)
                : Self.randomWord(&generator) + "q"
        }
        let list = WordList(entries)
        for _ in 0..<20 {
            var comment = ""
            while comment.count < 4_990 { comment += Self.randomWord(&generator) + "1 " }
            #expect(list.firstMatch(in: comment) == nil)
            #expect(list.firstMatch(in: comment + entries[9_999]) != nil)
        }
    }

    @Test func phrasesThatAlmostMatchEverywhereFinish() {
        let entries = (1...200).map { Array(repeating: "a", count: $0).joined(separator: " ") + " b" }
        let comment = String(repeating: "a ", count: 2_500)
        #expect(WordList(entries).firstMatch(in: comment) == nil)
        #expect(WordList(entries).firstMatch(in: comment + "b") == entries[199])
    }

    @Test func aHugeCommentFinishes() {
        let huge = String(repeating: "s.p.a.m a\u{301}\u{302}\u{303} 傻瓜 🖕🏻 ", count: 50_000)
        #expect(WordList(["zzz"]).firstMatch(in: huge) == nil)
        #expect(WordList(["spam"]).firstMatch(in: huge) == "spam")
    }

    @Test func randomUnicodeNeverCrashesAndAnEntryIsFoundWhereverItIsPut() {
        var generator = FuzzTests.SplitMix64(state: 14)
        let list: WordList = ["spam"]
        for _ in 0..<2_000 {
            let text = Self.randomUnicode(&generator)
            let entry = Self.randomUnicode(&generator)
            _ = list.firstMatch(in: text)
            #expect(list.firstMatch(in: text + " spam") == "spam", "\(text.debugDescription)")
            let own = WordList([entry])
            #expect(own.firstMatch(in: text + " " + entry + " x") == own.firstMatch(in: entry))
        }
    }

    static func randomWord(_ generator: inout FuzzTests.SplitMix64) -> String {
        String(
            (0..<Int.random(in: 2...9, using: &generator)).map { _ in
                "abcdefghijklmnopqrstuvwxyz".randomElement(using: &generator)!
            })
    }

    /// Scalars from every plane, weighted towards marks, invisibles and punctuation.
    static func randomUnicode(_ generator: inout FuzzTests.SplitMix64) -> String {
        let ranges: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0x300...0x36F, 0x200B...0x206F, 0x3000...0x30FF, 0x4E00...0x4E20, 0x1F300...0x1F6FF,
            0xFE00...0xFE0F, 0xE0000...0xE007F, 0x0900...0x097F, 0x0E00...0x0E7F, 0x0...0x10FFFF,
        ]
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...40, using: &generator) {
            let value = UInt32.random(in: ranges.randomElement(using: &generator)!, using: &generator)
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        return String(scalars)
    }
}

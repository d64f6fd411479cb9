/// How Masthead measures text a reader typed (a name, a comment): what is removed, what counts as
/// nothing at all, and how heavily one character may be stacked with marks.
public enum ReaderText {
    /// Removes what must never be stored or shown: control characters (NUL, which PostgreSQL cannot
    /// store, and the like) and bidirectional overrides (which can make a name or a link read
    /// backwards). Line breaks and tabs stay.
    public static func withoutControls(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            let isBidiOverride = (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            if (isControl && !"\n\r\t".unicodeScalars.contains(scalar)) || isBidiOverride { continue }
            kept.append(scalar)
        }
        return String(kept)
    }

    /// Whether the text would show as blank: only whitespace and characters that render as nothing.
    /// Those are Unicode's default-ignorable code points (zero-width spaces and joiners, the byte order
    /// mark, variation selectors, tags, the Hangul fillers) and the braille pattern blank, U+2800,
    /// which fonts draw empty.
    public static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || isInvisible($0) }
    }

    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F, 0x200B...0x200F,
            0x202A...0x202E, 0x2060...0x206F, 0x2800, 0x3164, 0xFE00...0xFE0F, 0xFEFF, 0xFFA0, 0xFFF0...0xFFF8,
            0x1BCA0...0x1BCA3, 0x1D173...0x1D17A, 0xE0000...0xE0FFF:
            return true
        default:
            return false
        }
    }

    /// The most combining marks on any one character. Written languages stack a few (Vietnamese two,
    /// Hebrew with cantillation or Tibetan a handful); "Zalgo" text stacks hundreds, which a limit in
    /// characters alone lets through because a whole stack counts as one character.
    public static func mostMarksOnOneCharacter(_ text: String) -> Int {
        var most = 0
        for character in text {
            var marks = 0
            for scalar in character.unicodeScalars {
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark: marks += 1
                default: break
                }
            }
            most = max(most, marks)
        }
        return most
    }
}

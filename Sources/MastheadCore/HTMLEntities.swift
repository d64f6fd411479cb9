import MastheadMarkdown

/// Decodes character references in attribute values so that the sanitizer judges a URL by what a
/// browser will read (`jav&#x61;script:` is `javascript:`). Names come from the HTML5 table the Markdown
/// parser uses (``NamedReferences``). Whatever is not decoded here stays literal and is re-escaped on
/// output, so the browser then reads it literally too.
public enum HTMLEntities {
    public static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "&", let (decoded, length) = reference(in: scalars, at: index) {
                output.append(contentsOf: decoded.unicodeScalars)
                index += length
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return String(output)
    }

    private static func reference(in scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var index = start + 1
        guard index < scalars.count else { return nil }
        if scalars[index] == "#" {
            index += 1
            var radix = 10
            if index < scalars.count, scalars[index] == "x" || scalars[index] == "X" {
                radix = 16
                index += 1
            }
            var digits = ""
            while index < scalars.count, digits.count < 10, scalars[index].properties.isASCIIHexDigit,
                radix == 16 || ("0"..."9").contains(scalars[index])
            {
                digits.unicodeScalars.append(scalars[index])
                index += 1
            }
            guard !digits.isEmpty, let code = UInt32(digits, radix: radix) else { return nil }
            if index < scalars.count, scalars[index] == ";" { index += 1 }
            let scalar = (code == 0 ? nil : Unicode.Scalar(code)) ?? "\u{FFFD}"
            return (String(scalar), index - start)
        }
        var name = ""
        while index < scalars.count, name.count < NamedReferences.maximumNameLength, scalars[index].isASCII,
            scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index])
        {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard index < scalars.count, scalars[index] == ";", let value = NamedReferences.value(of: Array(name.utf8))
        else { return nil }
        return (String(decoding: value, as: UTF8.self), index + 1 - start)
    }
}

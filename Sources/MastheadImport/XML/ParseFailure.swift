import Foundation

/// Turns what libxml2 reports through Foundation into a sentence a person can act on.
///
/// Foundation passes libxml2's own error number (`xmlParserErrors` in libxml/xmlerror.h) as the
/// error's code, which is not the numbering of `XMLParser.ErrorCode`, so the numbers are libxml2's.
enum ParseFailure {
    static let invalidCharacter = 9
    static let undeclaredEntity = 26
    static let entityIsExternal = 29
    static let unknownEncoding = 31
    static let unsupportedEncoding = 32
    static let invalidEncoding = 81
    static let entityLoop = 89

    static func error(_ error: (any Error)?, line: Int) -> ImportFileError {
        let code = (error as NSError?)?.code ?? 0
        switch code {
        case invalidCharacter, unknownEncoding, unsupportedEncoding, invalidEncoding:
            return ImportFileError(
                "The file is not valid UTF-8 here, or holds a character XML does not allow. Export it again; if the "
                    + "site's database holds text in another encoding, convert it to UTF-8 first.",
                line: line)
        case undeclaredEntity, entityIsExternal, entityLoop:
            return ImportFileError(
                "The file uses an entity that is not one of XML's own (&amp; &lt; &gt; &quot; &apos;) or a character "
                    + "reference; Masthead does not expand others.",
                line: line)
        default:
            return ImportFileError(
                "The file is not well-formed XML here (libxml2's error \(code)): a tag is broken, unclosed or closed "
                    + "out of order. Export the site again, or mend the file at this line.",
                line: line)
        }
    }

    static func cutShort(line: Int) -> ImportFileError {
        ImportFileError(
            "The file ends before its elements are closed: it was probably cut short while it was exported or copied. "
                + "Export it again.",
            line: line)
    }
}

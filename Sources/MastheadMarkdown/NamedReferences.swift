/// The HTML5 named character references (`&mdash;` …), parsed once from the generated table. The one
/// table in the package: the Markdown parser reads references in text and links through it, and the
/// sanitizer in MastheadCore decodes attribute values with it, so both read a name as a browser does.
public enum NamedReferences {
    /// Name (without `&` and `;`) to UTF-8.
    private static let table: [[UInt8]: [UInt8]] = {
        var table: [[UInt8]: [UInt8]] = [:]
        table.reserveCapacity(2200)
        for entry in EntityTable.packed.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let parts = entry.split(separator: "=")
            var value = ""
            for hex in parts[1].split(separator: ".") {
                if let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                    value.unicodeScalars.append(scalar)
                }
            }
            table[Array(parts[0].utf8)] = Array(value.utf8)
        }
        return table
    }()

    /// The longest name in the table; a longer run of letters cannot be a reference.
    public static let maximumNameLength = 32

    /// The UTF-8 that `&name;` stands for, or nil for a name HTML does not define. Names are case
    /// sensitive (`&Tab;` is a tab, `&tab;` nothing).
    public static func value(of name: [UInt8]) -> [UInt8]? {
        table[name]
    }
}

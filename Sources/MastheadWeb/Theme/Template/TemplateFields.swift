/// A name as the renderer looks it up: its text and a 64-bit signature of it, computed once.
struct TemplateName: Sendable, Equatable {
    let text: String
    let signature: UInt64

    init(_ text: String) {
        self.text = text
        // FNV-1a: a few nanoseconds for a field name, and equal texts always share a signature.
        var signature: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            signature ^= UInt64(byte)
            signature &*= 0x100_0000_01b3
        }
        self.signature = signature
    }
}

/// A context's named values, in the order they were given.
///
/// A page builds a few hundred of these (one per comment, teaser, link…) and looks names up in them
/// a few thousand times. A `Dictionary` hashes every key it is built with and every name it is asked
/// for, with a seeded SipHash each time; here a name's signature is worked out once (a template's at
/// parse time), and a lookup compares it against a couple of dozen stored signatures in a row.
struct TemplateFields: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private struct Entry: Sendable {
        let name: TemplateName
        var value: TemplateValue
    }

    private var entries: [Entry]

    init() {
        entries = []
    }

    /// Names must differ, as in a dictionary literal; a debug build checks. A nil value leaves its
    /// name out, so an optional field is written in the literal with the rest.
    init(dictionaryLiteral elements: (String, TemplateValue?)...) {
        entries = elements.compactMap { name, value in value.map { Entry(name: TemplateName(name), value: $0) } }
        assert(Set(elements.map(\.0)).count == elements.count, "a field name given twice")
    }

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }
    /// The names in the order they were given, for writing a context out (a benchmark's fixture).
    var names: [String] { entries.map(\.name.text) }

    subscript(name: TemplateName) -> TemplateValue? {
        for entry in entries where entry.name.signature == name.signature && entry.name.text == name.text {
            return entry.value
        }
        return nil
    }

    /// Setting nil removes the name, as with a dictionary.
    subscript(name: String) -> TemplateValue? {
        get { self[TemplateName(name)] }
        set {
            let name = TemplateName(name)
            let index = entries.firstIndex { $0.name == name }
            switch (index, newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append(Entry(name: name, value: value))
            case (nil, nil): break
            }
        }
    }

    /// Adds a name the fields do not hold yet, without looking for it first: an encoded struct's
    /// coding keys differ from each other. A debug build checks; a release build pays nothing.
    mutating func append(_ name: String, _ value: TemplateValue) {
        let name = TemplateName(name)
        assert(!entries.contains { $0.name == name }, "a field name given twice: \(name.text)")
        entries.append(Entry(name: name, value: value))
    }

    mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
    }

    /// The same names with the same values, in any order.
    static func == (lhs: TemplateFields, rhs: TemplateFields) -> Bool {
        lhs.count == rhs.count && lhs.entries.allSatisfy { rhs[$0.name] == $0.value }
    }
}

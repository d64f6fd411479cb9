/// One element of an export file with everything inside it: what an importer reads a record (a post, a
/// comment thread, an author) from. Only one record's elements are held at a time, so a file of any
/// size is read in the memory of its largest record.
public struct ImportElement: Sendable, Equatable {
    /// The name as the file writes it, prefix included (`wp:post_id`, `dc:creator`, `title`).
    public let name: String
    public let attributes: [String: String]
    /// The character data directly inside this element, CDATA included, entities decoded once.
    public let text: String
    public let children: [ImportElement]
    /// The line of the file where the element starts, for errors a person can find.
    public let line: Int

    public init(
        name: String, attributes: [String: String] = [:], text: String = "", children: [ImportElement] = [], line: Int
    ) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = children
        self.line = line
    }

    /// The first child with this name.
    public func child(_ name: String) -> ImportElement? {
        children.first { $0.name == name }
    }

    /// Every child with this name, in file order.
    public func children(_ name: String) -> [ImportElement] {
        children.filter { $0.name == name }
    }

    /// The text of the first child with this name, or nil when there is none.
    public func text(of name: String) -> String? {
        child(name)?.text
    }
}

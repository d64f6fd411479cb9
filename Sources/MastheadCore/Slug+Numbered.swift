extension Slug {
    /// This slug with `-number` at its end (`talks-2`), for a second story with the same headline;
    /// shortened first when the whole would pass ``maximumLength``. Number 1 is the slug itself.
    public func numbered(_ number: Int) -> Slug {
        guard number > 1 else { return self }
        let suffix = "-\(number)"
        var base = String(value.prefix(Self.maximumLength - suffix.count))
        while base.hasSuffix("-") { base.removeLast() }
        // A prefix of a slug without a trailing hyphen, then a hyphen and digits, is a slug.
        return Slug(base + suffix)!
    }
}

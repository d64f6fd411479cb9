/// What a page context and every view nested in it are: each field is a stored property, declared
/// once. ``TemplateEncoder`` encodes a context into the ``TemplateValue`` a template renders, and
/// ``TemplateSchema`` decodes the type to list the fields a template may name (`masthead theme check`).
/// A property with an initial value must be set in an initializer instead, or decoding skips it.
typealias TemplateContext = Codable

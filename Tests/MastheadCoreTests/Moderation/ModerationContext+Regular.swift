import MastheadCore

extension ModerationContext {
    /// A signed-in reader with ten approved comments and nothing against them: what every check lets
    /// through, so a test changes only the fact it is about.
    static func regular(_ body: String = "The council should publish the whole budget, not a summary.")
        -> ModerationContext
    {
        ModerationContext(body: body, approvedComments: 10, judgedComments: 10)
    }
}

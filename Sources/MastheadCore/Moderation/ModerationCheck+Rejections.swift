extension ModerationCheck {
    /// A commenter under a ban is refused whatever they wrote.
    public static let commenterBanned = ModerationCheck(name: "commenterBanned") { context, _ in
        context.commenterBanned ? .reject(.commenterBanned) : nil
    }

    /// Longer than the site allows, counted in characters as validation counts them.
    public static let tooLong = ModerationCheck(name: "tooLong") { context, policy in
        context.body.exceeds(characters: policy.maximumLength) ? .reject(.tooLong) : nil
    }

    public static let bannedWord = ModerationCheck(name: "bannedWord") { context, policy in
        policy.bannedWords.firstMatch(in: context.body) == nil ? nil : .reject(.bannedWord)
    }

    /// The same text as one of the commenter's recent comments once case, accents, spacing and
    /// punctuation are set aside (``ModerationText/foldedWords(_:)``). Only exact repeats count: a
    /// near-duplicate is as often a reader correcting a typo as a spammer varying a message, and the
    /// rate limits already slow a flood of variations. Short replies ("Thanks!", "I agree") are left
    /// alone, because saying them twice in different threads is conversation.
    public static let repeatedComment = ModerationCheck(name: "repeatedComment") { context, _ in
        // Folding text is the dearest step of the pipeline; a first comment has nothing to repeat.
        guard !context.recentBodies.isEmpty else { return nil }
        let key = ModerationText.foldedWords(context.body)
        guard key.count >= ModerationText.shortestRepeat else { return nil }
        let isRepeat = context.recentBodies.contains { ModerationText.foldedWords($0) == key }
        return isRepeat ? .reject(.repeatedComment) : nil
    }
}

/// One thing a WordPress export holds, in the order the file gives them: the site, then its authors and
/// terms, then its items.
public enum WordPressRecord: Sendable, Equatable {
    case site(WordPressSite)
    case author(WordPressAuthor)
    case term(WordPressTerm)
    case item(WordPressItem)
}

/// What a Disqus export holds, in file order: threads, then posts.
public enum DisqusRecord: Sendable, Equatable {
    case thread(DisqusThread)
    case post(DisqusPost)
}

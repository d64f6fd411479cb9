import Foundation

/// What a site's Read next rail offers: the stories most related to the one being read (worked out
/// on the site's own server when stories change), or simply the newest.
public enum ReadNextMode: String, Sendable, CaseIterable {
    case related
    case latest
}

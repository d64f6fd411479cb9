import Foundation

/// A save refused because someone else saved the story after the version the editor started from.
public struct EditConflict: Error, Sendable, Equatable {
    /// The newer revision that the save would have overwritten.
    public var current: Revision
    public var basedOnVersion: Int

    public init(current: Revision, basedOnVersion: Int) {
        self.current = current
        self.basedOnVersion = basedOnVersion
    }
}

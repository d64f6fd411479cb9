import FluentKit
import Foundation
import MastheadCore
import SQLKit

public enum StoreError: Error, CustomStringConvertible {
    case vanished(String)
    case notSQL

    public var description: String {
        switch self {
        case .vanished(let what): return "\(what) was saved but could not be read back"
        case .notSQL: return "the database does not speak SQL"
        }
    }
}

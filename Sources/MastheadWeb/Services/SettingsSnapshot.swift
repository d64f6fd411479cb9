import MastheadCore
import MastheadStore
import Synchronization

/// The site's settings as every request reads them: a snapshot swapped when the change feed says
/// they changed, never re-read per request. Environment overrides are applied on every reload.
final class SettingsSnapshot: Sendable {
    private let value: Mutex<SiteSettings>
    private let resolve: @Sendable (SiteSettings?) -> SiteSettings

    init(stored: SiteSettings?, resolve: @escaping @Sendable (SiteSettings?) -> SiteSettings) {
        self.value = Mutex(resolve(stored))
        self.resolve = resolve
    }

    var current: SiteSettings { value.withLock { $0 } }

    /// Follows `settings.changed` on the store's change feed, from any node; reads them again when
    /// this node may have missed one.
    func follow(_ store: Store) {
        store.changeFeed.follow { [self] event in
            guard event.name == .settingsChanged else { return }
            await reload(store)
        }
        store.changeFeed.onFollowInterrupted { [self] in await reload(store) }
    }

    private func reload(_ store: Store) async {
        guard let stored = try? await store.siteSettings.load() else { return }
        let fresh = resolve(stored)
        value.withLock { $0 = fresh }
    }
}

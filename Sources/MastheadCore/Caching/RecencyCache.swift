/// A cache bounded by the total cost of what it holds (bytes, for pages), dropping the least recently
/// used entries first, whose entries carry tags to be dropped by (``CacheKey``).
///
/// Recency is a counter stamped on each use; eviction sorts once and drops down to seven eighths of
/// the budget, so a full cache does not sort on every insert.
public struct RecencyCache<Key: Hashable, Value> {
    private struct Entry {
        var value: Value
        let cost: Int
        let tags: Set<String>
        var used: UInt64
    }

    public let capacity: Int
    private var entries: [Key: Entry] = [:]
    private var clock: UInt64 = 0
    public private(set) var totalCost = 0

    public init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    public var count: Int { entries.count }

    /// The value, marked as just used.
    public mutating func value(for key: Key) -> Value? {
        guard entries[key] != nil else { return nil }
        clock &+= 1
        entries[key]!.used = clock
        return entries[key]!.value
    }

    /// Stores the value unless it alone costs more than the whole budget.
    public mutating func insert(_ value: Value, for key: Key, cost: Int, tags: Set<String>) {
        remove(key)
        guard cost <= capacity else { return }
        clock &+= 1
        entries[key] = Entry(value: value, cost: cost, tags: tags, used: clock)
        totalCost += cost
        if totalCost > capacity { evict(downTo: capacity - capacity / 8) }
    }

    public mutating func remove(_ key: Key) {
        if let old = entries.removeValue(forKey: key) { totalCost -= old.cost }
    }

    /// Drops every entry carrying any of the tags; answers how many went.
    @discardableResult
    public mutating func remove(taggedWith tags: Set<String>) -> Int {
        let doomed = entries.filter { !$0.value.tags.isDisjoint(with: tags) }
        for (key, entry) in doomed {
            entries.removeValue(forKey: key)
            totalCost -= entry.cost
        }
        return doomed.count
    }

    public mutating func removeAll() {
        entries.removeAll()
        totalCost = 0
    }

    private mutating func evict(downTo budget: Int) {
        for (key, entry) in entries.sorted(by: { $0.value.used < $1.value.used }) {
            guard totalCost > budget else { return }
            entries.removeValue(forKey: key)
            totalCost -= entry.cost
        }
    }
}

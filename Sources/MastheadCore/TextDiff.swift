/// A line-by-line difference between two texts, for showing what a revision changed. Myers' algorithm:
/// time and memory grow with the size of the texts times the number of differences, not with the
/// product of their lengths, so a long body with a few edits diffs quickly.
public enum TextDiff {
    public enum Line: Sendable, Equatable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// Beyond this many differing lines the diff is shown as everything removed and added: a rewrite
    /// is not worth the quadratic cost of finding the few lines it kept.
    public static let maximumEdits = 2_000

    public static func lines(from old: String, to new: String) -> [Line] {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let trace = shortestEditTrace(a, b) else {
            return a.map(Line.removed) + b.map(Line.added)
        }
        return backtrack(trace, a, b)
    }

    /// The `v` arrays of each round of Myers' forward search, or nil past ``maximumEdits``.
    private static func shortestEditTrace(_ a: [String], _ b: [String]) -> [[Int]]? {
        let n = a.count
        let m = b.count
        let limit = min(n + m, maximumEdits)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        for d in 0...limit {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1]
                } else {
                    x = v[offset + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n, y >= m { return trace }
            }
        }
        return nil
    }

    private static func backtrack(_ trace: [[Int]], _ a: [String], _ b: [String]) -> [Line] {
        let offset = (trace.first?.count ?? 3) / 2
        var x = a.count
        var y = b.count
        var result: [Line] = []
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK: Int
            if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                previousK = k + 1
            } else {
                previousK = k - 1
            }
            let previousX = d == 0 ? 0 : v[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                result.append(.same(a[x]))
            }
            if d > 0 {
                if x == previousX {
                    result.append(.added(b[previousY]))
                } else {
                    result.append(.removed(a[previousX]))
                }
            }
            x = previousX
            y = previousY
        }
        return result.reversed()
    }
}

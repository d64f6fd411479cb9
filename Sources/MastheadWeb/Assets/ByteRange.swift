/// What a `Range` request header asks of a representation `length` bytes long (RFC 9110, 14.2).
enum ByteRange: Equatable {
    /// Send everything with `200`: no header, another unit, a malformed header, or several ranges
    /// (which a server may ignore; multipart responses are not worth their cost for theme files).
    case whole
    /// Send these bytes with `206`.
    case part(ClosedRange<Int>)
    /// Nothing asked for exists: `416` with `Content-Range: bytes */length`.
    case unsatisfiable

    init(header: String?, length: Int) {
        guard let header else {
            self = .whole
            return
        }
        let unitAndSet = header.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard unitAndSet.count == 2, unitAndSet[0].trimmed.lowercased() == "bytes" else {
            self = .whole
            return
        }
        var satisfiable: [ClosedRange<Int>] = []
        for spec in unitAndSet[1].split(separator: ",", omittingEmptySubsequences: false) {
            switch Self.parse(spec.trimmed, length: length) {
            case .malformed:
                self = .whole
                return
            case .outside:
                continue
            case .inside(let range):
                satisfiable.append(range)
            }
        }
        switch satisfiable.count {
        case 0: self = .unsatisfiable
        case 1: self = .part(satisfiable[0])
        default: self = .whole
        }
    }

    private enum Spec {
        case malformed
        case outside
        case inside(ClosedRange<Int>)
    }

    private static func parse(_ spec: Substring, length: Int) -> Spec {
        let bounds = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard bounds.count == 2 else { return .malformed }
        let first = bounds[0]
        let last = bounds[1]
        if first.isEmpty {
            guard let suffix = digits(last) else { return .malformed }
            guard suffix > 0, length > 0 else { return .outside }
            return .inside(max(0, length - suffix)...(length - 1))
        }
        guard let start = digits(first) else { return .malformed }
        let end: Int
        if last.isEmpty {
            end = length - 1
        } else {
            guard let value = digits(last), value >= start else { return .malformed }
            end = min(value, length - 1)
        }
        guard start < length else { return .outside }
        return .inside(start...end)
    }

    /// A non-negative decimal; values too large for `Int` count as past any end rather than as errors.
    private static func digits(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(text) ?? Int.max
    }
}

extension Substring {
    fileprivate var trimmed: Substring {
        let spaces: Set<Character> = [" ", "\t"]
        guard let start = firstIndex(where: { !spaces.contains($0) }),
            let end = lastIndex(where: { !spaces.contains($0) })
        else { return "" }
        return self[start...end]
    }
}

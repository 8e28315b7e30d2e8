/// Comparisons that take the same time whatever the bytes, for signatures and tokens.
public enum ConstantTime {
    /// Whether `a` and `b` hold the same bytes. Lengths are compared openly (they are public).
    public static func equal(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }

    /// Whether two texts are equal, comparing their UTF-8 in constant time.
    public static func equal(_ a: String, _ b: String) -> Bool {
        equal(Array(a.utf8), Array(b.utf8))
    }
}

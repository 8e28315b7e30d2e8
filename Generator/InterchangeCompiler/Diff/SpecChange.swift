/// One difference between two versions of a spec, classified by what it breaks.
package struct SpecChange: Sendable, Hashable {
    /// What a change breaks, least to most.
    package enum Level: Int, Sendable, Hashable, Comparable, CaseIterable {
        /// Labels, descriptions, notes, sources: nothing on the wire or in Swift changes.
        case editorial
        /// Something new that old peers and old code are unaffected by.
        case additive
        /// Swift code compiled against the generated module must change; the wire does not.
        case source
        /// A peer speaking the old version is refused, or refuses, or misreads.
        case wire

        /// The name reports use: `wire-breaking`.
        package var name: String {
            switch self {
            case .editorial: "editorial"
            case .additive: "additive"
            case .source: "source-breaking"
            case .wire: "wire-breaking"
            }
        }

        package static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    package let level: Level
    package let protocolName: String
    /// What changed, in the spec's names: `queryStartChargeRequest.QRCode`, `interface queryToken`.
    package let element: String
    /// The document's table or clause, as cited (`表B.12`), when the element has one.
    package let source: String?
    package let message: String
    /// Where the element is in the old and the new spec (nil on the side it is missing from).
    package let old: SourceLocation?
    package let new: SourceLocation?
}

/// How one peer deviates from the document, said without forking: hex case of signatures,
/// key casing, field aliases, URLs, token timing, clock skew and what a signature
/// over a list of objects covers. Set it in code or load it from a small JSON file (`PeerProfile(json:)`).
public struct PeerProfile: Sendable, Hashable {
    /// The case of hexadecimal digits in a signature.
    public enum HexCase: String, Sendable, Hashable {
        /// `0-9a-f`.
        case lower
        /// `0-9A-F`.
        case upper
    }

    /// Key casing of JSON member names.
    public enum KeyCasing: String, Sendable, Hashable {
        /// `operatorID`, `data`
        case lowerCamel
        /// `OperatorID`, `Data`
        case pascalCase

        /// `key` recased at its first letter; the rest is kept.
        public func apply(_ key: String) -> String {
            guard let first = key.first else { return key }
            return (self == .lowerCamel ? first.lowercased() : first.uppercased()) + key.dropFirst()
        }
    }

    /// What a signature over a list of business data objects covers, for protocols that
    /// sign the canonical JSON of such a list and leave it open.
    public enum SignCoverage: String, Sendable, Hashable {
        /// The canonical JSON of each object, concatenated in order; for one object this is
        /// the object's own canonical JSON.
        case eachDataObject
        /// The canonical JSON of the whole array.
        case dataArray
    }

    /// Case of the hex signatures we write; `nil` is the protocol's own.
    public var signatureHexCase: HexCase?
    /// Accept a received signature whatever its hex case.
    public var acceptsAnySignatureCase: Bool
    /// Casing of envelope members the peer uses; `nil` is the document's.
    public var envelopeKeyCasing: KeyCasing?
    /// Accept envelope members in either casing (a peer that is not consistent); we write
    /// `envelopeKeyCasing`.
    public var acceptsBothEnvelopeCasings: Bool
    /// The peer computes its signature over the encrypted data with the line breaks its
    /// Base64 encoder inserted removed (some Java HMAC helpers do); we check it so.
    public var signsDataWithoutLineBreaks: Bool
    /// Casing of business-data members the peer uses; `nil` is the document's.
    public var payloadKeyCasing: KeyCasing?
    /// The peer's spelling of a member → the spec's spelling (`SeviceMoney` → `ServiceMoney`).
    public var fieldAliases: [String: String]
    /// Where the peer serves, e.g. `https://abc.com/api/1.0`.
    public var baseURL: String?
    /// Per-interface path overrides: interface code or name → path.
    public var interfacePaths: [String: String]
    /// How long a token lives when the peer does not say; `nil` is the protocol's.
    public var tokenLifetimeSeconds: Int?
    /// Refresh a token this long before it expires.
    public var tokenRefreshMarginSeconds: Int
    /// Refuse requests whose timestamp is further than this from our clock, and remember
    /// accepted signed messages this long to refuse replays (a dispatcher's guard); `nil`
    /// checks neither. 300 s by default.
    public var allowedClockSkewSeconds: Int?
    /// What a signature over a list of business data objects covers.
    public var signCoverage: SignCoverage
    /// Key order of the canonical JSON a signature covers (for nested objects documents
    /// often do not say).
    public var signKeyOrder: JSONWriter.KeyOrder
    /// Largest message accepted, in bytes.
    public var maxMessageBytes: Int
    /// Rules this peer is allowed to break, by member name (`"*"`: any member): a broken one is
    /// a warning instead of an error, for this peer only (`{"StartChargeSeq": ["exactLength"]}`
    /// for a partner whose order numbers are 13 characters).
    public var toleratedRules: [String: Set<ValidationRule>]
    /// Accept business data sent as a plain JSON object where the protocol encrypts it
    /// (some documents' own examples do). Off by default: unencrypted data skips the
    /// key, so anyone could forge it.
    public var acceptsUnencryptedData: Bool

    /// A profile; every setting defaults to the document's behaviour.
    public init(
        signatureHexCase: HexCase? = nil, acceptsAnySignatureCase: Bool = false,
        envelopeKeyCasing: KeyCasing? = nil, acceptsBothEnvelopeCasings: Bool = false, signsDataWithoutLineBreaks: Bool = false,
        payloadKeyCasing: KeyCasing? = nil, fieldAliases: [String: String] = [:],
        baseURL: String? = nil, interfacePaths: [String: String] = [:], tokenLifetimeSeconds: Int? = nil,
        tokenRefreshMarginSeconds: Int = 300, allowedClockSkewSeconds: Int? = 300,
        signCoverage: SignCoverage = .eachDataObject, signKeyOrder: JSONWriter.KeyOrder = .sortedRecursively,
        maxMessageBytes: Int = JSONReader.defaultMaxBytes, acceptsUnencryptedData: Bool = false,
        toleratedRules: [String: Set<ValidationRule>] = [:]
    ) {
        self.signatureHexCase = signatureHexCase
        self.acceptsAnySignatureCase = acceptsAnySignatureCase
        self.envelopeKeyCasing = envelopeKeyCasing
        self.acceptsBothEnvelopeCasings = acceptsBothEnvelopeCasings
        self.signsDataWithoutLineBreaks = signsDataWithoutLineBreaks
        self.payloadKeyCasing = payloadKeyCasing
        self.fieldAliases = fieldAliases
        self.baseURL = baseURL
        self.interfacePaths = interfacePaths
        self.tokenLifetimeSeconds = tokenLifetimeSeconds
        self.tokenRefreshMarginSeconds = tokenRefreshMarginSeconds
        self.allowedClockSkewSeconds = allowedClockSkewSeconds
        self.signCoverage = signCoverage
        self.signKeyOrder = signKeyOrder
        self.maxMessageBytes = maxMessageBytes
        self.acceptsUnencryptedData = acceptsUnencryptedData
        self.toleratedRules = toleratedRules
    }

    /// Whether a received hex signature matches ours, in constant time, honouring
    /// `acceptsAnySignatureCase`.
    public func signatureMatches(received: String, expected: String) -> Bool {
        acceptsAnySignatureCase
            ? ConstantTime.equal(received.lowercased(), expected.lowercased())
            : ConstantTime.equal(received, expected)
    }

    /// The path a client calls `interface` at: the peer's own (`interfacePaths`, by code or
    /// name), or the document's.
    public func path(of interface: InterfaceSchema) -> String {
        interface.code.flatMap { interfacePaths[$0] } ?? interfacePaths[interface.name] ?? interface.path ?? "/\(interface.code ?? interface.name)"
    }

    /// `problems` with the errors this peer is tolerated turned into warnings.
    public func tolerating(_ problems: [Diagnostic]) -> [Diagnostic] {
        guard !toleratedRules.isEmpty else { return problems }
        return problems.map { problem in
            guard problem.severity == .error, let rule = problem.rule else { return problem }
            let rules = (problem.memberName.flatMap { toleratedRules[$0] } ?? []).union(toleratedRules["*"] ?? [])
            guard rules.contains(rule) else { return problem }
            var tolerated = problem
            tolerated.severity = .warning
            tolerated.message += " (tolerated for this peer)"
            return tolerated
        }
    }
}

import InterchangeRuntime

extension EVCSSecrets {
    /// The partners of a partner file: `{"partners": [{"operatorID": "MA5DA0053", "dataSecret":
    /// "…", "dataSecretIV": "…", "sigSecret": "…"}, …]}` (dataSecretIV defaults to the data
    /// secret). Errors name the partner and the member; secrets never appear in them.
    public static func partners(json value: JSONValue) throws(EnvelopeError) -> [EVCSSecrets] {
        let file = try value.envelopeObject("a partner file")
        guard case .array(let entries)? = file["partners"] else { throw EnvelopeError(.missingMember, "'partners' must be a list of partners") }
        var seen = Set<String>()
        return try entries.enumerated().map { index, entry throws(EnvelopeError) in
            let object = try entry.envelopeObject("partner \(index + 1)")
            func member(_ name: String) throws(EnvelopeError) -> String {
                do {
                    return try object.envelopeString(name)
                } catch {
                    throw EnvelopeError(error.kind, "partner \(index + 1): \(error.message)")
                }
            }
            let operatorID = try member("operatorID")
            guard seen.insert(operatorID).inserted else { throw EnvelopeError(.malformed, "partner \(index + 1): OperatorID \(operatorID) is listed twice") }
            let dataSecret = try member("dataSecret")
            let iv = object["dataSecretIV"] == nil ? dataSecret : try member("dataSecretIV")
            return EVCSSecrets(operatorID: operatorID, dataSecret: dataSecret, dataSecretIV: iv, sigSecret: try member("sigSecret"))
        }
    }
}

import COpenSSL

/// OpenSSL 3 keeps single DES in the `legacy` provider, and loading any provider explicitly
/// stops the implicit `default` one: so both are loaded, together, once, before the first
/// cipher is fetched.
enum OpenSSLProviders {
    /// Whether the legacy provider loaded; `true` after the first access either way.
    static let legacyLoaded: Bool = {
        _ = OSSL_PROVIDER_load(nil, "default")
        return OSSL_PROVIDER_load(nil, "legacy") != nil
    }()
}

import COpenSSL

/// OpenSSL 3 keeps single DES in the `legacy` provider, and loading any provider explicitly
/// stops the implicit `default` one: so both are loaded, together, once, before any EVP
/// algorithm is fetched. Every entry point calls `ensureLoaded()` first, so no fetch can
/// race the loading on another thread.
enum OpenSSLProviders {
    /// Whether the legacy provider loaded (DES needs it).
    static let legacyLoaded: Bool = {
        _ = OSSL_PROVIDER_load(nil, "default")
        return OSSL_PROVIDER_load(nil, "legacy") != nil
    }()

    static func ensureLoaded() {
        _ = legacyLoaded
    }
}

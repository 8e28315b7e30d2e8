import DB4403
import InterchangeRuntime

/// The accounts a DB4403 TCP server lets log in, and the 表40 check of a login (1004, 6.2.4).
///
/// A login is accepted when its envelope's sign matches and its timestamp is fresh, its one
/// data object satisfies 表40, the `userId` is an account here, and the `password`, decrypted
/// with that account's DES key (CBC, PKCS7, Base64, as 表40 requires), equals the account's
/// password (compared in constant time). Every refusal answers the client alike (表A.2 3001);
/// only `LoginVerdict.refused`'s reason, for the server's log, says which check failed, and it
/// never carries a password.
public struct SZTCAccounts: Sendable {
    /// One client's credentials, as the city platform assigned them.
    public struct Account: Sendable {
        /// The password in clear.
        public let password: String
        /// The DES key (8 bytes of text) the platform assigned for the password.
        public let key: String
        /// The IV, when the platform assigned one other than the key.
        public let iv: String?

        /// An account with `password`, encrypted by the client under `key` (and `iv`).
        public init(password: String, key: String, iv: String? = nil) {
            self.password = password
            self.key = key
            self.iv = iv
        }
    }

    /// What the check decided.
    public enum LoginVerdict: Sendable, Hashable {
        /// The client proved to be `userId`.
        case accepted(userId: String)
        /// Refused; `reason` is for the server's log, `userId` the one claimed, if readable.
        case refused(reason: String, userId: String?)
    }

    private let accounts: [String: Account]
    private let envelope: DB4403Envelope

    /// Accounts by `userId`; the envelope's profile sets the sign's form and the clock skew.
    public init(_ accounts: [String: Account], envelope: DB4403Envelope = DB4403Envelope()) {
        self.accounts = accounts
        self.envelope = envelope
    }

    /// Checks the login request `frame` (a session's `.loginRequested`).
    public func check(_ frame: SZTCFrame, now: EpochSeconds) -> LoginVerdict {
        let request: DB4403Envelope.Request
        do {
            request = try envelope.openRequest(frame.data, now: now)
        } catch {
            return .refused(reason: "envelope: \(error.kind)", userId: nil)
        }
        guard request.data.count == 1, let login = request.data.first, let schema = DB4403Interfaces.tcpLogin.request else {
            return .refused(reason: "表40 wants exactly one data object, got \(request.data.count)", userId: nil)
        }
        let userId: String? = if case .string(let text)? = login["userId"] { text } else { nil }
        if let problem = Validator().validate(login, against: schema).first(where: { $0.severity == .error }) {
            let rule = problem.rule.map { "\($0)" } ?? "invalid"
            return .refused(reason: "表40: \(rule) at \(problem.locationText ?? "$")", userId: userId)
        }
        guard let userId, case .string(let presented)? = login["password"] else {
            return .refused(reason: "表40: userId and password must be strings", userId: userId)
        }
        guard let account = accounts[userId] else { return .refused(reason: "no such account", userId: userId) }
        guard let password = try? DB4403Envelope.decryptPassword(presented, key: account.key, iv: account.iv),
            ConstantTime.equal(password, account.password)
        else { return .refused(reason: "wrong password", userId: userId) }
        return .accepted(userId: userId)
    }
}

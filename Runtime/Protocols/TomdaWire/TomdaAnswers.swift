import InterchangeRuntime
import Tomda

/// The answers both Tomda bindings give: `{errorCode, errorDesc, data}` with 200 on success;
/// refusals 1400 (unknown path), 1300 (token), 1401 (parameters), `handlerFailed` for a
/// service that failed, the service's own code when it declined.
enum TomdaAnswers {
    static func success(_ data: [JSONValue]) -> WireResponse {
        WireResponse(body: JSONWriter().bytes(TomdaEnvelope.response(errorCode: ErrorCode.success.rawValue, data: data.first)))
    }

    static func refusal(_ failure: DispatchFailure, handlerFailed: ErrorCode) -> WireResponse {
        let code: ErrorCode =
            switch failure.kind {
            case .token: .tokenExpired
            case .unknownInterface: .notFound
            case .handlerFailed, .busy: handlerFailed
            case .envelope, .invalid, .undecodable, .tooLarge: .badParameters
            case .declined(let code): ErrorCode(rawValue: String(code))
            }
        return WireResponse(body: JSONWriter().bytes(TomdaEnvelope.response(errorCode: code.rawValue, errorDesc: failure.answerText)))
    }
}

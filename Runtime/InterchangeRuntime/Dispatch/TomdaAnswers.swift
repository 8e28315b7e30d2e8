/// The answers both Tomda bindings give: `{errorCode, errorDesc, data}` with 200 on success;
/// refusals 1400 (unknown path), 1300 (token), 1401 (parameters), `handlerFailed` for a
/// service that failed.
enum TomdaAnswers {
    static func success(_ data: [JSONValue]) -> WireResponse {
        WireResponse(body: JSONWriter().bytes(TomdaEnvelope.response(errorCode: TomdaEnvelope.success, data: data.first)))
    }

    static func refusal(_ failure: DispatchFailure, handlerFailed: String) -> WireResponse {
        let code: String =
            switch failure.kind {
            case .token: TomdaEnvelope.tokenErrorCode
            case .unknownInterface: "1400"
            case .handlerFailed, .busy: handlerFailed
            case .envelope, .invalid, .tooLarge: TomdaEnvelope.badParametersCode
            }
        return WireResponse(body: JSONWriter().bytes(TomdaEnvelope.response(errorCode: code, errorDesc: failure.answerText)))
    }
}

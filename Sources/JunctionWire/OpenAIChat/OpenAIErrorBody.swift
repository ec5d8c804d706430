/// OpenAI's documented error body: `{"error":{"message","type","param","code"}}`.
public enum OpenAIErrorBody {
    /// The body for an error Junction itself reports.
    public static func make(message: String, type: String, code: String? = nil, param: String? = nil) -> JSONValue {
        [
            "error": [
                "message": .string(message),
                "type": .string(type),
                "param": param.map(JSONValue.string) ?? .null,
                "code": code.map(JSONValue.string) ?? .null,
            ]
        ]
    }

    /// The conventional `type` for an HTTP status.
    public static func type(forStatus status: Int) -> String {
        switch status {
        case 400, 404, 413, 422: return "invalid_request_error"
        case 401: return "authentication_error"
        case 403: return "permission_error"
        case 429: return "rate_limit_error"
        case 504: return "timeout_error"
        default: return status >= 500 ? "api_error" : "invalid_request_error"
        }
    }

    /// Whether `body` already is an OpenAI-shaped error (an object with an `error` object holding a message).
    public static func isWellFormed(_ body: JSONValue) -> Bool {
        body["error"]?["message"]?.stringValue != nil
    }
}

/// Names and tables of the Gemini generateContent wire format.
public enum GeminiWire {
    /// `finishReason` values.
    public enum FinishReason {
        /// `STOP`.
        public static let stop = "STOP"
        /// `MAX_TOKENS`.
        public static let maxTokens = "MAX_TOKENS"
        /// `SAFETY`.
        public static let safety = "SAFETY"
        /// `RECITATION`.
        public static let recitation = "RECITATION"
        /// `OTHER`.
        public static let other = "OTHER"
        /// `MALFORMED_FUNCTION_CALL`.
        public static let malformedFunctionCall = "MALFORMED_FUNCTION_CALL"
        /// Reasons that mean a content filter stopped the answer.
        public static let filtered: Set<String> = [
            "SAFETY", "RECITATION", "LANGUAGE", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY",
        ]
    }

    /// `functionCallingConfig.mode` values.
    public enum FunctionCallingMode {
        /// `AUTO`.
        public static let auto = "AUTO"
        /// `ANY`.
        public static let any = "ANY"
        /// `NONE`.
        public static let none = "NONE"
    }

    /// The canonical `error.status` (google.rpc.Code name) for an HTTP status.
    public static func errorStatus(status: Int) -> String {
        switch status {
        case 400: "INVALID_ARGUMENT"
        case 401: "UNAUTHENTICATED"
        case 403: "PERMISSION_DENIED"
        case 404: "NOT_FOUND"
        case 409: "ABORTED"
        case 429: "RESOURCE_EXHAUSTED"
        case 499: "CANCELLED"
        case 501: "UNIMPLEMENTED"
        case 503: "UNAVAILABLE"
        case 504: "DEADLINE_EXCEEDED"
        case 400..<500: "FAILED_PRECONDITION"
        default: "INTERNAL"
        }
    }
}

/// Names and tables of the Anthropic Messages wire format.
public enum AnthropicWire {
    /// Stream event names, which are also the `type` of their data.
    public enum Event {
        /// `message_start`.
        public static let messageStart = "message_start"
        /// `content_block_start`.
        public static let contentBlockStart = "content_block_start"
        /// `content_block_delta`.
        public static let contentBlockDelta = "content_block_delta"
        /// `content_block_stop`.
        public static let contentBlockStop = "content_block_stop"
        /// `message_delta`.
        public static let messageDelta = "message_delta"
        /// `message_stop`.
        public static let messageStop = "message_stop"
        /// `ping`.
        public static let ping = "ping"
        /// `error`.
        public static let error = "error"
    }

    /// `stop_reason` values.
    public enum StopReason {
        /// `end_turn`.
        public static let endTurn = "end_turn"
        /// `max_tokens`.
        public static let maxTokens = "max_tokens"
        /// `stop_sequence`.
        public static let stopSequence = "stop_sequence"
        /// `tool_use`.
        public static let toolUse = "tool_use"
        /// `pause_turn`.
        public static let pauseTurn = "pause_turn"
        /// `refusal`.
        public static let refusal = "refusal"
        /// `model_context_window_exceeded`.
        public static let contextWindowExceeded = "model_context_window_exceeded"
    }

    /// The smallest thinking budget the API accepts.
    public static let minimumThinkingBudget = 1024

    /// The `error.type` Anthropic uses for an HTTP status.
    public static func errorType(status: Int) -> String {
        switch status {
        case 401: "authentication_error"
        case 402: "billing_error"
        case 403: "permission_error"
        case 404: "not_found_error"
        case 413: "request_too_large"
        case 429: "rate_limit_error"
        case 504: "timeout_error"
        case 529, 503: "overloaded_error"
        case 400..<500: "invalid_request_error"
        default: "api_error"
        }
    }

    /// The HTTP status of an `error.type`.
    public static func status(errorType: String) -> Int {
        switch errorType {
        case "invalid_request_error": 400
        case "authentication_error": 401
        case "billing_error": 402
        case "permission_error": 403
        case "not_found_error": 404
        case "request_too_large": 413
        case "rate_limit_error": 429
        case "timeout_error": 504
        case "overloaded_error": 529
        default: 500
        }
    }
}

/// Names and tables of the OpenAI Chat Completions wire format.
public enum OpenAIChatWire {
    /// The object type of a whole completion.
    public static let completionObject = "chat.completion"
    /// The object type of a stream chunk.
    public static let chunkObject = "chat.completion.chunk"
    /// The data of the event that ends a stream.
    public static let doneSentinel = "[DONE]"

    /// `finish_reason` values.
    public enum FinishReason {
        /// `stop`.
        public static let stop = "stop"
        /// `length`.
        public static let length = "length"
        /// `tool_calls`.
        public static let toolCalls = "tool_calls"
        /// `content_filter`.
        public static let contentFilter = "content_filter"
        /// `function_call`.
        public static let functionCall = "function_call"
    }

    /// The `error.type` OpenAI uses for an HTTP status.
    public static func errorType(status: Int) -> String {
        switch status {
        case 401: "authentication_error"
        case 403: "permission_error"
        case 404: "not_found_error"
        case 409: "conflict_error"
        case 422: "unprocessable_entity_error"
        case 429: "rate_limit_error"
        case 400..<500: "invalid_request_error"
        default: "server_error"
        }
    }
}

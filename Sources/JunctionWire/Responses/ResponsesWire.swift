/// Names of the OpenAI Responses wire format.
public enum ResponsesWire {
    /// Stream event types (each event's `event:` name and its data's `type`).
    public enum Event {
        /// `response.created`.
        public static let created = "response.created"
        /// `response.in_progress`.
        public static let inProgress = "response.in_progress"
        /// `response.completed`.
        public static let completed = "response.completed"
        /// `response.incomplete`.
        public static let incomplete = "response.incomplete"
        /// `response.failed`.
        public static let failed = "response.failed"
        /// `response.output_item.added`.
        public static let outputItemAdded = "response.output_item.added"
        /// `response.output_item.done`.
        public static let outputItemDone = "response.output_item.done"
        /// `response.content_part.added`.
        public static let contentPartAdded = "response.content_part.added"
        /// `response.content_part.done`.
        public static let contentPartDone = "response.content_part.done"
        /// `response.output_text.delta`.
        public static let outputTextDelta = "response.output_text.delta"
        /// `response.output_text.done`.
        public static let outputTextDone = "response.output_text.done"
        /// `response.refusal.delta`.
        public static let refusalDelta = "response.refusal.delta"
        /// `response.refusal.done`.
        public static let refusalDone = "response.refusal.done"
        /// `response.function_call_arguments.delta`.
        public static let functionCallArgumentsDelta = "response.function_call_arguments.delta"
        /// `response.function_call_arguments.done`.
        public static let functionCallArgumentsDone = "response.function_call_arguments.done"
        /// `response.reasoning_summary_part.added`.
        public static let reasoningSummaryPartAdded = "response.reasoning_summary_part.added"
        /// `response.reasoning_summary_part.done`.
        public static let reasoningSummaryPartDone = "response.reasoning_summary_part.done"
        /// `response.reasoning_summary_text.delta`.
        public static let reasoningSummaryTextDelta = "response.reasoning_summary_text.delta"
        /// `response.reasoning_summary_text.done`.
        public static let reasoningSummaryTextDone = "response.reasoning_summary_text.done"
        /// `response.reasoning_text.delta`.
        public static let reasoningTextDelta = "response.reasoning_text.delta"
        /// `error`.
        public static let error = "error"
    }

    /// `incomplete_details.reason` values.
    public enum IncompleteReason {
        /// `max_output_tokens`.
        public static let maxOutputTokens = "max_output_tokens"
        /// `content_filter`.
        public static let contentFilter = "content_filter"
    }
}

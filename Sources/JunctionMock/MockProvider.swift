import Foundation
import JunctionWire
import Synchronization

/// A fake upstream provider for tests, `junction mock`, `demo` and benchmarks.
///
/// One mock speaks all four wire formats at once, on each provider's real paths:
/// OpenAI Chat Completions (`/v1/chat/completions`, `/v1/models`), Anthropic Messages
/// (`/v1/messages`, `/v1/messages/count_tokens`, `/v1/models` with `anthropic-version`),
/// OpenAI Responses (`/v1/responses`) and Gemini (`/v1beta/models/{model}:generateContent` and
/// `:streamGenerateContent`). It answers with realistic, deterministic text, tool calls and
/// thinking, and acts out scripted faults in each format's documented error shape. What it
/// received is kept for tests to inspect.
public final class MockProvider: Sendable {
    /// One request as the mock saw it.
    public struct ReceivedRequest: Sendable {
        /// The requested model (from the body, or from the path for Gemini).
        public var model: String
        /// Whether a stream was asked for.
        public var stream: Bool
        /// OpenAI Chat: whether `stream_options.include_usage` was set.
        public var includeUsage: Bool
        /// The key the request presented, whatever header or query item carried it.
        public var apiKey: String?
        /// The raw request body.
        public var body: String
        /// The request path, without the query.
        public var path: String
        /// The wire format the route speaks.
        public var format: APIFormat
        /// The request headers, in order, names lowercased.
        public var headers: [(name: String, value: String)]

        /// The first value of a header, by case-insensitive name.
        public func header(_ name: String) -> String? {
            let lowered = name.lowercased()
            return headers.first { $0.name == lowered }?.value
        }
    }

    struct State {
        var requestCount = 0
        var queuedFaults: [MockFault?] = []
        var received: [ReceivedRequest] = []
        var cancelledStreams = 0
        var completedStreams = 0
        /// Responses API answers kept for `previous_response_id` (those not sent with `store: false`).
        var storedResponses: [String: StoredResponse] = [:]
        /// Fingerprints of conversation prefixes already seen, for cached-token counts.
        var promptPrefixes: Set<Int> = []
    }

    /// A Responses API answer kept in memory.
    struct StoredResponse: Sendable {
        var response: JSONValue
        /// Tokens of the whole conversation so far (its input and output), billed again as input when continued.
        var contextTokens: Int
    }

    /// A name used in the mock's answers, so tests can tell providers apart.
    public let name: String
    /// The models listed by the model-list routes; any model name is answered.
    public let models: [String]
    /// When non-empty, requests without one of these keys get the format's authentication error.
    public let apiKeys: [String]
    /// Pause between stream chunks.
    public let chunkDelay: Duration
    /// The words of every answer (the answer is these words, then an echo of the request's size).
    public let replyWords: Int
    let scenario: MockScenario
    let state = Mutex(State())

    public init(
        name: String = "mock", models: [String] = ["gpt-4o", "gpt-4o-mini"], apiKeys: [String] = [],
        chunkDelay: Duration = .zero, replyWords: Int = 12, scenario: MockScenario = .init()
    ) {
        self.name = name
        self.models = models
        self.apiKeys = apiKeys
        self.chunkDelay = chunkDelay
        self.replyWords = replyWords
        self.scenario = scenario
    }

    /// Queues faults for the next requests, in order; `nil` means a normal answer.
    public func enqueue(_ faults: MockFault?...) {
        state.withLock { $0.queuedFaults.append(contentsOf: faults) }
    }

    /// Every request received so far.
    public var receivedRequests: [ReceivedRequest] { state.withLock { $0.received } }

    /// Streams that ended because the client went away.
    public var cancelledStreams: Int { state.withLock { $0.cancelledStreams } }

    /// Streams sent to the end.
    public var completedStreams: Int { state.withLock { $0.completedStreams } }

    /// Records a request and picks its fault: the header's, else a queued one, else the scenario's.
    /// Also returns the request's number (1-based), which makes its ids unique.
    func admit(_ request: ReceivedRequest, headerFault: MockFault?) -> (fault: MockFault?, number: Int) {
        state.withLock { state in
            state.requestCount += 1
            state.received.append(request)
            let number = state.requestCount
            if let headerFault { return (headerFault, number) }
            if !state.queuedFaults.isEmpty { return (state.queuedFaults.removeFirst(), number) }
            return (scenario.fault(forRequest: number, model: request.model), number)
        }
    }

    /// The number of requests received so far.
    var requestNumber: Int { state.withLock { $0.requestCount } }

    func streamEnded(cancelled: Bool) {
        state.withLock { state in
            if cancelled { state.cancelledStreams += 1 } else { state.completedStreams += 1 }
        }
    }
}

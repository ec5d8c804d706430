import Foundation
import Synchronization

/// A fake OpenAI-compatible provider for tests, `junction mock`, `demo` and benchmarks.
///
/// It answers `/v1/chat/completions` (streamed and not, with realistic chunks and usage) and
/// `/v1/models`, and acts out scripted faults. What it received is kept for tests to inspect.
public final class MockProvider: Sendable {
    /// One request as the mock saw it.
    public struct ReceivedRequest: Sendable {
        public var model: String
        public var stream: Bool
        public var includeUsage: Bool
        public var apiKey: String?
        public var body: String
    }

    struct State {
        var requestCount = 0
        var queuedFaults: [MockFault?] = []
        var received: [ReceivedRequest] = []
        var cancelledStreams = 0
        var completedStreams = 0
    }

    /// A name used in the mock's answers, so tests can tell providers apart.
    public let name: String
    /// The models listed by `/v1/models`; any model name is answered.
    public let models: [String]
    /// When non-empty, requests without one of these keys get OpenAI's 401.
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
    func admit(_ request: ReceivedRequest, headerFault: MockFault?) -> MockFault? {
        state.withLock { state in
            state.requestCount += 1
            state.received.append(request)
            if let headerFault { return headerFault }
            if !state.queuedFaults.isEmpty { return state.queuedFaults.removeFirst() }
            return scenario.fault(forRequest: state.requestCount, model: request.model)
        }
    }

    func streamEnded(cancelled: Bool) {
        state.withLock { state in
            if cancelled { state.cancelledStreams += 1 } else { state.completedStreams += 1 }
        }
    }
}

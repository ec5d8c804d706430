import ArgumentParser
import JunctionMock
import Logging
import UnixSignals

/// `junction mock`: a fake provider speaking OpenAI Chat, Responses, Anthropic and Gemini, for trying things out without keys.
struct MockCommand: JunctionSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "mock",
        abstract: "Run a mock provider (OpenAI Chat and Responses, Anthropic, Gemini) with scripted faults.",
        discussion: """
            Send 'x-mock-fault: status=429; retry-after=30' (or latency=, stall=, stall-after=, disconnect-after=, \
            stream-error-after=) to script one request, or pass a scenario file with rules by request number.
            """)

    @Option(help: "The port to listen on.")
    var port: Int = 9001

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "A name that appears in the answers.")
    var name: String = "mock"

    @Option(help: "Comma-separated models for /v1/models.")
    var models: String = "gpt-4o,gpt-4o-mini"

    @Option(help: "A YAML scenario file of faults by request number.")
    var scenario: String?

    @Option(name: .customLong("chunk-delay-ms"), help: "Milliseconds between stream chunks.")
    var chunkDelayMs: Int = 0

    func execute() async throws {
        let logger = LogSetup.bootstrap(defaultLevel: .warning)
        let provider = MockProvider(
            name: name, models: models.split(separator: ",").map(String.init),
            chunkDelay: .milliseconds(chunkDelayMs), scenario: try scenario.map { try MockScenario(contentsOfFile: $0) } ?? .init())
        let server = try await MockServer.start(provider, host: host, port: port, signals: [.sigterm, .sigint], logger: logger)
        print("junction mock '\(name)' listening on http://\(host):\(server.port)/v1")
        try await server.wait()
    }
}

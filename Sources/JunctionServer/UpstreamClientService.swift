import JunctionProviders
import ServiceLifecycle

/// Owns the upstream client's lifetime: it shuts the client down after the server has drained.
struct UpstreamClientService: Service {
    let client: UpstreamClient

    func run() async throws {
        try? await gracefulShutdown()
        try await client.shutdown()
    }
}

import JunctionGateway
@testable import JunctionServer
import JunctionWire
import Metrics
import MetricsTestKit
import Testing

@Suite struct MetricsTests {
    /// An endpoint with two requests recorded: a 200 with tokens and cost, and a 502 after 3 attempts.
    static func recordedEndpoint() -> MetricsEndpoint {
        let endpoint = MetricsEndpoint()
        endpoint.gateway.requestFinished(
            route: "chat", provider: "openai", model: "gpt-4o", status: 200, latency: .milliseconds(2500),
            timeToFirstToken: .milliseconds(800), inputTokens: 1200, outputTokens: 300, cachedTokens: 1000, costMicros: 12345,
            attempts: 1, saverTokensSaved: 500, saverBytesSaved: 2000)
        endpoint.gateway.requestFinished(
            route: "chat", provider: "anthropic", model: "claude-sonnet-4", status: 502, latency: .seconds(400),
            timeToFirstToken: nil, inputTokens: 0, outputTokens: 0, cachedTokens: 0, costMicros: 0, attempts: 3,
            saverTokensSaved: 0, saverBytesSaved: 0)
        return endpoint
    }

    static func lines(_ endpoint: MetricsEndpoint) -> Set<String> {
        Set(endpoint.render().split(separator: "\n").map(String.init))
    }

    @Test func renderedSeriesAreTheOnesUsersGrepFor() {
        let lines = Self.lines(Self.recordedEndpoint())
        let expected = [
            "# TYPE junction_requests_total counter",
            #"junction_requests_total{route="chat",provider="openai",model="gpt-4o",status="200"} 1"#,
            #"junction_requests_total{route="chat",provider="anthropic",model="claude-sonnet-4",status="502"} 1"#,
            #"junction_tokens_total{provider="openai",model="gpt-4o",kind="input"} 1200"#,
            #"junction_tokens_total{provider="openai",model="gpt-4o",kind="output"} 300"#,
            #"junction_tokens_total{provider="openai",model="gpt-4o",kind="cached"} 1000"#,
            #"junction_cost_usd_total{provider="openai",model="gpt-4o"} 0.012345"#,
            #"junction_cost_usd_total{provider="anthropic",model="claude-sonnet-4"} 0"#,
            #"junction_fallbacks_total{route="chat"} 2"#,
            "junction_saver_tokens_saved_total 500",
            "junction_saver_bytes_saved_total 2000",
            "# TYPE junction_request_duration_seconds histogram",
            #"junction_request_duration_seconds_bucket{route="chat",provider="openai",le="2.5"} 1"#,
            #"junction_request_duration_seconds_bucket{route="chat",provider="openai",le="300.0"} 1"#,
            #"junction_request_duration_seconds_bucket{route="chat",provider="anthropic",le="300.0"} 0"#,
            #"junction_request_duration_seconds_bucket{route="chat",provider="anthropic",le="600.0"} 1"#,
            #"junction_request_duration_seconds_bucket{route="chat",provider="anthropic",le="+Inf"} 1"#,
            #"junction_request_duration_seconds_sum{route="chat",provider="openai"} 2.5"#,
            #"junction_request_duration_seconds_count{route="chat",provider="openai"} 1"#,
            "# TYPE junction_time_to_first_token_seconds histogram",
            #"junction_time_to_first_token_seconds_bucket{provider="openai",model="gpt-4o",le="0.5"} 0"#,
            #"junction_time_to_first_token_seconds_bucket{provider="openai",model="gpt-4o",le="1.0"} 1"#,
            #"junction_time_to_first_token_seconds_bucket{provider="openai",model="gpt-4o",le="120.0"} 1"#,
        ]
        for line in expected {
            #expect(lines.contains(line), "missing: \(line)")
        }
        // The failed request reached no first token, so it has no time-to-first-token series.
        #expect(!lines.contains { $0.hasPrefix("junction_time_to_first_token_seconds") && $0.contains("anthropic") })
    }

    @Test func contentTypeIsPrometheusText() {
        #expect(MetricsEndpoint.contentType == "text/plain; version=0.0.4; charset=utf-8")
        #expect(MetricsEndpoint.latencyBuckets.last! >= .seconds(300))
        #expect(MetricsEndpoint.firstTokenBuckets.last! >= .seconds(120))
    }

    @Test func registriesAreSeparatePerRuntime() {
        _ = Self.recordedEndpoint()
        #expect(!MetricsEndpoint().render().contains("junction_requests_total"))
    }

    @Test func accountStateChangeIsVisible() {
        let endpoint = MetricsEndpoint()
        endpoint.gateway.breakerStates([(provider: "openai", account: 0, model: "gpt-4o", state: "healthy")])
        #expect(Self.lines(endpoint).contains(#"junction_account_state{provider="openai",account="0",model="gpt-4o",state="healthy"} 1.0"#))

        endpoint.gateway.breakerStates([(provider: "openai", account: 0, model: "gpt-4o", state: "circuit_open")])
        var lines = Self.lines(endpoint)
        #expect(lines.contains(#"junction_account_state{provider="openai",account="0",model="gpt-4o",state="healthy"} 0.0"#))
        #expect(lines.contains(#"junction_account_state{provider="openai",account="0",model="gpt-4o",state="circuit_open"} 1.0"#))

        endpoint.gateway.breakerStates([])  // the account left the configuration
        lines = Self.lines(endpoint)
        #expect(lines.contains(#"junction_account_state{provider="openai",account="0",model="gpt-4o",state="circuit_open"} 0.0"#))
    }

    @Test func ledgerDropsAreCountedOnce() {
        let endpoint = MetricsEndpoint()
        endpoint.gateway.ledger(queueDepth: 3, dropped: 5)
        endpoint.gateway.ledger(queueDepth: 0, dropped: 7)
        endpoint.gateway.ledger(queueDepth: 0, dropped: 7)
        let lines = Self.lines(endpoint)
        #expect(lines.contains("junction_ledger_queue_depth 0.0"))
        #expect(lines.contains("junction_ledger_dropped_total 7"))
    }

    @Test func missingProviderAndModelAreDashes() throws {
        let metrics = TestMetrics()
        let gateway = GatewayMetrics(factory: metrics)
        gateway.requestFinished(
            route: "messages", provider: nil, model: nil, status: 400, latency: .milliseconds(3), timeToFirstToken: nil,
            inputTokens: -5, outputTokens: 0, cachedTokens: 0, costMicros: -1, attempts: 0, saverTokensSaved: 0, saverBytesSaved: 0)
        let requests = try metrics.expectCounter(
            MetricName.requests, [("route", "messages"), ("provider", "-"), ("model", "-"), ("status", "400")])
        #expect(requests.totalValue == 1)
        #expect(try metrics.expectCounter(MetricName.fallbacks, [("route", "messages")]).totalValue == 0)
        #expect(try metrics.expectCounter(MetricName.tokens, [("provider", "-"), ("model", "-"), ("kind", "input")]).totalValue == 0)
        #expect(try metrics.expectTimer(MetricName.requestDuration, [("route", "messages"), ("provider", "-")]).values == [3_000_000])
    }

    @Test func withTaskLocalFactoryToo() throws {
        // GatewayMetrics never reads the global or task-local factory: only the one it was given.
        let given = TestMetrics()
        let ambient = TestMetrics()
        withMetricsFactory(ambient) {
            GatewayMetrics(factory: given).ledger(queueDepth: 1, dropped: 0)
        }
        #expect(try given.expectGauge(MetricName.ledgerQueueDepth).lastValue == 1)
        #expect(ambient.recorders.isEmpty)
    }

    @Test func bearerTokenIsRequiredWhenConfigured() {
        let access = MetricsAccess(token: "scrape-secret-123")
        #expect(access.decide(authorization: nil, fromLoopback: true) == .unauthorized)
        #expect(access.decide(authorization: "Bearer wrong", fromLoopback: true) == .unauthorized)
        #expect(access.decide(authorization: "Bearer scrape-secret-12", fromLoopback: true) == .unauthorized)
        #expect(access.decide(authorization: "Basic scrape-secret-123", fromLoopback: true) == .unauthorized)
        #expect(access.decide(authorization: "Bearer scrape-secret-123", fromLoopback: false) == .allowed)
        #expect(access.decide(authorization: "bearer scrape-secret-123", fromLoopback: false) == .allowed)

        let body = MetricsAccess.errorBody(.unauthorized)
        #expect(body["error"]?["type"]?.stringValue == "authentication_error")
        #expect(body["error"]?["message"]?.stringValue?.contains("scrape-secret") == false)
    }

    @Test func loopbackOnlyWithoutToken() {
        for token in [nil, ""] as [String?] {
            let access = MetricsAccess(token: token)
            #expect(access.decide(authorization: nil, fromLoopback: true) == .allowed)
            #expect(access.decide(authorization: "Bearer anything", fromLoopback: false) == .forbidden)
        }
        #expect(MetricsAccess.errorBody(.forbidden)["error"]?["type"]?.stringValue == "permission_error")
    }
}

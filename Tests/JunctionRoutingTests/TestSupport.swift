import Foundation
import JunctionRouting
import JunctionWire

/// Builders and a driver shared by the routing tests.
enum Fixture {
    static func model(_ id: String, window: Int? = 128_000, caps: ModelCapabilities? = [.tools, .images], input: Double? = nil, output: Double? = nil, aliases: [String] = []) -> ModelProfile {
        ModelProfile(
            id: id, aliases: aliases, contextWindow: window, capabilities: caps,
            prices: input.map { ModelPrices(input: $0, output: output ?? $0 * 4) }
        )
    }

    static func provider(_ id: String, accounts: Int = 1, selection: AccountSelection = .fillFirst, models: [ModelProfile], format: APIFormat = .openAIChat, unlisted: Bool = false, budgets: [AccountBudget] = [], collectsData: Bool = false, fingerprints: [String?] = []) -> ProviderConfig {
        ProviderConfig(
            id: id, format: format, accountCount: accounts, accountSelection: selection, models: models,
            acceptsUnlistedModels: unlisted, budgets: budgets, collectsData: collectsData, keyFingerprints: fingerprints
        )
    }

    /// Two providers serving `gpt-4o` (oai with 2 accounts, backup with 1) and a small model.
    static func basicConfig(policy: RoutingPolicy = RoutingPolicy()) -> RoutingConfig {
        RoutingConfig(
            providers: [
                provider("oai", accounts: 2, models: [model("gpt-4o", input: 2.5, output: 10), model("gpt-4o-mini", input: 0.15, output: 0.6)]),
                provider("backup", models: [model("gpt-4o", input: 3, output: 12), model("gpt-4o-mini", input: 0.2, output: 0.8)]),
            ],
            policy: policy
        )
    }
}

/// A scripted request run against a router on a manual clock.
struct Run {
    var session: RouteSession
    var attempts: [Attempt]
    var decisions: [AttemptDecision]

    var labels: [String] { attempts.map(\.label) }
}

extension SharedRouter {
    /// Plans `request` and runs it to the end, answering each attempt with `script`.
    func run(_ request: RouteRequest, clock: ManualRoutingClock? = nil, usage: UsageSnapshot = .empty, _ script: (Attempt) -> AttemptOutcome) throws -> Run {
        var session = try plan(request, usage: usage)
        var run = Run(session: session, attempts: [], decisions: [])
        while let attempt = next(&session) {
            run.attempts.append(attempt)
            let decision = record(script(attempt), for: attempt, in: &session)
            run.decisions.append(decision)
            switch decision {
            case .commit, .returnToClient: break
            case .next: continue
            case .waitThenNext(let until):
                clock?.set(until)
                continue
            }
            break
        }
        run.session = session
        return run
    }
}

let ok = AttemptOutcome.success(AttemptSuccess())

func fail(_ status: Int, headers: HeaderFields = .empty, body: String = "") -> AttemptOutcome {
    .failure(.http(status, headers: headers, body: body))
}

func failTransport(_ kind: TransportFailure, body: String = "") -> AttemptOutcome {
    .failure(AttemptFailure(status: kind == .streamError ? 200 : nil, body: body, transport: kind, phase: kind == .streamError || kind == .emptyStream ? .streamBeforeContent : .connect))
}

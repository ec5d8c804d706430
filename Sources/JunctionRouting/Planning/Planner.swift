import Foundation
import JunctionWire

/// Builds the ordered attempt list for a request: resolution, filters, request preferences,
/// stickiness and account selection. Pure apart from the strategy state it advances.
enum Planner {
    struct Inputs {
        var request: RouteRequest
        var config: RoutingConfig
        var health: HealthState
        var usage: UsageSnapshot
        var sticky: StickyTable
        var now: Date
    }

    static func plan(_ inputs: Inputs, state: inout StrategyState) throws(RoutingError) -> (attempts: [Attempt], skipped: [SkippedTarget]) {
        let request = inputs.request
        let config = inputs.config
        let output = request.maxOutputTokens ?? config.policy.defaultOutputTokens
        let resolver = TargetResolver(config: config, health: inputs.health, inputTokens: request.estimatedInputTokens, outputTokens: output)

        var targets: [ResolvedTarget] = []
        var seen = Set<ProviderModelKey>()
        for ref in ([request.model] + request.models) where !ref.isEmpty {
            for target in try resolver.resolve(ref, state: &state) where seen.insert(target.key).inserted {
                targets.append(target)
            }
        }

        var skipped: [SkippedTarget] = []
        let needed = request.estimatedInputTokens + output
        targets = targets.filter { target in
            if let reason = filterReason(target, request: request, config: config, needed: needed) {
                skipped.append(SkippedTarget(provider: target.provider, model: target.model, reason: reason))
                return false
            }
            return true
        }
        if let preferences = request.preferences {
            targets = PreferenceOrdering.apply(preferences, to: targets, health: inputs.health, input: request.estimatedInputTokens, output: output, skipped: &skipped)
        }
        var preferredAccount: [ProviderModelKey: Int] = [:]
        if let conversation = request.conversationKey, config.isSticky(request.model),
           let entry = inputs.sticky.lookup(conversation: conversation, model: request.model, now: inputs.now, ttl: config.policy.stickyTTL),
           let index = targets.firstIndex(where: { $0.provider == entry.provider && $0.model == entry.model }) {
            targets.insert(targets.remove(at: index), at: 0)
            preferredAccount[targets[0].key] = entry.account
        }

        var attempts: [Attempt] = []
        var rotated = Set<String>()
        for target in targets {
            guard let provider = config.provider(target.provider) else { continue }
            var accounts = AccountOrdering.order(provider, usage: inputs.usage, state: &state, rotate: rotated.insert(provider.id).inserted)
            if let preferred = preferredAccount[target.key], let index = accounts.firstIndex(of: preferred) {
                accounts.insert(accounts.remove(at: index), at: 0)
            }
            for account in accounts {
                let key = AccountModelKey(provider: provider.id, account: account, model: target.model)
                let context = HealthState.Context(
                    now: inputs.now, estimatedTokens: needed,
                    keyFingerprint: provider.keyFingerprint(of: account), breaker: config.policy.breaker
                )
                if let reason = inputs.health.unavailability(of: key, context: context)
                    ?? AccountOrdering.budgetReason(provider, account: account, usage: inputs.usage) {
                    skipped.append(SkippedTarget(provider: provider.id, model: target.model, account: account, reason: reason))
                    continue
                }
                attempts.append(Attempt(
                    provider: provider.id, account: account, upstreamModel: target.model, format: target.format,
                    tier: target.tier, combo: target.combo, profile: target.profile
                ))
            }
        }
        return (attempts, skipped)
    }

    /// Why a target cannot serve the request at all, whatever its health.
    static func filterReason(_ target: ResolvedTarget, request: RouteRequest, config: RoutingConfig, needed: Int) -> SkipReason? {
        let profile = target.profile
        if let window = profile?.contextWindow, window < needed {
            return .contextTooSmall(window: window, needed: needed)
        }
        if let capabilities = profile?.capabilities, !capabilities.isSuperset(of: request.capabilities) {
            return .missingCapabilities(request.capabilities.subtracting(capabilities).names)
        }
        guard let preferences = request.preferences else { return nil }
        if let only = preferences.only, !only.contains(target.provider) {
            return .excludedByPreferences("not in only")
        }
        if preferences.ignore.contains(target.provider) {
            return .excludedByPreferences("ignored")
        }
        if preferences.dataCollection == .deny, config.provider(target.provider)?.collectsData == true {
            return .dataCollection
        }
        if let maxPrice = preferences.maxPrice, let prices = profile?.prices {
            if let limit = maxPrice.prompt, prices.input > limit { return .priceAboveMax }
            if let limit = maxPrice.completion, prices.output > limit { return .priceAboveMax }
        }
        return nil
    }
}

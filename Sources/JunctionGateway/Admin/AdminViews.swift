import Foundation
import JunctionProviders
import JunctionRouting
import JunctionSaver
import JunctionStore
import JunctionWire

/// The admin API's JSON shapes (see `openapi.yaml`); never a secret, only masked hints.
enum AdminViews {
    static func provider(_ provider: ProviderConfig) -> JSONValue {
        let accounts: [JSONValue] = provider.apiKeys.enumerated().map { index, key in
            let name = provider.accountNames.indices.contains(index) ? provider.accountNames[index] : ""
            return ["index": .int(index), "name": .string(name.isEmpty ? "#\(index)" : name), "key_hint": .string(SecretBox.hint(for: key))]
        }
        let entry = provider.kind.flatMap(ProviderCatalog.entry)
        let names = provider.models.isEmpty ? (entry?.models.map(\.id) ?? []) : provider.models
        let details: [JSONValue] = names.map { name in
            var profile = ProviderCatalog.profile(provider: provider.kind, model: name) ?? ModelProfile(id: name)
            if let prices = provider.prices[name] { profile.prices = prices }
            profile.id = name
            return modelDetail(profile)
        }
        return [
            "id": .string(provider.id), "kind": provider.kind.map(JSONValue.string) ?? .null, "format": .string(provider.format.rawValue),
            "base_url": .string(provider.baseURL), "models": .array(provider.models.map(JSONValue.string)),
            "account_selection": .string(provider.accountSelection.rawValue), "accounts": .array(accounts),
            "source": .string(provider.source.rawValue), "model_details": .array(details),
        ]
    }

    static func modelDetail(_ profile: ModelProfile) -> JSONValue {
        [
            "id": .string(profile.id), "context_window": profile.contextWindow.map(JSONValue.int) ?? .null,
            "input_per_mtok": profile.prices.map { .double($0.input) } ?? .null,
            "output_per_mtok": profile.prices.map { .double($0.output) } ?? .null,
            "cached_input_per_mtok": profile.prices?.cachedInput.map(JSONValue.double) ?? .null,
        ]
    }

    static func catalogEntry(_ entry: ProviderCatalogEntry) -> JSONValue {
        [
            "kind": .string(entry.id), "name": .string(entry.displayName), "format": .string(entry.format.rawValue),
            "base_url": .string(entry.baseURL), "needs_base_url": .bool(!entry.baseURLPlaceholders.isEmpty),
            "models": .array(entry.models.map(modelDetail)),
        ]
    }

    static func combo(_ combo: ComboConfig) -> JSONValue {
        [
            "name": .string(combo.name), "strategy": .string(combo.strategy.rawValue), "sticky": .bool(combo.sticky),
            "saver": combo.saver.map { .string($0.rawValue) } ?? .null,
            "tiers": .array(combo.tiers.map { tier in
                [
                    "name": tier.name.map(JSONValue.string) ?? .null,
                    "targets": .array(tier.targets.map { ["target": .string($0.ref), "weight": .double($0.weight)] }),
                ]
            }),
            "source": .string(combo.source.rawValue),
        ]
    }

    static func skipped(_ target: SkippedTarget) -> JSONValue {
        ["target": .string(target.label), "reason": .string(target.reason.description), "until": date(target.reason.until)]
    }

    static func limits(_ limits: KeyLimits) -> JSONValue {
        [
            "requests_per_minute": limits.requestsPerMinute.map(JSONValue.int) ?? .null,
            "tokens_per_day": limits.tokensPerDay.map(JSONValue.int) ?? .null,
            "usd_per_day": limits.costMicrosPerDay.map { .double(Double($0) / 1e6) } ?? .null,
            "usd_per_month": limits.costMicrosPerMonth.map { .double(Double($0) / 1e6) } ?? .null,
            "allowed_models": limits.allowedModels.map { .array($0.map(JSONValue.string)) } ?? .null,
        ]
    }

    static func record(_ record: UsageRecord) -> JSONValue {
        let attempts: [JSONValue] = (record.route ?? "").split(separator: ",").map { part in
            let text = String(part)
            let colon = text.lastIndex(of: ":") ?? text.endIndex
            let head = String(text[..<colon])
            let outcome = colon < text.endIndex ? String(text[text.index(after: colon)...]) : ""
            let hash = head.lastIndex(of: "#")
            let target = hash.map { String(head[..<$0]) } ?? head
            let account = hash.flatMap { Int(head[head.index(after: $0)...]) }
            return ["target": .string(target), "account": account.map(JSONValue.int) ?? .null, "outcome": .string(outcome)]
        }
        var saver: JSONValue = .null
        if let before = record.saverTokensBefore {
            var filters: [JSONObject.Member] = []
            for part in (record.saverFilters ?? "").split(separator: ",") {
                let pieces = part.split(separator: "=", maxSplits: 1)
                if pieces.count == 2, let value = Int(pieces[1]) { filters.append(JSONObject.Member(key: String(pieces[0]), value: .int(value))) }
            }
            saver = [
                "bytes_before": .int(record.saverBytesBefore ?? 0), "bytes_after": .int(record.saverBytesAfter ?? 0),
                "tokens_before": .int(before), "tokens_after": .int(record.saverTokensAfter ?? before),
                "filters": .object(JSONObject(filters)),
            ]
        }
        func optional(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }
        func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        return [
            "id": optional(record.requestId), "seq": optional(record.id.map(Int.init)), "created_at": date(record.createdAt),
            "client_key": optional(record.clientKey), "endpoint": .string(record.endpoint), "requested_model": .string(record.requestedModel),
            "combo": optional(record.combo), "tier": optional(record.tier), "provider": optional(record.provider),
            "account": optional(record.account), "upstream_model": optional(record.upstreamModel), "status": .int(record.status),
            "error": optional(record.error), "error_class": optional(record.errorClass), "stream": .bool(record.stream),
            "latency_ms": .int(record.latencyMs), "ttft_ms": optional(record.firstByteMs), "attempts": .array(attempts),
            "tokens": [
                "input": optional(record.inputTokens), "cached": optional(record.cachedInputTokens),
                "cache_write": optional(record.cacheWriteTokens), "cache_write_1h": optional(record.cacheWrite1hTokens),
                "output": optional(record.outputTokens), "reasoning": optional(record.reasoningTokens),
            ],
            "cost_usd": record.costMicros.map { .double(Double($0) / 1e6) } ?? .null, "saver": saver,
        ]
    }

    static func date(_ date: Date?) -> JSONValue {
        guard let date else { return .null }
        return .string(date.formatted(.iso8601))
    }
}

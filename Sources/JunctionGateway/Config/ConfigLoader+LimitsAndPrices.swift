import JunctionStore
import JunctionWire
import Yams

extension ConfigLoader {
    /// `limits: {requests_per_minute: 60, tokens_per_day: 2000000, usd_per_day: 5, usd_per_month: 100, models: [coding]}`.
    static func keyLimits(_ field: YAMLField) throws -> KeyLimits {
        let fields = try field.mapping(allowed: ["requests_per_minute", "tokens_per_day", "usd_per_day", "usd_per_month", "models"])
        func positive(_ name: String) throws -> Int? {
            guard let field = fields[name] else { return nil }
            let value = try field.int()
            guard value > 0 else { throw field.error("must be a positive whole number") }
            return value
        }
        func dollars(_ name: String) throws -> Int? {
            guard let field = fields[name] else { return nil }
            guard let value = Double(try field.string()), value >= 0, value.isFinite else { throw field.error("expected an amount in dollars") }
            return Int((value * 1_000_000).rounded())
        }
        return KeyLimits(
            requestsPerMinute: try positive("requests_per_minute"), tokensPerDay: try positive("tokens_per_day"),
            costMicrosPerDay: try dollars("usd_per_day"), costMicrosPerMonth: try dollars("usd_per_month"),
            allowedModels: try fields["models"]?.sequence().map { try $0.nonEmptyString() })
    }

    /// `prices: {gpt-4o: {input: 2.5, output: 10, cached_input: 1.25, cache_write: 3.75, cache_write_1h: 5, reasoning: 10}}`.
    static func prices(_ field: YAMLField) throws -> [String: ModelPrices] {
        var prices: [String: ModelPrices] = [:]
        guard case .mapping(let mapping) = field.node else { throw field.error("expected a mapping of model name to prices") }
        for (keyNode, _) in mapping {
            guard let model = keyNode.string, let entry = field.member(model) else { throw field.error("expected model names as keys") }
            let parts = try entry.mapping(allowed: ["input", "output", "cached_input", "cache_write", "cache_write_1h", "reasoning"])
            func price(_ name: String) throws -> Double? {
                guard let part = parts[name] else { return nil }
                guard let value = Double(try part.string()), value >= 0, value.isFinite else {
                    throw part.error("expected dollars per million tokens")
                }
                return value
            }
            guard let input = try price("input"), let output = try price("output") else {
                throw entry.error("a price needs input and output (dollars per million tokens)")
            }
            prices[model] = ModelPrices(
                input: input, output: output, cachedInput: try price("cached_input"), cacheWrite: try price("cache_write"),
                cacheWrite1h: try price("cache_write_1h"), reasoning: try price("reasoning"))
        }
        return prices
    }
}

import Foundation
import Yams

/// Readers for the scenario's own sections (traffic, simulated providers, objectives).
enum ScenarioFields {
    static func traffic(_ field: YAMLField) throws -> TrafficProfile {
        let fields = try field.mapping(allowed: ["rate", "duration", "concurrency", "arrivals", "mix", "step"])
        guard let rateField = fields["rate"] else { throw field.error("traffic needs a rate, for example 30/m") }
        guard let durationField = fields["duration"] else { throw field.error("traffic needs a duration, for example 30m") }
        guard let mixField = fields["mix"] else { throw field.error("traffic needs a mix of requests, for example [{model: coding}]") }
        var profile = TrafficProfile(rate: try rate(rateField), duration: try time(durationField), mix: [])
        guard profile.duration > 0 else { throw durationField.error("must be positive") }
        if let concurrency = fields["concurrency"] {
            profile.concurrency = try concurrency.int()
            guard profile.concurrency >= 1 else { throw concurrency.error("must be at least 1") }
        }
        if let arrivals = fields["arrivals"] {
            let text = try arrivals.nonEmptyString()
            guard let parsed = TrafficProfile.Arrivals(rawValue: text) else { throw arrivals.error("unknown arrivals '\(text)' (known: poisson, uniform)") }
            profile.arrivals = parsed
        }
        if let step = fields["step"] { profile.step = try seconds(step) }
        profile.mix = try mixField.sequence().map { element in
            let kind = try element.mapping(allowed: ["model", "stream", "weight"])
            guard let model = kind["model"] else { throw element.error("a request kind needs a model") }
            let weight = try kind["weight"].map(number) ?? 1
            guard weight > 0 else { throw kind["weight"]!.error("must be positive") }
            return RequestKind(model: try model.nonEmptyString(), stream: try kind["stream"]?.bool() ?? false, weight: weight)
        }
        guard !profile.mix.isEmpty else { throw mixField.error("needs at least one kind of request") }
        return profile
    }

    static func provider(_ field: YAMLField) throws -> SimulatedProvider {
        let fields = try field.mapping(allowed: [
            "id", "latency_ms", "error_latency_ms", "failure_rate", "failure_status", "outages", "rate_limits",
        ])
        guard let id = fields["id"] else { throw field.error("a simulated provider needs the id of a junction provider") }
        var provider = SimulatedProvider(id: try id.nonEmptyString())
        if let latency = fields["latency_ms"] { provider.latency = try self.latency(latency) }
        if let errorLatency = fields["error_latency_ms"] { provider.errorLatencyMs = try milliseconds(errorLatency) }
        if let rate = fields["failure_rate"] { provider.failureRate = try fraction(rate) }
        if let status = fields["failure_status"] { provider.failureStatus = try self.status(status) }
        provider.outages = try fields["outages"]?.sequence().map { element in
            let window = try element.mapping(allowed: ["from", "to", "status"])
            let (from, to) = try bounds(element, window)
            return Outage(from: from, to: to, status: try window["status"].map(status) ?? 503)
        } ?? []
        provider.rateLimits = try fields["rate_limits"]?.sequence().map { element in
            let window = try element.mapping(allowed: ["from", "to", "reset"])
            let (from, to) = try bounds(element, window)
            let reset = try window["reset"].map(time) ?? to
            guard reset >= from else { throw window["reset"]!.error("the reset must not come before the window starts") }
            return RateLimitWindow(from: from, to: to, reset: reset)
        } ?? []
        return provider
    }

    static func objectives(_ field: YAMLField) throws -> [ServiceLevelObjective] {
        let fields = try field.mapping(allowed: ["success_rate", "p50_latency", "p95_latency", "fallback_rate"])
        var objectives: [ServiceLevelObjective] = []
        if let rate = fields["success_rate"] { objectives.append(.init(.successRate(atLeast: try fraction(rate)))) }
        if let p50 = fields["p50_latency"] { objectives.append(.init(.p50Latency(atMostMs: try seconds(p50) * 1000))) }
        if let p95 = fields["p95_latency"] { objectives.append(.init(.p95Latency(atMostMs: try seconds(p95) * 1000))) }
        if let rate = fields["fallback_rate"] { objectives.append(.init(.fallbackRate(atMost: try fraction(rate)))) }
        return objectives
    }

    private static func bounds(_ element: YAMLField, _ window: [String: YAMLField]) throws -> (TimeInterval, TimeInterval) {
        guard let fromField = window["from"], let toField = window["to"] else { throw element.error("a window needs from and to") }
        let from = try time(fromField)
        let to = try time(toField)
        guard to > from else { throw toField.error("must be after from") }
        return (from, to)
    }

    private static func latency(_ field: YAMLField) throws -> LatencyDistribution {
        if case .scalar = field.node {
            let fixed = try milliseconds(field)
            return LatencyDistribution(p50: fixed, p95: fixed)
        }
        let fields = try field.mapping(allowed: ["p50", "p95"])
        guard let p50 = fields["p50"] else { throw field.error("needs p50 (and p95), in milliseconds") }
        let median = try milliseconds(p50)
        let tail = try fields["p95"].map(milliseconds) ?? median
        guard tail >= median else { throw fields["p95"]!.error("must be at least p50") }
        return LatencyDistribution(p50: median, p95: tail)
    }

    /// A number, such as `100` or `2.5`.
    static func number(_ field: YAMLField) throws -> Double {
        guard let value = Double(try field.string().trimmingCharacters(in: .whitespaces)), value.isFinite else {
            throw field.error("expected a number")
        }
        return value
    }

    private static func milliseconds(_ field: YAMLField) throws -> Double {
        let value = try number(field)
        guard value >= 0 else { throw field.error("must not be negative") }
        return value
    }

    private static func status(_ field: YAMLField) throws -> Int {
        let value = try field.int()
        guard (400...599).contains(value) else { throw field.error("expected an HTTP error status, 400 to 599") }
        return value
    }

    /// A part of the whole: `99.5%` or `0.995`.
    static func fraction(_ field: YAMLField) throws -> Double {
        let text = try field.string().trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("%"), let percent = Double(text.dropLast().trimmingCharacters(in: .whitespaces)), (0...100).contains(percent) {
            return percent / 100
        }
        guard let value = Double(text), (0...1).contains(value) else { throw field.error("expected a percentage such as 99.5% or a fraction such as 0.995") }
        return value
    }

    /// A simulated time from the start: `0`, `90s`, `10m`, `4h`.
    static func time(_ field: YAMLField) throws -> TimeInterval {
        if let zero = Double(try field.string().trimmingCharacters(in: .whitespaces)), zero == 0 { return 0 }
        return try seconds(field)
    }

    static func seconds(_ field: YAMLField) throws -> Double {
        let duration = try field.duration()
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Requests per second from `2`, `2/s`, `30/m` or `100/h`.
    static func rate(_ field: YAMLField) throws -> Double {
        let text = try field.string().replacingOccurrences(of: " ", with: "").lowercased()
        let parts = text.split(separator: "/", maxSplits: 1)
        let per: Double? = parts.count == 1 ? 1 : ["s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600][String(parts[1])]
        guard let count = Double(parts.first ?? ""), count > 0, let per else {
            throw field.error("expected a rate such as 2/s, 30/m or 100/h")
        }
        return count / per
    }
}

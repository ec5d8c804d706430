import Foundation
import JunctionGateway
import Testing

@Suite("Simulation: traffic schedule and fault timeline")
struct SimulationScheduleTests {
    let profile = TrafficProfile(
        rate: 2, duration: 600, concurrency: 4, mix: [RequestKind(model: "coding", weight: 3), RequestKind(model: "coding", stream: true)])

    @Test func theSameSeedGivesTheSameScheduleAndAnotherSeedAnother() {
        let first = TrafficSchedule.make(profile, seed: 42)
        #expect(first == TrafficSchedule.make(profile, seed: 42))
        #expect(first != TrafficSchedule.make(profile, seed: 43))
    }

    @Test func poissonArrivalsKeepTheRateAndTheMixKeepsItsWeights() throws {
        let schedule = TrafficSchedule.make(profile, seed: 7)
        #expect((1080...1320).contains(schedule.count), "about 2/s for 600 s")
        #expect(schedule.map(\.time) == schedule.map(\.time).sorted())
        #expect(schedule.allSatisfy { $0.time >= 0 && $0.time < 600 })
        #expect(schedule.map(\.index) == Array(0..<schedule.count))
        let streamed = Double(schedule.filter(\.stream).count) / Double(schedule.count)
        #expect(abs(streamed - 0.25) < 0.05)
    }

    @Test func uniformArrivalsAreEvenlySpaced() {
        var even = profile
        even.arrivals = .uniform
        even.rate = 0.5
        even.duration = 10
        #expect(TrafficSchedule.make(even, seed: 1).map(\.time) == [0, 2, 4, 6, 8])
    }

    @Test func stepsGroupTheRequestsOfEachSimulatedSecond() {
        let requests = [0.1, 0.9, 1.0, 3.5].enumerated().map { ScheduledRequest(index: $0, time: $1, model: "m", stream: false) }
        let steps = TrafficSchedule.steps(requests, step: 1)
        #expect(steps.map(\.time) == [0, 1, 3])
        #expect(steps.map { $0.requests.map(\.index) } == [[0, 1], [2], [3]])
    }

    @Test func outagesThenRateLimitWindowsThenTheFailureRateDecideTheFault() {
        let provider = SimulatedProvider(
            id: "p", failureRate: 0.1, failureStatus: 502, outages: [Outage(from: 600, to: 1200, status: 503)],
            rateLimits: [RateLimitWindow(from: 1000, to: 2000, reset: 5000)])
        #expect(provider.fault(at: 599.9, draw: 0.5) == .none)
        #expect(provider.fault(at: 600, draw: 0.5) == .status(503))
        #expect(provider.fault(at: 1100, draw: 0.5) == .status(503), "the outage wins where windows overlap")
        #expect(provider.fault(at: 1200, draw: 0.5) == .rateLimited(retryAfter: 3800), "retry-after counts down to the reset")
        #expect(provider.fault(at: 1999.5, draw: 0.5) == .rateLimited(retryAfter: 3001))
        #expect(provider.fault(at: 2000, draw: 0.5) == .none)
        #expect(provider.fault(at: 2000, draw: 0.05) == .status(502), "a draw under the failure rate fails")
    }

    @Test func answersAreAPureFunctionOfSeedProviderArrivalAndTime() {
        let provider = SimulatedProvider(id: "p", latency: LatencyDistribution(p50: 800, p95: 2500), failureRate: 0.2)
        let draws = SimulationDraws(seed: 9)
        let answers = (1...2000).map { provider.answer(at: 10, arrival: $0, draws: draws) }
        #expect(answers == (1...2000).map { provider.answer(at: 10, arrival: $0, draws: draws) })
        let failures = Double(answers.filter { $0.fault != .none }.count) / 2000
        #expect(abs(failures - 0.2) < 0.03)
        #expect(answers.filter { $0.fault != .none }.allSatisfy { $0.latencyMs == provider.errorLatencyMs })
        let other = SimulatedProvider(id: "q", latency: provider.latency, failureRate: 0.2)
        #expect((1...50).map { other.answer(at: 10, arrival: $0, draws: draws) } != Array(answers.prefix(50)), "each provider draws its own")
    }

    @Test func theLognormalLatencyHasTheGivenMedianAndNinetyFifthPercentile() throws {
        let latency = LatencyDistribution(p50: 800, p95: 2500)
        let draws = SimulationDraws(seed: 5)
        let samples = (0..<20_000).map { latency.sample(draws.unit(UInt64($0), 1), draws.unit(UInt64($0), 2)) }.sorted()
        let p50 = try #require(Percentile.nearestRank(samples, 50))
        let p95 = try #require(Percentile.nearestRank(samples, 95))
        #expect(abs(p50 - 800) < 40)
        #expect(abs(p95 - 2500) < 150)
        #expect(LatencyDistribution(p50: 300, p95: 300).sample(0.3, 0.7) == 300)
    }
}

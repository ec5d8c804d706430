import JunctionTranslate
import JunctionWire

/// Times the whole request path of the gateway for one client body: bytes in, bytes out.
enum RequestBench {
    /// How the body reaches the provider.
    enum Route {
        /// Translated through the canonical conversation into `provider`'s format.
        case translate(to: APIFormat)
        /// Same format: the tree is kept, only the model changes (what the gateway does).
        case passthrough
    }

    /// One run of the path; returns the upstream body's size so the work cannot be optimised away.
    static func run(_ bytes: [UInt8], client: APIFormat, route: Route) throws -> Int {
        var body = try JSONValue(parsing: bytes)
        switch route {
        case .translate(let provider):
            let request = try Codecs.codec(for: client).decodeRequest(body)
            return try Codecs.codec(for: provider).encodeRequest(request, upstreamModel: "upstream-model", stream: true).serialized().count
        case .passthrough:
            if client != .gemini { body["model"] = "upstream-model" }
            return body.serialized().count
        }
    }

    /// One client body and the route it takes.
    struct Case {
        var client: APIFormat
        var bytes: [UInt8]
        var route: Route
        var label: String
        var stats = Stats()
        /// The same runs in thread CPU time.
        var cpu = Stats()
        var outputBytes = 0
        var error: (any Error)?
    }

    /// `iterations` timed rounds after `warmup` untimed ones; each round runs every case once, so that a
    /// burst of load from other processes falls on all cases alike instead of on whichever ran then.
    static func measure(_ cases: inout [Case], iterations: Int, warmup: Int) {
        for round in 0..<(warmup + iterations) {
            for index in cases.indices where cases[index].error == nil {
                let start = ContinuousClock.now
                let cpuStart = threadCPUMicroseconds()
                do {
                    cases[index].outputBytes = try run(cases[index].bytes, client: cases[index].client, route: cases[index].route)
                } catch {
                    cases[index].error = error
                    continue
                }
                guard round >= warmup else { continue }
                cases[index].stats.add(microseconds(since: start))
                cases[index].cpu.add(threadCPUMicroseconds() - cpuStart)
            }
        }
    }
}

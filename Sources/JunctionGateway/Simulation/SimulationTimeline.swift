import Foundation

/// The run cut into equal windows of simulated time: for each, how many requests, how many
/// succeeded, and which target answered them, so an outage or a quota running out shows as traffic
/// moving from one target to another and back.
public struct SimulationTimeline: Sendable, Hashable {
    /// One window of simulated time.
    public struct Window: Sendable, Hashable {
        public var start: TimeInterval
        public var end: TimeInterval
        public var requests: Int
        public var successes: Int
        /// Requests per final target, in the order of ``SimulationTimeline/targets``.
        public var perTarget: [Int]
    }

    /// Every final target, in order of first appearance.
    public var targets: [String]
    public var windows: [Window]

    /// Cuts `outcomes` into windows `width` simulated seconds wide over `duration` (the last one may be shorter).
    public init(_ outcomes: [SimulatedOutcome], duration: TimeInterval, width: TimeInterval) {
        var targets: [String] = []
        for outcome in outcomes where !targets.contains(outcome.target) { targets.append(outcome.target) }
        self.targets = targets
        let width = width > 0 ? width : max(duration, 1)
        let count = max(1, Int((duration / width).rounded(.up)))
        windows = (0..<count).map { index in
            let start = Double(index) * width
            let end = index == count - 1 ? max(duration, start) : start + width
            let inside = outcomes.filter { $0.request.time >= start && ($0.request.time < end || index == count - 1) }
            return Window(
                start: start, end: end, requests: inside.count, successes: inside.filter(\.succeeded).count,
                perTarget: targets.map { target in inside.filter { $0.target == target }.count })
        }
    }

    /// A round window width that cuts `duration` into at most `most` windows (1 min, 2 min, 5 min … 6 h).
    public static func width(for duration: TimeInterval, most: Int = 12) -> TimeInterval {
        let widths: [TimeInterval] = [10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400]
        return widths.first { duration / $0 <= Double(most) } ?? duration / Double(most)
    }

    /// The timeline as table rows: window, requests, success, then each target's share.
    func render() -> [String] {
        let header = ["window", "requests", "success"] + targets
        let rows = windows.map { window in
            [
                "\(Self.clock(window.start))-\(Self.clock(window.end))", String(window.requests),
                window.requests == 0 ? "-" : SimulationReport.percent(Double(window.successes) / Double(window.requests)),
            ] + window.perTarget.map { window.requests == 0 ? "-" : SimulationReport.percent(Double($0) / Double(window.requests)) }
        }
        return SimulationReport.table([header] + rows)
    }

    /// Simulated seconds as `h:mm:ss`, or `m:ss` under an hour.
    static func clock(_ seconds: TimeInterval) -> String {
        let total = Int(seconds.rounded())
        let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, rest) : String(format: "%d:%02d", minutes, rest)
    }
}

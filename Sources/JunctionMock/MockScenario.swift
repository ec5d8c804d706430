import Foundation
import Yams

/// Faults chosen by request number and model, read from a YAML file:
///
/// ```yaml
/// faults:
///   - requests: 4-        # the 4th request to this mock and every later one ("2", "3-5" also work)
///     model: gpt-4o       # optional: only requests for this model
///     fault: "status=429; retry-after=2"
/// ```
public struct MockScenario: Sendable {
    public struct Rule: Sendable {
        public var firstRequest: Int
        public var lastRequest: Int?
        public var model: String?
        public var fault: MockFault

        public init(firstRequest: Int, lastRequest: Int? = nil, model: String? = nil, fault: MockFault) {
            self.firstRequest = firstRequest
            self.lastRequest = lastRequest
            self.model = model
            self.fault = fault
        }

        func matches(requestNumber: Int, model: String) -> Bool {
            requestNumber >= firstRequest && requestNumber <= (lastRequest ?? .max) && (self.model == nil || self.model == model)
        }
    }

    public var rules: [Rule]
    /// Chooses a fault when no rule applies, from the request's number (1-based, per mock) and model;
    /// the simulator uses it to act out faults as a function of simulated time.
    public var dynamic: (@Sendable (_ requestNumber: Int, _ model: String) -> MockFault?)?

    public init(rules: [Rule] = []) {
        self.rules = rules
    }

    /// A scenario whose faults are chosen per request by `dynamic` (after any `rules`).
    ///
    /// ```swift
    /// MockScenario(dynamic: { number, _ in number.isMultiple(of: 10) ? MockFault(status: 500) : nil })
    /// ```
    public init(rules: [Rule] = [], dynamic: @escaping @Sendable (_ requestNumber: Int, _ model: String) -> MockFault?) {
        self.rules = rules
        self.dynamic = dynamic
    }

    /// The first rule's fault that applies to this request, else the dynamic choice, if any.
    public func fault(forRequest number: Int, model: String) -> MockFault? {
        rules.first { $0.matches(requestNumber: number, model: model) }?.fault ?? dynamic?(number, model)
    }

    /// Reads a scenario file.
    public init(contentsOfFile path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard let root = try Yams.load(yaml: text) as? [String: Any], let faults = root["faults"] as? [[String: Any]] else {
            throw MockFaultError(text: "\(path): expected a 'faults' list")
        }
        rules = try faults.map { entry in
            guard let faultText = entry["fault"] as? String else { throw MockFaultError(text: "\(path): each rule needs a 'fault'") }
            let range = entry["requests"].map { "\($0)" } ?? "1-"
            let bounds = range.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard let first = bounds.first ?? nil else { throw MockFaultError(text: "\(path): bad requests range '\(range)'") }
            let last: Int? = bounds.count == 1 ? first : (bounds.count == 2 ? bounds[1] : nil)
            return Rule(firstRequest: first, lastRequest: last, model: entry["model"] as? String, fault: try MockFault(parsing: faultText))
        }
    }
}

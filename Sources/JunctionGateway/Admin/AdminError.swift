/// A refusal from the admin API: a status, a message safe to show, and a type.
public struct AdminError: Error, Sendable, Hashable {
    public var status: Int
    public var message: String
    public var type: String

    public init(status: Int, message: String, type: String) {
        self.status = status
        self.message = message
        self.type = type
    }

    static func invalid(_ message: String) -> AdminError { AdminError(status: 400, message: message, type: "invalid_request_error") }
    static func notFound(_ message: String) -> AdminError { AdminError(status: 404, message: message, type: "not_found_error") }
    static func conflict(_ message: String) -> AdminError { AdminError(status: 409, message: message, type: "conflict_error") }
    static func readOnly(_ what: String) -> AdminError {
        AdminError(status: 409, message: "\(what) comes from the configuration file and is read-only here; change the file instead.", type: "conflict_error")
    }
    static func storage(_ error: any Error) -> AdminError {
        AdminError(status: 503, message: "The database did not answer: \(error)", type: "storage_error")
    }
}

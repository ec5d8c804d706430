import PostgresNIO

extension PostgresStore {
    /// Runs `body`, turning any PostgreSQL error into a ``StoreError`` whose message is safe to log.
    func guarded<Result: Sendable>(_ what: String, _ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(message: "PostgreSQL: cannot \(what): \(Self.safeReason(error))")
        }
    }

    /// A description of a PostgreSQL error without anything that could hold a secret or user data:
    /// the SQLSTATE and the server's primary message (never its detail, which may quote values), or
    /// the client's error code. PostgresNIO's own descriptions hide everything for the same reason.
    static func safeReason(_ error: any Error) -> String {
        switch error {
        case let error as PSQLError:
            if let info = error.serverInfo {
                let state = info[.sqlState].map { "SQLSTATE \($0)" } ?? "server error"
                return info[.message].map { "\(state): \($0)" } ?? state
            }
            if error.code == .connectionError, let underlying = error.underlying {
                return "\(error.code) (\(underlying))" // a socket or TLS error: names the host at most
            }
            return "\(error.code)"
        case let error as PostgresTransactionError:
            for inner in [error.beginError, error.closureError, error.commitError].compactMap({ $0 }) {
                return safeReason(inner)
            }
            return "transaction failed"
        case let error as PostgresDecodingError:
            return "cannot decode column \(error.columnName) (\(error.code))"
        case let error as StoreError:
            return error.message
        case is CancellationError:
            return "cancelled"
        default:
            return "\(type(of: error))"
        }
    }
}

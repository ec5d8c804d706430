import Foundation
import PostgresNIO

/// A parsed `postgres://user:password@host:port/database?sslmode=…` URL.
///
/// `postgresql://` is accepted too. `sslmode` follows libpq: `disable` never uses TLS; `allow` and
/// `prefer` (the default) use it when the server offers it; `require` insists on it; none of these
/// check the certificate. `verify-ca` checks the chain and `verify-full` the host name as well.
/// Errors never repeat the URL, which holds the password.
struct PostgresURL: Sendable, Hashable {
    enum SSLMode: String, Sendable, Hashable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    var username: String
    var password: String?
    var host: String
    var port: Int
    var database: String?
    var sslMode: SSLMode

    init(_ text: String) throws {
        guard let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql"
        else { throw StoreError(message: "the PostgreSQL URL must look like postgres://user:password@host:port/database") }
        guard let host = components.host, !host.isEmpty else {
            throw StoreError(message: "the PostgreSQL URL names no host")
        }
        guard let user = components.user, !user.isEmpty else {
            throw StoreError(message: "the PostgreSQL URL names no user")
        }
        self.username = user
        self.password = components.password
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.port = components.port ?? 5432
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        self.database = path.isEmpty ? nil : path
        var mode = SSLMode.prefer
        for item in components.queryItems ?? [] where item.name == "sslmode" {
            guard let value = item.value.flatMap(SSLMode.init(rawValue:)) else {
                throw StoreError(message: "unknown sslmode in the PostgreSQL URL (use disable, prefer, require, verify-ca or verify-full)")
            }
            mode = value
        }
        self.sslMode = mode
    }

    /// `postgres://user@host:port/database`: the URL without its password, for logs.
    var label: String {
        let host = self.host.contains(":") ? "[\(self.host)]" : self.host
        return "postgres://\(username)@\(host):\(port)/\(database ?? username)"
    }

    /// The same URL naming another database (tests make one database each).
    func replacingDatabase(_ name: String) -> PostgresURL {
        var copy = self
        copy.database = name
        return copy
    }

    private var tlsConfiguration: TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch sslMode {
        case .verifyFull: tls.certificateVerification = .fullVerification
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        case .disable, .allow, .prefer, .require: tls.certificateVerification = .none
        }
        return tls
    }

    /// The configuration of the store's connection pool.
    var clientConfiguration: PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS = switch sslMode {
        case .disable: .disable
        case .allow, .prefer: .prefer(tlsConfiguration)
        case .require, .verifyCA, .verifyFull: .require(tlsConfiguration)
        }
        return PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
    }

    /// The configuration of a single connection (migrations, test databases).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS = switch sslMode {
        case .disable: .disable
        case .allow, .prefer: .prefer(try NIOSSLContext(configuration: tlsConfiguration))
        case .require, .verifyCA, .verifyFull: .require(try NIOSSLContext(configuration: tlsConfiguration))
        }
        return PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
    }
}

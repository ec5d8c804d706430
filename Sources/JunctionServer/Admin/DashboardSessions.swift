import Foundation
import JunctionStore
import JunctionWire

/// Dashboard login sessions, kept in the store by the digest of their token (so a database leak
/// yields no usable session), each with its CSRF token and expiry.
struct DashboardSessions: Sendable {
    /// How long a session lasts after login.
    static let lifetime: TimeInterval = 12 * 3600
    static let cookieName = "junction_session"

    struct Session: Sendable {
        var csrfToken: String
        var expiresAt: Date
    }

    let store: any Store

    /// Starts a session, after deleting the expired ones; returns the token for the cookie and the CSRF token.
    func create(now: Date) async throws -> (token: String, csrf: String) {
        for item in try await store.managedItems(kind: .session) where Self.expiry(of: item).map({ $0 <= now }) ?? true {
            try await store.deleteManagedItem(kind: .session, name: item.name)
        }
        let token = SessionToken.make()
        let csrf = SessionToken.make()
        let document: JSONValue = ["csrf": .string(csrf), "expires_at": .double(now.addingTimeInterval(Self.lifetime).timeIntervalSince1970)]
        try await store.saveManagedItem(
            ManagedItem(kind: .session, name: SessionToken.digest(token), document: document.serializedString(), updatedAt: now))
        return (token, csrf)
    }

    /// The live session for a cookie's token, if any.
    func session(token: String, now: Date) async -> Session? {
        let digest = SessionToken.digest(token)
        guard let items = try? await store.managedItems(kind: .session), let item = items.first(where: { $0.name == digest }),
            let csrf = (try? JSONValue(parsing: item.document))?["csrf"]?.stringValue, let expiresAt = Self.expiry(of: item)
        else { return nil }
        guard expiresAt > now else {
            try? await store.deleteManagedItem(kind: .session, name: digest)
            return nil
        }
        return Session(csrfToken: csrf, expiresAt: expiresAt)
    }

    private static func expiry(of item: ManagedItem) -> Date? {
        (try? JSONValue(parsing: item.document))?["expires_at"]?.doubleValue.map(Date.init(timeIntervalSince1970:))
    }

    func end(token: String) async {
        try? await store.deleteManagedItem(kind: .session, name: SessionToken.digest(token))
    }
}

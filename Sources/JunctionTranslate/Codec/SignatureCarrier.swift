import Foundation
import JunctionWire

/// Carries provider signatures through client formats that have no place for them.
///
/// Two tricks, both reversible and both invisible to a client that treats ids and signatures as opaque:
/// - A Gemini `thoughtSignature` on a function call rides inside the tool call id
///   (`call_abc_jsig_<base64url>`); the client sends the id back with the tool result, the Gemini codec
///   takes the signature out again, and other targets see the id without it.
/// - A reasoning signature from one provider shown to a client of another format is wrapped as
///   `junction.<origin>.<signature>`, so that on the next turn it is sent only to a provider of its origin.
public enum SignatureCarrier {
    static let idMarker = "_jsig_"
    static let envelopePrefix = "junction."

    /// A tool call id that also carries a Gemini thought signature.
    public static func embed(signature: String?, in id: String) -> String {
        guard let signature, !signature.isEmpty else { return id }
        let url = String(signature.map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 }.filter { $0 != "=" })
        return id + idMarker + url
    }

    /// The plain id and the Gemini thought signature carried in `id`, if any.
    public static func split(_ id: String) -> (id: String, signature: String?) {
        // A byte search first: most ids carry nothing, and Foundation's `range(of:)` is slow for them.
        guard mayCarry(id), let range = id.range(of: idMarker) else { return (id, nil) }
        var signature = String(id[range.upperBound...].map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
        while signature.count % 4 != 0 { signature.append("=") }
        return (String(id[..<range.lowerBound]), signature)
    }

    /// Whether the bytes of ``idMarker`` occur in `id` (no prefix of the marker recurs inside it, so a
    /// mismatch only needs to restart the match).
    private static func mayCarry(_ id: String) -> Bool {
        let marker = idMarker.utf8
        var matched = marker.startIndex
        for byte in id.utf8 {
            if byte == marker[matched] {
                matched = marker.index(after: matched)
                if matched == marker.endIndex { return true }
            } else {
                matched = byte == marker.first ? marker.index(after: marker.startIndex) : marker.startIndex
            }
        }
        return false
    }

    /// The plain id with any carried signature removed.
    public static func plainID(_ id: String) -> String { split(id).id }

    /// A signature as shown to a client of `client` format.
    public static func wrap(_ signature: String, origin: APIFormat?, for client: APIFormat) -> String {
        guard let origin, origin != client else { return signature }
        return envelopePrefix + origin.rawValue + "." + signature
    }

    /// A signature a client of `client` format sent back, with its origin.
    public static func unwrap(_ signature: String, from client: APIFormat) -> (signature: String, origin: APIFormat) {
        guard signature.hasPrefix(envelopePrefix) else { return (signature, client) }
        let rest = signature.dropFirst(envelopePrefix.count)
        guard let dot = rest.firstIndex(of: "."), let origin = APIFormat(rawValue: String(rest[..<dot])) else {
            return (signature, client)
        }
        return (String(rest[rest.index(after: dot)...]), origin)
    }
}

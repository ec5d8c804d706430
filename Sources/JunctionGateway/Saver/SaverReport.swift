/// What the token saver did to one request: how many tool outputs it saw and their sizes before and after.
public struct SaverReport: Sendable, Hashable {
    /// Tool outputs found in the request, compressed or not.
    public var outputs = 0
    /// Tool outputs whose text changed.
    public var compressed = 0
    public var bytesBefore = 0
    public var bytesAfter = 0
    public var tokensBefore = 0
    public var tokensAfter = 0
    /// How often each filter was used, for example `["git-diff": 2]`.
    public var filters: [String: Int] = [:]
    /// Estimated tokens saved by each filter.
    public var tokensSavedByFilter: [String: Int] = [:]

    public init() {}

    /// Estimated tokens saved.
    public var tokensSaved: Int { tokensBefore - tokensAfter }

    /// Tokens saved by filter for the ledger, `git-diff=120,ls=40` sorted by name; `nil` when nothing was saved.
    public var filterSavingsText: String? {
        let parts = tokensSavedByFilter.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return parts.isEmpty ? nil : parts.joined(separator: ",")
    }
}

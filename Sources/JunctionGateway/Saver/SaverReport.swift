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

    public init() {}

    /// Estimated tokens saved.
    public var tokensSaved: Int { tokensBefore - tokensAfter }
}

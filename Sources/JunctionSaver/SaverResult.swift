/// The outcome of one compression: the text to send, the filter that produced it and the size before and after.
public struct SaverResult: Sendable, Equatable {
    /// The text to send upstream in place of the tool output.
    public var text: String
    /// The filter that produced `text`, e.g. `"git-diff"`, `"pytest"`, or `"none"` when the text is unchanged.
    public var filter: String
    /// UTF-8 size of the original output.
    public var bytesBefore: Int
    /// UTF-8 size of `text`.
    public var bytesAfter: Int
    /// Estimated tokens of the original output (see ``TokenEstimator``).
    public var tokensBefore: Int
    /// Estimated tokens of `text`.
    public var tokensAfter: Int

    /// Creates a result from its parts.
    public init(text: String, filter: String, bytesBefore: Int, bytesAfter: Int, tokensBefore: Int, tokensAfter: Int) {
        self.text = text
        self.filter = filter
        self.bytesBefore = bytesBefore
        self.bytesAfter = bytesAfter
        self.tokensBefore = tokensBefore
        self.tokensAfter = tokensAfter
    }

    /// Estimated tokens saved (never negative).
    public var tokensSaved: Int { max(0, tokensBefore - tokensAfter) }
}

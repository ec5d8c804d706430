/// One HTTP request to a provider, built by the gateway.
public struct UpstreamRequest: Sendable {
    public var url: String
    public var method: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    public var timeouts: UpstreamTimeouts

    public init(url: String, method: String = "POST", headers: [(name: String, value: String)], body: [UInt8], timeouts: UpstreamTimeouts) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.timeouts = timeouts
    }
}

/// How long to wait on an upstream: to connect, for the response to start, and between chunks.
public struct UpstreamTimeouts: Sendable, Hashable {
    public var connect: Duration
    public var firstByte: Duration
    public var idle: Duration

    public init(connect: Duration = .seconds(10), firstByte: Duration = .seconds(60), idle: Duration = .seconds(120)) {
        self.connect = connect
        self.firstByte = firstByte
        self.idle = idle
    }
}

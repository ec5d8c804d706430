ls -la Sources/NIOCore

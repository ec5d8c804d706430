python3 hashlog.py swift-nio/Sources/NIOPosix

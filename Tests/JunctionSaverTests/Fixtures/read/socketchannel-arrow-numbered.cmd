Read swift-nio/Sources/NIOPosix/SocketChannel.swift  # numbered like Claude Code's Read tool

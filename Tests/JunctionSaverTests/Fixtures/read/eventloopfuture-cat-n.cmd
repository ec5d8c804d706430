cat -n Sources/NIOCore/EventLoopFuture.swift | sed -n 1,400p

git diff -- Sources/NIOCore Sources/NIOPosix/BaseSocket.swift Sources/NIOPosix/Bootstrap.swift

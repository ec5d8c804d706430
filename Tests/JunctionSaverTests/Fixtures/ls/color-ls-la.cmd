ls --color=always -la Sources/NIOPosix

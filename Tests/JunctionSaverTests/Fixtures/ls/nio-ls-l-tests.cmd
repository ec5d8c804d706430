ls -l Tests/NIOPosixTests

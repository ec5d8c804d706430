swift build 2>&1

swift test 2>&1

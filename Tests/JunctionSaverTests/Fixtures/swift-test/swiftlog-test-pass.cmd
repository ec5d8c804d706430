swift test 2>&1 | tail -400

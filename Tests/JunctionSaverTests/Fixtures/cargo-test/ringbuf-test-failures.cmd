cargo test 2>&1

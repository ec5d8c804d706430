cargo build 2>&1

cargo test --color always 2>&1

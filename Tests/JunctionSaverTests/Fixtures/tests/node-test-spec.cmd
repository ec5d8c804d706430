node --test --test-reporter=spec 2>&1

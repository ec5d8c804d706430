node --test 2>&1

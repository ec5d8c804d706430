pip list --format json

swift package describe --type json

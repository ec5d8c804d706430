git log --stat -8

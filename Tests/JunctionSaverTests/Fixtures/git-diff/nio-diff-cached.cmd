git diff --cached

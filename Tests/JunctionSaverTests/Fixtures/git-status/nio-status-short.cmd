git status -s

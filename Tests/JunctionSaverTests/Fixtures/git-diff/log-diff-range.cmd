git diff HEAD~6 HEAD -- Sources

git show HEAD~2

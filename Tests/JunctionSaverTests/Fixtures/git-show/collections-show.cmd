git show HEAD

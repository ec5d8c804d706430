git show --stat HEAD~4

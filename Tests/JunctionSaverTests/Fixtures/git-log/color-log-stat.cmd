git -c color.ui=always log --stat -4

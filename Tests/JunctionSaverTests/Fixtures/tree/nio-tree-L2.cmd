tree -L 2

find . -type f -not -path './.git/*' | sort

clang -Wall -c -I/root/.pyenv/versions/3.11.7/include/python3.11 cext.c -o /dev/null

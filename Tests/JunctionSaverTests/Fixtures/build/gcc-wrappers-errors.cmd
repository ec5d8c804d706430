gcc -Wall -c -I/root/.pyenv/versions/3.11.7/include/python3.11 _wrappers.c -o /dev/null

git log -p -3

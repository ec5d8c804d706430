git log -12

ls -la | head -150

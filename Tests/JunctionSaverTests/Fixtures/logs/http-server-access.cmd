python3 -m http.server 8765  # hit by curl in a loop

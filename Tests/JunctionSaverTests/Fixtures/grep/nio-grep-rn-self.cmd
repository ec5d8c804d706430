grep -rn 'self\.' Sources/NIOCore | head -1200

rg --no-heading -n 'ByteBuffer\(' Sources/NIOCore | head -250

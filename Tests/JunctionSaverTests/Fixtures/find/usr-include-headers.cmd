find /usr/include -name '*.h' | head -1500

find Sources -name '*.swift' | sort | head -400

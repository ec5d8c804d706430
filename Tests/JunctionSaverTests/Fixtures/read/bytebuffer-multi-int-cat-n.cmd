cat -n Sources/NIOCore/ByteBuffer-multi-int.swift

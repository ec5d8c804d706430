awk '{printf "%6d|%s\n", NR, $0}' Sources/NIOCore/ChannelPipeline.swift

cat -n Sources/Logging/LogHandler.swift

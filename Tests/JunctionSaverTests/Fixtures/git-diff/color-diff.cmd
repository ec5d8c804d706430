git -c color.ui=always diff -- Sources/NIOCore

grep -rl 'import NIOCore' Sources

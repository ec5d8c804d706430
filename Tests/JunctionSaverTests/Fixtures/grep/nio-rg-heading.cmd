rg --heading -n 'func channelRead' Sources

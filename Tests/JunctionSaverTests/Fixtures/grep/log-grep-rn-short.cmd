grep -rn 'Logger.Level' Sources

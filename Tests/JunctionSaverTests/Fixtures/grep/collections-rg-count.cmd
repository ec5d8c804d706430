rg -c 'inlinable' Sources

grep -rn 'EventLoopFuture<Void>' Sources | head -300

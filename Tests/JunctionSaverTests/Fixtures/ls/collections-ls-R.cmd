ls -R Sources/DequeModule Sources/OrderedCollections

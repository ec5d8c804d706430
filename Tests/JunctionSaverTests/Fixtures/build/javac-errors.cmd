javac -Xlint:all -d out src/com/example/Inventory.java

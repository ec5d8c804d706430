javac -d out src/com/example/Inventory.java && java -cp out com.example.Inventory

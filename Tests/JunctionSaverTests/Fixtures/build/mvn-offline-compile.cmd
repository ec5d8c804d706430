mvn -o -B compile

python3 -m pytest tests

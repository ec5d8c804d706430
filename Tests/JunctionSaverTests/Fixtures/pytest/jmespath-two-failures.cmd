python3 -m pytest tests/test_jmespath_queries.py

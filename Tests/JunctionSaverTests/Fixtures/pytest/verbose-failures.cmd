python3 -m pytest -v tests/test_jmespath_queries.py

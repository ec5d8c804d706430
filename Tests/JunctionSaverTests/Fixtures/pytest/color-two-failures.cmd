python3 -m pytest --color=yes tests/test_jmespath_queries.py

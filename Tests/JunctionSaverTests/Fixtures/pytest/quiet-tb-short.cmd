python3 -m pytest -q --tb=short tests

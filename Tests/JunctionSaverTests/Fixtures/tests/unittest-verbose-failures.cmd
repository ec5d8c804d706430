python3 tests/test_unittest_style.py

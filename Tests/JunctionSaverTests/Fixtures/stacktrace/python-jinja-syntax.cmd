python3 tpl.py

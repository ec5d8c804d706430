python3 -c "import requests; requests.get('http://127.0.0.1:9/api/items', timeout=2)"

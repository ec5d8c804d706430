pip install --no-cache-dir --target /tmp/corpus/piptgt rich==13.7.1 requests==2.32.3

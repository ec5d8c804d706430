pip install --no-cache-dir --target /tmp/corpus/piptgt2 requests==0.0.999

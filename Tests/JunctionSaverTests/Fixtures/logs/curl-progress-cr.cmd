for i in 1 2 3; do curl -# --limit-rate 1500k -o /dev/null http://127.0.0.1:8766/blob.bin; done; echo 'downloaded 3 files'

pip install requests rich jmespath idna

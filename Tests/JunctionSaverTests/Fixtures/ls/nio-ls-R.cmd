ls -R Sources

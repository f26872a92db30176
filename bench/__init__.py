"""`make bench`: speed and accuracy of docproc over the fixtures (see bench/README.md)."""

"""Self-check forms (自查表): ruled tables recovered from PDFs and scans, and the items read from them."""

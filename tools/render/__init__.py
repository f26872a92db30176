"""Renders notice sources (`notice.txt`) as GB/T 9704-2012 scan pages for the test fixtures."""

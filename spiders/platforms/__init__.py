"""One base spider per hiring platform; a board is configuration, not code."""

"""Prefect flows: orchestration only; the logic they call lives in ``pipeline``."""

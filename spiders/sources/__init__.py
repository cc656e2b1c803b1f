"""Thin spiders for single sites that need a few lines on top of a platform spider."""

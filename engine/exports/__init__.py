"""Renderings of decisions and explanation graphs; each format is its own module."""

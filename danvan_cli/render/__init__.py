"""Rendering documents and results for people (rich) and programs (json, yaml)."""

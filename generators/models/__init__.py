"""Typed models of everything under `data/`: validated once, never a raw dict past the border.

Models know nothing of HTML, files or MkDocs.
"""

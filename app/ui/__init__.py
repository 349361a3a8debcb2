"""The PySide6 desktop client (DESIGN §4, §8)."""

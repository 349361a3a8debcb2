"""The domain services: plain Python, numpy, scipy and networkx; never Qt (DESIGN §4)."""

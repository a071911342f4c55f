"""claim-checker: find contradictions between the factual claims of news articles."""

__version__ = "0.1.0"

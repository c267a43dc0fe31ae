"""np6: the Python SDK for the NP6 marketing REST API 8.1.0.

The public, handwritten surface over the generated low-level client ``np6_api``.
"""

__all__: list[str] = []

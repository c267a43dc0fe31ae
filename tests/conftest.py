"""One sandbox server for the whole test session (np6_sandbox's pytest fixtures, reset before each test)."""

pytest_plugins = ["np6_sandbox.testing"]

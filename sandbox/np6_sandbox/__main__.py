"""`python -m np6_sandbox`: see np6_sandbox.server."""

from __future__ import annotations

import sys

from np6_sandbox.server import main

if __name__ == "__main__":
    sys.exit(main())

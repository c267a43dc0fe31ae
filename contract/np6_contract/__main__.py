"""`python -m np6_contract ...`"""

import sys

from np6_contract.cli import main

sys.exit(main())

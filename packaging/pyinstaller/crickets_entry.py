"""The frozen bundle's entry point: the same ``main`` as the ``crickets`` console script.

PyInstaller needs a script file, not an entry point; this is the whole of it.
"""

import sys

from crickets.__main__ import main

if __name__ == "__main__":
    sys.exit(main())

"""Send one desktop notification through plyer, as the app does.

Usage: notify_probe.py TITLE MESSAGE APP_NAME
"""

from __future__ import annotations

import sys
import warnings


def main() -> int:
    title, message, app_name = sys.argv[1:4]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        from plyer import notification

        notification.notify(title=title, message=message, app_name=app_name)
    for warning in caught:
        print(f"warning {warning.category.__name__}: {warning.message}", flush=True)
    print("sent", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

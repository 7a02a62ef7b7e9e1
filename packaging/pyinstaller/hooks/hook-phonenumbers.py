"""phonenumbers' region and short-number metadata (imported lazily, by name), without the
geocoding, carrier and number-time-zone tables Crickets never uses (decision 051).

Replaces the contrib hook, which collects every submodule (48 MB).
"""

from bundle_rules import PHONENUMBERS_UNUSED
from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules(
    "phonenumbers", filter=lambda name: not name.startswith(PHONENUMBERS_UNUSED)
)
excludedimports = list(PHONENUMBERS_UNUSED)

"""PySide6.QtNetwork as PyInstaller collects it, less the plugins bundle_rules drops (decision 051).

Hooks given in the spec take precedence over PyInstaller's own hook of the same name.
"""

from bundle_rules import keep_hook_binaries
from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = keep_hook_binaries(binaries)

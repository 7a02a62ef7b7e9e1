"""The tray icon, its countdown badge and menu, and the window used when there is no tray."""

"""The use cases that the tray, the windows and the command line share."""

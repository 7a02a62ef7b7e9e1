"""The Qt side of the desktop session: notifications, single instance, sleep and wake."""

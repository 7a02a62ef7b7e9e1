"""Importing invitations: file dialog, drop, paste box."""

"""Reminder windows and their sounds."""

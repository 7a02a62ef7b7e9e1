"""The drafts window, own wording, and the clipboard."""

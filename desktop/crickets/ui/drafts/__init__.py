"""The drafts window and the person's own wording for each message."""

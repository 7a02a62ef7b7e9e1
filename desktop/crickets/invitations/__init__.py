"""Calendar invitations: .ics files (ics/) and pasted invitation text (paste/)."""

"""Adding, editing and listing interviews."""

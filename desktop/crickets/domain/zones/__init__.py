"""Time zones in one place: rules (gaps, repeated hours), names people write, mentions in text."""

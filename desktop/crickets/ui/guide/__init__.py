"""The guided windows ("They haven't called", "I missed their call") and rescheduling."""

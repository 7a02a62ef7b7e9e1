"""The pure core of Crickets: no Qt, no I/O, no clock reads (docs/architecture.md).

Time always arrives as an argument or through a :class:`~crickets.domain.clock.Clock`.
"""

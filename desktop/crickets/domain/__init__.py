"""The pure core of Crickets: no Qt, no I/O, no clock reads (see DESIGN.md §3).

Time always arrives as an argument or through a :class:`~crickets.domain.clock.Clock`.
"""

"""The composition root: the one place that builds the store, the services and the use
cases (:mod:`~crickets.wiring.session`) and assembles the windows over them
(:mod:`~crickets.wiring.windows`). Only :mod:`crickets.app` and :mod:`crickets.__main__`
import it; the command line and the windows receive what it builds."""

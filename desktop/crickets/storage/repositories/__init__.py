"""One repository per aggregate, each over the shared :class:`~crickets.storage.database.Database`.

A repository owns the SQL of its tables and the sealing of their personal fields, and
nothing else: :mod:`.interviews` (the interviews, found by id or by invitation UID),
:mod:`.settings` (settings and the person's profile), :mod:`.action_log` (what was done
and when), :mod:`.kept_invitations` (the invitation bytes an interview was imported from),
:mod:`.app_state` (the app's own bookkeeping) and :mod:`.maintenance` (integrity checks,
resealing, the content fingerprint for backups).

Each one works on its own over a Database (tests build them that way); the app opens them
together as attributes of :class:`~crickets.storage.store.Store`.
A change that spans aggregates (a restore) opens one :meth:`Database.write` and hands its
connection to each repository's ``*_in(conn, ...)`` method, so it stays one transaction.
"""

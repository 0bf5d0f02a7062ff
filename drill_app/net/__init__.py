"""The training room: hosting an exercise on the LAN and joining it as a seat.

- ``protocol``: the messages (typed models, versioned, published as a JSON schema);
- ``visibility``: what each seat may see, decided by the host;
- ``host``: the host service (WebSocket server, sessions, group commit, fan-out);
- ``runner``: the host's exercise: group commit, injects released on time;
- ``client``: the seat client (Qt-free; callbacks and a queue; an outbox on disk);
- ``discovery``: finding hosts on the room's network (mDNS/DNS-SD), typed address fallback.

The ``drill-app host`` / ``drill-app seat`` verbs are in ``drill_app/cli/room_cli.py``.

Imports the core (and the store, for the host's persistence); never the windows.
"""

"""The training room: hosting an exercise on the LAN and joining it as a seat.

- ``protocol``: the messages (typed models, versioned, published as a JSON schema);
- ``visibility``: what each seat may see, decided by the host;
- ``host``: the host service (WebSocket server, sessions, group commit, fan-out);
- ``client``: the seat client (Qt-free; callbacks and a queue; an outbox on disk).

Imports the core (and the store, for the host's persistence); never the windows.
"""

"""Serving an ASGI app with uvicorn, with Nagle's algorithm off in every worker process.

With `--workers N` uvicorn binds the listening socket itself and hands it to the workers, and it
creates that socket without saying it is TCP (`proto` 0, uvicorn 0.54, Kludex/uvicorn#3149).
Accepted connections inherit that, asyncio only switches on TCP_NODELAY for sockets that say
IPPROTO_TCP, and so every answer after the first on a kept-alive connection waited for the
client's delayed acknowledgement: about 40 ms each, whatever the route. One worker was not
affected (asyncio builds that listener itself). The listener here says what it is.
"""

from __future__ import annotations

import contextlib
import socket

import uvicorn
from uvicorn.supervisors import Multiprocess

INTERNET = (socket.AF_INET, socket.AF_INET6)


class TcpConfig(uvicorn.Config):
    """uvicorn's settings, with a listening socket whose connections get TCP_NODELAY."""

    def bind_socket(self) -> socket.socket:
        return as_tcp(super().bind_socket())


def as_tcp(listener: socket.socket) -> socket.socket:
    """The same listening socket, marked IPPROTO_TCP when it is an internet stream socket."""
    if listener.family not in INTERNET or listener.proto == socket.IPPROTO_TCP:
        return listener
    marked = socket.socket(
        listener.family, listener.type, socket.IPPROTO_TCP, fileno=listener.detach()
    )
    marked.set_inheritable(True)  # the workers are started with it
    return marked


def run(
    app: str,
    *,
    host: str,
    port: int,
    workers: int = 1,
    factory: bool = False,
    log_level: str = "info",
) -> None:
    """Serve `app` (an import string) until interrupted, in `workers` processes."""
    if workers <= 1:  # asyncio creates this listener itself, already marked as TCP
        uvicorn.run(
            app, factory=factory, host=host, port=port, proxy_headers=True, log_level=log_level
        )
        return
    config = TcpConfig(
        app,
        factory=factory,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        log_level=log_level,
    )
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl+C stops the workers; nothing to add
        Multiprocess(config, sockets=[config.bind_socket()]).run()

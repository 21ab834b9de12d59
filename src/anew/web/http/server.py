"""Serving an ASGI app with uvicorn: a listener per worker, Nagle off, the startup heap frozen.

Three things uvicorn 0.54 left to us, each found by bench/web.py:
- With `--workers N` uvicorn binds one listening socket and hands it to every worker. asyncio
  accepts every connection waiting when a worker wakes, so the first awake took most of them:
  wrk's 32 connections landed 16/11/4/1 on four workers, and the busiest worker's queue was the
  p99. Here each worker listens on a socket of its own on the same address (SO_REUSEPORT), and
  the kernel spreads new connections over them.
- uvicorn's socket does not say it is TCP (`proto` 0, Kludex/uvicorn#3149), and asyncio only
  switches TCP_NODELAY on for sockets that do: every answer after the first on a kept-alive
  connection waited ~40 ms for the client's delayed acknowledgement. Sockets made here say so.
- A worker's heap after building the app is ~190,000 objects that live as long as it does, and
  every full garbage collection walked them all: 100-300 ms pauses under load, the rest of the
  p99. They are frozen (gc.freeze) once the app is built.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import socket
import sys
from collections.abc import Callable
from typing import NamedTuple, cast

import uvicorn
from uvicorn.config import STARTUP_FAILURE
from uvicorn.supervisors import Multiprocess

INTERNET = (socket.AF_INET, socket.AF_INET6)
BACKLOG = 2048  # uvicorn's default
REUSE_PORT = hasattr(socket, "SO_REUSEPORT")  # Linux, BSD, macOS; not Windows
logger = logging.getLogger("uvicorn.error")


class ServingConfig(uvicorn.Config):
    """uvicorn's settings, with the app's startup heap frozen and a listener that says TCP."""

    def load(self) -> None:
        super().load()
        gc.freeze()

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
    config = ServingConfig(
        app,
        factory=factory,
        host=host,
        port=port,
        workers=max(workers, 1),
        proxy_headers=True,
        server_header=False,  # nothing to tell a visitor which server software answers
        log_level=log_level,
    )
    if workers <= 1:  # asyncio creates this listener itself, already marked as TCP
        served = uvicorn.Server(config)
        with contextlib.suppress(KeyboardInterrupt):
            served.run()
        if not served.started:  # as uvicorn.run: a broken app or a taken port
            sys.exit(STARTUP_FAILURE)
        return
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl+C stops the workers; nothing to add
        if not REUSE_PORT:
            Multiprocess(config, sockets=[config.bind_socket()]).run()
            return
        try:
            holder = hold_port(host, port)
        except OSError as error:  # as uvicorn answers a taken port
            logger.error(error)
            sys.exit(1)
        with holder:
            address = Address(holder.family, holder.getsockname()[:2])
            logger.info("Serving on http://%s with %d workers", _shown(address), workers)
            listeners = cast(list[socket.socket], [ListenerPerWorker(address)])
            Multiprocess(config, sockets=listeners).run()


class Address(NamedTuple):
    family: int
    name: tuple[str, int]


def hold_port(host: str, port: int) -> socket.socket:
    """A socket that holds the address for the workers' listeners (bound, never listening, so no
    connection waits on it); with port 0 the system picks one, and every worker needs the same.
    OSError (address in use) when anything else has it, another server like this one included."""
    family, _type, _proto, _name, wanted = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )[0]
    # A plain bind first: one with SO_REUSEPORT alone would quietly share a port that another
    # server started this way is listening on.
    with socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(wanted)
        name = probe.getsockname()[:2]
    holder = _reusing_port(family)
    holder.bind(name)
    return holder


class ListenerPerWorker:
    """Stands in uvicorn's list of the workers' sockets: uvicorn hands the list to each worker
    process it starts, and unpickling this there makes that worker a listener of its own."""

    def __init__(self, address: Address) -> None:
        self.address = address

    def __reduce__(self) -> tuple[Callable[[Address], socket.socket], tuple[Address]]:
        return listen_on, (self.address,)


def listen_on(address: Address) -> socket.socket:
    """A listening TCP socket of this process's own on an address that its siblings share."""
    listener = _reusing_port(address.family)
    listener.bind(address.name)
    listener.listen(BACKLOG)
    return listener


def _reusing_port(family: int) -> socket.socket:
    shared = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    shared.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    shared.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    return shared


def _shown(address: Address) -> str:
    host, port = address.name
    return f"[{host}]:{port}" if address.family == socket.AF_INET6 else f"{host}:{port}"

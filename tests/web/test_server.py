"""The listening socket: with several workers, answers must not wait on Nagle's algorithm."""

from __future__ import annotations

import asyncio
import socket
from unittest import mock

import pytest
import uvicorn

from anew.web import server


async def _nodelay_of_accepted(listener: socket.socket) -> int:
    """TCP_NODELAY on the server side of one connection that asyncio accepts on `listener`."""
    accepted: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    class Probe(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            sock = transport.get_extra_info("socket")
            accepted.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    listening = await asyncio.get_running_loop().create_server(Probe, sock=listener)
    async with listening:
        _reader, writer = await asyncio.open_connection(*listener.getsockname()[:2])
        try:
            return await asyncio.wait_for(accepted, timeout=10)
        finally:
            writer.close()


def _bound(config_class: type[uvicorn.Config]) -> socket.socket:
    config = config_class("anew.web.app:create_app", factory=True, host="127.0.0.1", port=0)
    with mock.patch("uvicorn.config.logger"):  # bind_socket announces the address
        return config.bind_socket()


def test_connections_to_the_workers_listener_send_at_once() -> None:
    listener = _bound(server.TcpConfig)
    assert listener.proto == socket.IPPROTO_TCP
    assert listener.get_inheritable(), "the worker processes are started with this socket"
    assert asyncio.run(_nodelay_of_accepted(listener)) == 1


def test_uvicorns_own_listener_still_needs_the_mark() -> None:
    """The control: uvicorn's own listener leaves Nagle on. When this fails, uvicorn has fixed
    Kludex/uvicorn#3149 and anew.web.server.TcpConfig can go."""
    assert asyncio.run(_nodelay_of_accepted(_bound(uvicorn.Config))) == 0


def test_a_listener_that_is_not_tcp_is_left_as_it_is() -> None:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as unix:
        assert server.as_tcp(unix) is unix


@pytest.mark.parametrize("workers", [1, 4])
def test_run_serves_one_worker_directly_and_several_through_the_marked_socket(
    workers: int,
) -> None:
    with (
        mock.patch("uvicorn.run", autospec=True) as single,
        mock.patch.object(server, "Multiprocess", autospec=True) as several,
    ):
        server.run(
            "anew.web.app:create_app", factory=True, host="127.0.0.1", port=0, workers=workers
        )
    if workers == 1:
        single.assert_called_once()
        several.assert_not_called()
        return
    single.assert_not_called()
    (config,), keywords = several.call_args
    assert isinstance(config, server.TcpConfig)
    assert config.workers == workers
    assert config.proxy_headers
    (listener,) = keywords["sockets"]
    assert listener.proto == socket.IPPROTO_TCP
    listener.close()

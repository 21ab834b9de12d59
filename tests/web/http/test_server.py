"""How the server listens and runs: a listener per worker, answers sent at once, a frozen heap."""

from __future__ import annotations

import asyncio
import pickle
import socket
from collections import Counter
from unittest import mock

import pytest
import uvicorn

from anew.web.http import server

LOOPBACK = "127.0.0.1"


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
    config = config_class("anew.web.app:create_app", factory=True, host=LOOPBACK, port=0)
    with mock.patch("uvicorn.config.logger"):  # bind_socket announces the address
        return config.bind_socket()


def _worker_listener(holder: socket.socket) -> socket.socket:
    """What a worker process makes of the stand-in uvicorn hands it (pickled, as spawn does)."""
    address = server.Address(holder.family, holder.getsockname()[:2])
    made = pickle.loads(pickle.dumps(server.ListenerPerWorker(address)))  # noqa: S301 - our own
    assert isinstance(made, socket.socket)
    return made


def test_each_worker_listens_on_a_socket_of_its_own_that_sends_at_once() -> None:
    with server.hold_port(LOOPBACK, 0) as holder, _worker_listener(holder) as listener:
        assert listener.getsockname() == holder.getsockname()
        assert listener.proto == socket.IPPROTO_TCP
        assert asyncio.run(_nodelay_of_accepted(listener)) == 1


def test_the_kernel_spreads_connections_over_the_workers_listeners() -> None:
    with server.hold_port(LOOPBACK, 0) as holder:
        listeners = [_worker_listener(holder) for _ in range(2)]
        clients = []
        try:
            for _ in range(64):
                clients.append(socket.create_connection(holder.getsockname()[:2], timeout=5))
            for listener in listeners:
                listener.setblocking(False)
            taken: Counter[int] = Counter()
            for number, listener in enumerate(listeners):
                while True:
                    try:
                        connection, _ = listener.accept()
                    except BlockingIOError:
                        break
                    connection.close()
                    taken[number] += 1
            assert sum(taken.values()) == 64, "the holder itself never takes a connection"
            assert len(taken) == 2, taken  # all on one of the two: 2 chances in 2**64
        finally:
            for open_socket in [*clients, *listeners]:
                open_socket.close()


def test_a_port_another_server_listens_on_is_refused_not_shared() -> None:
    with (
        server.hold_port(LOOPBACK, 0) as holder,
        _worker_listener(holder) as listening,
        pytest.raises(OSError, match="in use"),
    ):
        server.hold_port(LOOPBACK, listening.getsockname()[1])


def test_a_taken_port_stops_the_server_with_uvicorns_message_and_status() -> None:
    with socket.create_server((LOOPBACK, 0)) as taken:
        port = taken.getsockname()[1]
        with (
            mock.patch.object(server, "Multiprocess", autospec=True) as several,
            mock.patch.object(server.logger, "error", autospec=True) as said,
            pytest.raises(SystemExit) as stopped,
        ):
            server.run("anew.web.app:create_app", factory=True, host=LOOPBACK, port=port, workers=2)
    assert stopped.value.code == 1
    assert "in use" in str(said.call_args.args[0])
    several.assert_not_called()


def test_without_reuse_port_the_workers_share_one_marked_listener() -> None:
    with (
        mock.patch.object(server, "REUSE_PORT", False),
        mock.patch.object(server, "Multiprocess", autospec=True) as several,
        mock.patch("uvicorn.config.logger"),
    ):
        server.run("anew.web.app:create_app", factory=True, host=LOOPBACK, port=0, workers=3)
    (config,), keywords = several.call_args
    (listener,) = keywords["sockets"]
    try:
        assert config.workers == 3
        assert listener.proto == socket.IPPROTO_TCP
        assert listener.get_inheritable(), "the worker processes are started with this socket"
        assert asyncio.run(_nodelay_of_accepted(listener)) == 1
    finally:
        listener.close()


def test_uvicorns_own_listener_still_needs_the_mark() -> None:
    """The control: uvicorn's own listener leaves Nagle on. When this fails, uvicorn has fixed
    Kludex/uvicorn#3149 and anew.web.http.server.as_tcp can go."""
    assert asyncio.run(_nodelay_of_accepted(_bound(uvicorn.Config))) == 0


def test_a_listener_that_is_not_tcp_is_left_as_it_is() -> None:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as unix:
        assert server.as_tcp(unix) is unix


def test_a_worker_freezes_what_it_built_before_serving() -> None:
    config = server.ServingConfig("anew.web.app:create_app", factory=True)
    with mock.patch("gc.freeze", autospec=True) as freeze:
        config.load()
    freeze.assert_called_once_with()
    assert config.loaded_app is not None


@pytest.mark.parametrize("workers", [1, 4])
def test_run_serves_one_worker_itself_and_several_through_listeners_of_their_own(
    workers: int,
) -> None:
    with (
        mock.patch("uvicorn.Server", autospec=True) as single,
        mock.patch.object(server, "Multiprocess", autospec=True) as several,
    ):
        single.return_value.started = True
        server.run("anew.web.app:create_app", factory=True, host=LOOPBACK, port=0, workers=workers)
    if workers == 1:
        (config,), _ = single.call_args
        single.return_value.run.assert_called_once_with()
        several.assert_not_called()
    else:
        single.assert_not_called()
        (config,), keywords = several.call_args
        (stand_in,) = keywords["sockets"]
        assert isinstance(stand_in, server.ListenerPerWorker)
        assert stand_in.address.name[0] == LOOPBACK
        assert stand_in.address.name[1] > 0  # port 0 resolved once, for every worker
    assert isinstance(config, server.ServingConfig)
    assert config.workers == workers
    assert config.proxy_headers
    assert not config.server_header  # no `Server: uvicorn` to tell a visitor what answers


def test_one_worker_that_cannot_start_exits_with_uvicorns_startup_failure() -> None:
    with mock.patch("uvicorn.Server", autospec=True) as single:
        single.return_value.started = False
        with pytest.raises(SystemExit) as stopped:
            server.run("anew.web.app:create_app", factory=True, host=LOOPBACK, port=0)
    assert stopped.value.code == uvicorn.config.STARTUP_FAILURE

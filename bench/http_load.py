"""A lean HTTP/1.1 load generator on asyncio streams, for the API benchmarks.

Each client holds one keep-alive connection and sends its requests one after another, so
`clients` requests are in flight at most. It speaks plain HTTP/1.1 (Content-Length or chunked
answers), as any HTTP client does, but spends a small fraction of the CPU a general client
such as httpx spends per request, leaving the machine's cores to the server measured.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


class LoadError(RuntimeError):
    """The server answered something other than 200, or broke the connection."""


@dataclass
class LoadResult:
    latencies: list[float] = field(default_factory=list)
    elapsed: float = 0.0
    client_cpu_s: float = 0.0

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.elapsed if self.elapsed else 0.0


def post_request(host: str, path: str, headers: dict[str, str], body: Any) -> bytes:
    """The bytes of one keep-alive POST of `body` as JSON."""
    payload = json.dumps(body, separators=(",", ":")).encode()
    lines = [f"POST {path} HTTP/1.1", f"Host: {host}", "Content-Type: application/json",
             f"Content-Length: {len(payload)}"]  # fmt: skip
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + payload


def get_request(host: str, path: str, headers: dict[str, str]) -> bytes:
    """The bytes of one keep-alive GET."""
    lines = [f"GET {path} HTTP/1.1", f"Host: {host}", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    """(status, body) of one HTTP/1.1 response."""
    head = await reader.readuntil(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    status = int(status_line.split(" ", 2)[1])
    headers = {}
    for line in header_lines:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        return status, await reader.readexactly(int(headers["content-length"]))
    if headers.get("transfer-encoding", "").lower() == "chunked":
        chunks = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            chunk = await reader.readexactly(size + 2)
            if size == 0:
                return status, b"".join(chunks)
            chunks.append(chunk[:-2])
    raise LoadError(f"response without a length: {status_line}")


async def _client(
    host: str, port: int, requests: Sequence[bytes], deadline: float, out: list[float]
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        for request in requests:
            if time.perf_counter() > deadline:
                return
            start = time.perf_counter()
            writer.write(request)
            status, body = await read_response(reader)
            if status != 200:
                raise LoadError(f"HTTP {status}: {body[:300]!r}")
            out.append(time.perf_counter() - start)
    finally:
        writer.close()


async def run_load(
    host: str, port: int, requests: Sequence[bytes], clients: int, seconds: float
) -> LoadResult:
    """Send `requests` over `clients` connections (each its share, in turn) until `seconds`."""
    result = LoadResult()
    cpu, start = time.process_time(), time.perf_counter()
    deadline = start + seconds
    await asyncio.gather(
        *(_client(host, port, requests[i::clients], deadline, result.latencies)
          for i in range(clients))
    )  # fmt: skip
    result.elapsed = time.perf_counter() - start
    result.client_cpu_s = time.process_time() - cpu
    return result


def load(
    host: str, port: int, requests: Sequence[bytes], clients: int, seconds: float
) -> LoadResult:
    """`run_load` on a fresh event loop (uvloop when installed)."""
    try:
        import uvloop

        return uvloop.run(run_load(host, port, requests, clients, seconds))
    except ImportError:
        return asyncio.run(run_load(host, port, requests, clients, seconds))

"""Safe HTTP(S) fetching for URLs, feed links and article pages.

Rules (each one a reason in the SourceError when broken):

- only ``http`` and ``https``;
- the host is resolved and *every* address checked with ``ipaddress``: private, loopback,
  link-local, multicast, reserved and unspecified targets are refused unless ``allow_private``
  (tests use a server on 127.0.0.1 and need it);
- redirects are followed by hand, at most ``max_redirects``, and every hop is checked again;
- a size limit on the body (Content-Length and the bytes actually read), a time limit per request
  (socket timeout) and per fetch (total deadline);
- a polite User-Agent naming eventwire, a per-host rate limit (minimum interval between requests to
  one host) and robots.txt honoured by default (``urllib.robotparser``, cached per host).

The connection goes to the address that was checked (no second DNS lookup between check and
connect), with the original Host header and, for https, SNI and certificate checks on the name.
"""
from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
import urllib.robotparser
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

from eventwire.records import RawDocument, SourceError
from eventwire.sources.compress import CorruptArchive, DecompressionLimit, gunzip_capped

STAGE = "fetch"
USER_AGENT = "eventwire/0.1 (+https://github.com/eventwire/eventwire; news event coder; respects robots.txt)"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_REDIRECTS = 5
DEFAULT_MIN_INTERVAL = 1.0  # seconds between two requests to the same host


class FetchError(Exception):
    """A URL that may not or could not be fetched; the message is the reason."""


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def _address_allowed(addr: str) -> bool:
    ip = ipaddress.ip_address(addr.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
                or ip.is_reserved or ip.is_unspecified or not ip.is_global)


def resolve_checked(host: str, port: int, allow_private: bool) -> list[str]:
    """Resolve ``host`` and return its addresses; FetchError when any of them is not public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc}") from None
    addrs = sorted({info[4][0] for info in infos})
    if not addrs:
        raise FetchError(f"host {host!r} has no address")
    if not allow_private:
        bad = [a for a in addrs if not _address_allowed(a)]
        if bad:
            raise FetchError(f"refused: {host} resolves to a private, loopback or link-local address "
                             f"({', '.join(bad)}); pass --allow-private to fetch from a local network")
    return addrs


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, address: str, port: int, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, address: str, port: int, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


@dataclass
class Response:
    url: str  # final URL after redirects
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            k, _, v = part.partition("=")
            if k.strip().lower() == "charset" and v.strip():
                return v.strip().strip("\"'")
        return None


@dataclass
class Fetcher:
    """Fetches URLs under the rules above; thread-safe, one per ingest run."""

    allow_private: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    max_redirects: int = DEFAULT_MAX_REDIRECTS
    min_interval: float = DEFAULT_MIN_INTERVAL
    respect_robots: bool = True
    user_agent: str = USER_AGENT
    _last: dict[str, float] = field(default_factory=dict, repr=False)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    # ---------------------------------------------------------------------------- low level

    def _wait_turn(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            ready = self._last.get(host, 0.0) + self.min_interval
            wait = max(0.0, ready - now)
            self._last[host] = now + wait
        if wait:
            time.sleep(wait)

    def _request(self, url: str, deadline: float, max_bytes: int) -> Response:
        parts = urlsplit(url)
        scheme = (parts.scheme or "").lower()
        if scheme not in ("http", "https"):
            raise FetchError(f"refused: only http and https URLs are fetched, not {scheme or 'no scheme'!r}")
        host = parts.hostname
        if not host:
            raise FetchError("refused: URL without a host")
        try:
            port = parts.port or (443 if scheme == "https" else 80)
        except ValueError:
            raise FetchError("refused: invalid port in URL") from None
        addrs = resolve_checked(host, port, self.allow_private)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(f"time limit of {self.timeout:.0f} s exceeded")
        self._wait_turn(f"{host}:{port}")
        cls = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
        conn = cls(host, addrs[0], port, timeout=min(self.timeout, remaining))
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        try:
            conn.request("GET", path, headers={"User-Agent": self.user_agent, "Accept-Encoding": "gzip",
                                              "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                                                        "application/atom+xml,application/xml;q=0.9,*/*;q=0.5"})
            resp = conn.getresponse()
            headers = {k.lower(): v for k, v in resp.getheaders()}
            length = headers.get("content-length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"response too large: {length} bytes > limit {max_bytes} bytes")
            chunks, total = [], 0
            while True:
                if time.monotonic() > deadline:
                    raise FetchError(f"time limit of {self.timeout:.0f} s exceeded while reading")
                chunk = resp.read(65536)
                if not chunk:
                    break
                total += len(chunk)
                if total > max_bytes:
                    raise FetchError(f"response too large: more than {max_bytes} bytes")
                chunks.append(chunk)
            body = b"".join(chunks)
        except (OSError, http.client.HTTPException) as exc:
            raise FetchError(f"connection failed: {exc.__class__.__name__}: {exc}") from None
        finally:
            conn.close()
        if headers.get("content-encoding", "").lower() == "gzip":
            try:
                body = gunzip_capped(body, max_bytes)
            except (DecompressionLimit, CorruptArchive) as exc:
                raise FetchError(f"bad gzip response: {exc}") from None
        return Response(url=url, status=resp.status, headers=headers, body=body)

    def _get(self, url: str, max_bytes: int | None = None) -> Response:
        deadline = time.monotonic() + self.timeout
        max_bytes = self.max_bytes if max_bytes is None else max_bytes
        for _hop in range(self.max_redirects + 1):
            resp = self._request(url, deadline, max_bytes)
            if resp.status in (301, 302, 303, 307, 308):
                location = resp.headers.get("location")
                if not location:
                    raise FetchError(f"redirect {resp.status} without a Location header")
                url = urljoin(url, location)
                continue
            return resp
        raise FetchError(f"too many redirects (more than {self.max_redirects})")

    # ---------------------------------------------------------------------------- robots

    def allowed_by_robots(self, url: str) -> bool:
        if not self.respect_robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            cached = origin in self._robots
            parser = self._robots.get(origin)
        if not cached:
            parser = None
            try:
                resp = self._get(origin + "/robots.txt", max_bytes=512 * 1024)
                if resp.status == 200:
                    parser = urllib.robotparser.RobotFileParser()
                    parser.parse(resp.body.decode("utf-8", "replace").splitlines())
                elif resp.status in (401, 403):
                    parser = urllib.robotparser.RobotFileParser()
                    parser.disallow_all = True
            except FetchError:
                parser = None  # no robots.txt reachable: allowed
            with self._lock:
                self._robots[origin] = parser
        return parser is None or parser.can_fetch(self.user_agent, url)

    # ---------------------------------------------------------------------------- public

    def fetch(self, url: str) -> Response:
        """GET ``url`` under all rules; FetchError with the reason otherwise (also for HTTP >= 400)."""
        if not is_url(url):
            raise FetchError("refused: only http and https URLs are fetched")
        if not self.allowed_by_robots(url):
            raise FetchError("disallowed by robots.txt (pass --ignore-robots only where you may)")
        resp = self._get(url)
        if resp.status >= 400:
            raise FetchError(f"HTTP {resp.status}")
        return resp

    def fetch_document(self, url: str, hints: dict | None = None) -> RawDocument | SourceError:
        try:
            resp = self.fetch(url)
        except FetchError as exc:
            return SourceError(uri=url, stage=STAGE, reason=str(exc))
        merged = {"url": resp.url, "content_type": resp.content_type or None}
        if resp.charset:
            merged["charset"] = resp.charset
        merged.update({k: v for k, v in (hints or {}).items() if v})
        merged["url"] = (hints or {}).get("url") or resp.url
        if not merged.get("content_type"):
            merged.pop("content_type")
        return RawDocument(uri=url, data=resp.body, fetched_at=datetime.now(timezone.utc), hints=merged)

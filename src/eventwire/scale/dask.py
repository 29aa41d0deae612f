"""DaskCoder: code shards of articles on a Dask cluster, results back in submission order."""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator


class ScaleError(RuntimeError):
    """Dask is missing or the cluster cannot be reached."""


def _code_shard(articles):
    from eventwire.pipeline import code_shard

    return code_shard(articles)


def _warm_up() -> bool:
    """Load lexicons and models on a worker before the first shard arrives."""
    from eventwire.pipeline import code_article
    from eventwire.records import Article

    for lang in ("de", "en"):
        code_article(Article(id="warmup", url=None, site=None, title=None, language=lang, published=None,
                             text="Der Präsident sagte am Montag in Berlin, die Armee habe angegriffen."
                             if lang == "de" else "The president said on Monday the army attacked.",
                             content_hash="warmup", source_uri="warmup"))
    return True


class DaskCoder:
    """``workers``: start a LocalCluster of that many single-threaded worker processes;
    ``scheduler``: connect to ``tcp://host:port``.  ``in_flight`` shards per worker are queued so
    workers never wait for the client."""

    def __init__(self, workers: int | None = None, scheduler: str | None = None, in_flight: int = 2,
                 warm_up: bool = True):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ScaleError("--workers/--scheduler need Dask: pip install 'eventwire[scale]'") from None
        self._cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="20s")
            else:
                self._cluster = LocalCluster(n_workers=int(workers or 1), threads_per_worker=1, processes=True,
                                             dashboard_address=None, silence_logs=40)
                self.client = Client(self._cluster)
        except OSError as exc:
            raise ScaleError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
        self.n_workers = max(1, len(self.client.scheduler_info().get("workers", {})) or int(workers or 1))
        self.max_in_flight = max(2, in_flight * self.n_workers)
        if warm_up:
            self.client.run(_warm_up)

    def map(self, shards: Iterable[list]) -> Iterator[list]:
        pending: deque = deque()
        for shard in shards:
            pending.append(self.client.submit(_code_shard, shard, pure=False))
            while len(pending) >= self.max_in_flight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self) -> None:
        try:
            self.client.close()
        finally:
            if self._cluster is not None:
                self._cluster.close()

"""Scale-out on Dask distributed: the same stage code over shards of articles.

The client reads, decodes and deduplicates (cheap, and it must see every article in order for
exact and near-duplicate links); shards of ``batch_size`` articles go to workers, which run
nlp + coding (``pipeline.code_shard``) and send the coded shards back; the client, the single
writer, stores them in input order.  One task per shard, never per article (DESIGN.md: one task
per record is 2.5× slower).  See docs/scale-out.md.

    eventwire ingest DIR --workers 4                 # LocalCluster, 4 processes
    eventwire ingest DIR --scheduler tcp://host:8786  # a running cluster

Needs the optional extra ``pip install 'eventwire[scale]'`` (dask, distributed).
"""
from eventwire.scale.dask import DaskCoder, ScaleError

__all__ = ["DaskCoder", "ScaleError"]

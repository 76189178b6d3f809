"""Extraction on a Dask cluster: a client connected to a scheduler whose every worker loads
kg's analyser once, so `kg build --cluster ADDRESS` scales past one machine.

Dask rather than Ray: `distributed` is pure Python and installs from PyPI anywhere kg does,
a scheduler address is all kg needs, and the same cluster runs on a laptop (LocalCluster),
SSH hosts, Kubernetes, YARN or an HPC batch system (dask-jobqueue). Workers need kg
installed; one thread per worker process suits kg, whose extraction holds the GIL.
"""

from __future__ import annotations

from kg.errors import KgError
from kg.gazetteer import Gazetteer
from kg.relations import Lexicon

try:
    from distributed import Client, WorkerPlugin
except ImportError:  # the optional extra `cluster` is not installed
    Client = WorkerPlugin = None


def connect(address: str, *, gazetteer: Gazetteer, lexicon: Lexicon):
    """A Dask client for the scheduler at `address`, its workers set up to extract."""
    if Client is None:
        raise KgError("--cluster needs Dask: pip install 'kg[cluster]'")
    try:
        client = Client(address, timeout=30)
    except OSError as e:
        raise KgError(f"no Dask scheduler at {address}: {e}") from e
    client.register_plugin(Extractor(gazetteer, lexicon), name="kg-extractor")
    return client


class Extractor(WorkerPlugin or object):
    """Loads the analyser on each worker as it joins the cluster."""

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.gazetteer = gazetteer
        self.lexicon = lexicon

    def setup(self, worker) -> None:
        from kg.pipeline import start_worker

        start_worker(self.gazetteer, self.lexicon)

"""The same work units on a Dask ``distributed`` cluster (``docproc batch --scheduler tcp://…``).

Every worker machine needs docproc installed and the input paths readable at the same place
(a shared or mounted folder); results come back to this process, which writes ``OUT`` and the
manifest. Start workers with one thread each and as many processes as cores allow
(``dask worker tcp://host:8786 --nworkers 4 --nthreads 1``): each worker thread holds its own
OCR model. A unit whose worker dies is retried by Dask on another worker up to the scheduler's
``allowed-failures`` (default 3), then recorded as failed (``KilledWorker``).
"""

from __future__ import annotations

import itertools
import uuid
from typing import TYPE_CHECKING, Any

from docproc.batch.units import UnitOutcome, WorkUnit, run_unit_on_dask_worker
from docproc.config import Settings
from docproc.errors import MissingDependencyError, UsageError

if TYPE_CHECKING:
    from distributed import Client, Future

CONNECT_SECONDS = 30


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise MissingDependencyError(
            "--scheduler needs the Dask distributed package: pip install 'dask[distributed]'"
        ) from exc
    return distributed


class DaskRunner:
    """Submits units to a cluster; as many in flight as the cluster has worker threads, plus one
    queued per worker so none idles between units."""

    def __init__(
        self,
        settings: Settings,
        scheduler: str | Client,
        *,
        password: str | None = None,
        connect_seconds: float = CONNECT_SECONDS,
    ) -> None:
        distributed = _import_distributed()
        self.settings = settings
        self.password = password
        self._own_client = isinstance(scheduler, str)
        if isinstance(scheduler, str):
            try:
                self.client: Client = distributed.Client(scheduler, timeout=connect_seconds)
            except OSError as exc:
                raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        else:
            self.client = scheduler
        self._run_id = uuid.uuid4().hex[:12]
        self._numbers = itertools.count()
        self._futures: dict[Future, WorkUnit] = {}
        threads = self.client.nthreads()
        self._capacity = max(1, sum(threads.values()) + len(threads))

    @property
    def capacity(self) -> int:
        return self._capacity

    @property
    def busy(self) -> int:
        return len(self._futures)

    def submit(self, unit: WorkUnit) -> None:
        key = f"docproc-batch-{self._run_id}-{next(self._numbers)}"
        future = self.client.submit(
            run_unit_on_dask_worker, self.settings, self.password, unit, key=key, pure=False
        )
        self._futures[future] = unit

    def wait(self, timeout: float) -> list[tuple[WorkUnit, UnitOutcome]]:
        if not self._futures:
            return []
        distributed = _import_distributed()
        try:
            done, _ = distributed.wait(
                list(self._futures), timeout=timeout, return_when="FIRST_COMPLETED"
            )
        except TimeoutError:
            return []
        finished: list[tuple[WorkUnit, UnitOutcome]] = []
        for future in done:
            unit = self._futures.pop(future)
            if future.status == "finished":
                outcome = future.result()
            else:
                error = future.exception()
                crashed = type(error).__name__ == "KilledWorker"
                message = (
                    f"the Dask worker died while {unit.describe()} ({error})"
                    if crashed
                    else f"unexpected {type(error).__name__} on the Dask worker: {error}"
                )
                outcome = UnitOutcome(error=message, crashed=crashed)
            finished.append((unit, outcome))
            future.release()
        return finished

    def close(self, *, immediately: bool = False) -> None:
        if self._futures:
            self.client.cancel(list(self._futures))
            self._futures.clear()
        if self._own_client:
            self.client.close()

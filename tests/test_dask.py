"""render_many on a dask.distributed cluster: documents come back to the caller."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import phongtrao
from phongtrao import render_bytes, render_many
from phongtrao.model import Plan
from tests.conftest import processes_mentioning, require_soffice
from tests.test_batch import province_plan

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A real LocalCluster of two worker processes, one thread each."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as connected:
        yield connected


@pytest.fixture(scope="module")
def plans() -> list[Plan]:
    """Eight commune plans of Hà Tĩnh (drafts)."""
    return list(phongtrao.commune_plans(province_plan()))[:8]


class TestDask:
    def test_every_document_comes_back(self, client: Any, plans: list[Plan]) -> None:
        """Rendered by the cluster's workers, each .docx arrives in the caller's mapping."""
        documents: dict[str, bytes] = {}
        names = render_many(plans, documents, draft=True, executor=client.get_executor())
        assert phongtrao.output_names(plans) == names
        assert [render_bytes(plan, draft=True) for plan in plans] == [
            documents[name] for name in names]

    def test_files_are_written_by_the_caller(self, client: Any, plans: list[Plan],
                                             tmp_path: Path) -> None:
        """With a folder, the caller writes the files: the workers' disks hold nothing."""
        files = [phongtrao.dump_plan(plan, tmp_path / f"{index}.yaml")
                 for index, plan in enumerate(plans[:3])]
        written = render_many(files, tmp_path / "out", draft=True,
                              executor=client.get_executor())
        assert ["0.docx", "1.docx", "2.docx"] == [path.name for path in written]

    def test_pdf_on_the_workers(self, client: Any, plans: list[Plan], tmp_path: Path) -> None:
        """Each worker converts with its own LibreOffice; the PDFs come back whole."""
        require_soffice()
        documents: dict[str, bytes] = {}
        render_many(plans[:4], documents, pdf=True, draft=True, executor=client.get_executor())
        assert [True] * 4 == [data.startswith(b"%PDF") for data in documents.values()]

    def test_chunks_follow_the_clusters_threads(self, client: Any) -> None:
        """The cluster's two worker threads are found without knowing its executor's class."""
        from phongtrao._batch import _parallelism

        assert 2 == _parallelism(client.get_executor())


def test_no_libreoffice_outlives_the_cluster(plans: list[Plan], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """When the cluster closes, its workers' LibreOffice and profiles go with them."""
    require_soffice()
    folder = tmp_path / "tmpdir"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as connected:
        render_many(plans[:2], {}, pdf=True, draft=True, executor=connected.get_executor())
        assert processes_mentioning(str(folder))
    from tests.test_pdf import wait_until

    assert wait_until(lambda: not processes_mentioning(str(folder))
                      and not list(folder.iterdir()))

"""PDF output: a LibreOffice kept running, its failures, its hygiene, PDF/A and metadata."""

from __future__ import annotations

import io
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from pypdf import PdfReader

import phongtrao
from phongtrao import BatchFailure, BatchInterrupted, PdfConverter, RenderError, render_many
from phongtrao._rendering import engine
from phongtrao.model import Plan
from tests.conftest import processes_mentioning, require_soffice
from tests.test_batch import province_plan

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def communes() -> list[Plan]:
    """Six commune plans of Hà Tĩnh (drafts)."""
    return list(phongtrao.commune_plans(province_plan()))[:6]


@pytest.fixture(scope="module")
def docx(communes: list[Plan]) -> bytes:
    """A commune plan's .docx."""
    return phongtrao.render_bytes(communes[0], draft=True)


@pytest.fixture(scope="module")
def converter() -> Iterator[PdfConverter]:
    """One LibreOffice for the module's conversions."""
    require_soffice()
    with PdfConverter() as running:
        yield running


def pdf_text(data: bytes | Path) -> str:
    """The PDF's text, words joined by single spaces (pdftotext)."""
    source = data.read_bytes() if isinstance(data, Path) else data
    result = subprocess.run(["pdftotext", "-layout", "-", "-"], input=source,
                            capture_output=True, check=True)
    return " ".join(result.stdout.decode("utf-8").split())


def wait_until(condition: object, seconds: float = 10.0) -> bool:
    """Whether ``condition()`` became true within ``seconds`` (a generous bound)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return bool(condition())  # type: ignore[operator]


class TestConverter:
    def test_many_documents_one_libreoffice(self, converter: PdfConverter, docx: bytes) -> None:
        """Three conversions are three PDFs from the LibreOffice started for the first."""
        starts = converter.starts
        pdfs = converter.convert_many([docx, docx, docx])
        assert ([True] * 3, max(starts, 1)) == ([p.startswith(b"%PDF") for p in pdfs],
                                                converter.starts)

    def test_a_corrupt_document_fails_alone(self, converter: PdfConverter, docx: bytes) -> None:
        """Bytes that are not a .docx fail with a RenderError; the others convert."""
        results = converter.convert_many([docx, b"PK\x03\x04 not a package", docx])
        assert [bytes, RenderError, bytes] == [type(result) for result in results]
        assert "not a .docx document LibreOffice can read" in str(results[1])

    def test_a_killed_libreoffice_is_started_again(self, converter: PdfConverter,
                                                   docx: bytes) -> None:
        """After LibreOffice is killed, the next document converts with a new one."""
        converter.convert(docx)
        starts, (_, group) = converter.starts, converter.pids
        os.killpg(group, signal.SIGKILL)
        assert converter.convert(docx).startswith(b"%PDF")
        assert starts + 1 == converter.starts

    def test_a_hung_libreoffice_is_killed_at_the_timeout(
        self, docx: bytes, private_tmpdir: Path
    ) -> None:
        """A LibreOffice that stops answering fails that document; the next gets a new one."""
        require_soffice()
        with PdfConverter(timeout=0.5) as converter:
            converter.convert(docx)
            os.killpg(converter.pids[1], signal.SIGSTOP)  # hung: alive, never answering
            with pytest.raises(RenderError, match=r"did not convert the document to PDF in 0.5 s"):
                converter.convert(docx)
            assert [] == processes_mentioning(str(private_tmpdir))
            assert converter.convert(docx).startswith(b"%PDF")
        assert ([], []) == (processes_mentioning(str(private_tmpdir)),
                            list(private_tmpdir.iterdir()))

    def test_close_leaves_nothing(self, docx: bytes, private_tmpdir: Path) -> None:
        """After close, no process of that LibreOffice and no profile are left."""
        require_soffice()
        converter = PdfConverter()
        converter.convert(docx)
        running = processes_mentioning(str(private_tmpdir))
        converter.close()
        assert (True, [], []) == (len(running) >= 2, processes_mentioning(str(private_tmpdir)),
                                  list(private_tmpdir.iterdir()))

    def test_convert_to_without_uno(self, docx: bytes, private_tmpdir: Path) -> None:
        """The fallback runs soffice --convert-to over the documents; a corrupt one fails alone."""
        require_soffice()
        with PdfConverter(method="convert-to") as converter:
            results = converter.convert_many([docx, b"garbage", docx])
            method = converter.method
        assert ("convert-to", [bytes, RenderError, bytes]) == (
            method, [type(result) for result in results])
        assert pdf_text(results[0]) == pdf_text(results[2])
        assert [] == list(private_tmpdir.iterdir())

    def test_a_killed_parent_leaves_nothing(self, docx: bytes, private_tmpdir: Path,
                                            tmp_path: Path) -> None:
        """A kill -9 of the process running a converter takes its LibreOffice and profile too."""
        require_soffice()
        (tmp_path / "doc.docx").write_bytes(docx)
        script = (f"import os, signal, phongtrao\nc = phongtrao.PdfConverter()\n"
                  f"c.convert(open({str(tmp_path / 'doc.docx')!r}, 'rb').read())\n"
                  "print('converted', flush=True)\nos.kill(os.getpid(), signal.SIGKILL)\n")
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                                check=False)
        assert ("converted", -signal.SIGKILL) == (result.stdout.strip(), result.returncode)
        assert wait_until(lambda: not processes_mentioning(str(private_tmpdir))
                          and not list(private_tmpdir.iterdir()))

    def test_a_signal_while_an_office_ends_waits_for_it(self, docx: bytes, private_tmpdir: Path,
                                                        tmp_path: Path) -> None:
        """SIGTERM while a converter closes: the close finishes, then the process exits.

        A worker's SIGTERM handler ends every office (end_all_and_exit); run while the
        same thread is ending one, it must not end it a second time under itself.
        """
        require_soffice()
        (tmp_path / "doc.docx").write_bytes(docx)
        script = (
            "import os, signal, time, phongtrao\n"
            "from phongtrao._rendering import office\n"
            "signal.signal(signal.SIGTERM, lambda s, f: office.end_all_and_exit(128 + s))\n"
            "finish = office.Office._finish\n"
            "def interrupted(self):\n"
            "    os.kill(os.getpid(), signal.SIGTERM)\n"
            "    time.sleep(0.2)  # the handler runs here\n"
            "    print('finishing', flush=True)\n"
            "    finish(self)\n"
            "office.Office._finish = interrupted\n"
            "c = phongtrao.PdfConverter()\n"
            f"c.convert(open({str(tmp_path / 'doc.docx')!r}, 'rb').read())\n"
            "c.close()\n"
            "print('after close', flush=True)\n")
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                                check=False, timeout=60)
        assert ("finishing", 128 + signal.SIGTERM) == (result.stdout.strip(), result.returncode)
        assert ([], []) == (processes_mentioning(str(private_tmpdir)),
                            list(private_tmpdir.iterdir()))

    def test_arguments(self) -> None:
        """An unknown method or a bad timeout is a ValueError; so is a closed converter."""
        with pytest.raises(ValueError, match="unknown PDF conversion method 'word'"):
            PdfConverter(method="word")
        with pytest.raises(ValueError, match="positive number of seconds"):
            PdfConverter(timeout=0)
        closed = PdfConverter()
        closed.close()
        with pytest.raises(ValueError, match="closed"):
            closed.convert(b"")


class TestMetadata:
    def test_pdfa_with_the_plans_metadata(self, example_plan: Plan, tmp_path: Path) -> None:
        """pdfa=True: PDF/A-2b, every font embedded, the plan's title, author, subject, vi-VN."""
        require_soffice()
        out = phongtrao.render(example_plan, tmp_path / "plan.pdf", pdfa=True)
        reader = PdfReader(out.path)
        xmp = reader.xmp_metadata
        assert xmp is not None
        identification = (xmp.rdf_root.getElementsByTagName("pdfaid:part")[0].firstChild.data,
                          xmp.rdf_root.getElementsByTagName("pdfaid:conformance")[0]
                          .firstChild.data)
        info = reader.metadata
        assert info is not None
        assert (("2", "B"), example_plan.title, "Ủy ban nhân dân huyện Cẩm Xuyên", "vi-VN") == (
            identification, info.title, info.author, reader.trailer["/Root"]["/Lang"])
        assert "Toàn dân đoàn kết xây dựng đời sống văn hóa" in (info.subject or "")
        assert "Kế hoạch, " in (info["/Keywords"] or "")
        fonts = [font.get_object() for page in reader.pages
                 for font in page["/Resources"]["/Font"].values()]
        descriptors = [font["/FontDescriptor"] for font in fonts]
        assert len(fonts) >= 2
        assert all({"/FontFile", "/FontFile2", "/FontFile3"} & set(d) for d in descriptors)

    def test_plain_pdf_is_not_pdfa_but_has_the_title(self, example_plan: Plan,
                                                     tmp_path: Path) -> None:
        """Without pdfa, the PDF still carries the plan's title, not the template's."""
        require_soffice()
        reader = PdfReader(phongtrao.render(example_plan, tmp_path / "plan.pdf").path)
        xmp = reader.xmp_metadata
        parts = xmp.rdf_root.getElementsByTagName("pdfaid:part") if xmp is not None else []
        assert (example_plan.title, []) == (reader.metadata.title if reader.metadata else None,
                                            list(parts))

    def test_docx_core_properties(self, example_plan: Plan) -> None:
        """The .docx says its title, author, keywords and language, escaped as XML."""
        plan = attrs.evolve(example_plan, title="Kế hoạch <A> & “B”")
        document = phongtrao.testing.open_document(phongtrao.render_bytes(plan))
        core = document.core_properties
        assert ("Kế hoạch <A> & “B”", "Ủy ban nhân dân huyện Cẩm Xuyên", "vi-VN") == (
            core.title, core.author, core.language)
        assert core.keywords.startswith("Kế hoạch, Toàn dân đoàn kết")

    def test_a_template_without_core_properties_gets_them(self, example_plan: Plan) -> None:
        """A template that has no docProps/core.xml renders documents that have one."""
        with phongtrao.builtin_template("ke-hoach").open("rb") as stream:
            original = zipfile.ZipFile(stream)
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w") as stripped:
                for info in original.infolist():
                    content = original.read(info)
                    if info.filename == "docProps/core.xml":
                        continue
                    if info.filename in ("_rels/.rels", "[Content_Types].xml"):
                        content = re.sub(rb"<(Relationship|Override)[^>]*core[^>]*/>", b"",
                                         content)
                    stripped.writestr(info, content)
        renderer = phongtrao.Renderer(phongtrao.Plugins(False))
        prepared = engine.prepare_bytes(buffer.getvalue(), "stripped", renderer.environment)
        data = prepared.render(renderer.context(example_plan),
                               renderer.document_properties(example_plan))
        assert b"core" not in zipfile.ZipFile(buffer).read("_rels/.rels")
        core = phongtrao.testing.open_document(data).core_properties
        assert (example_plan.title, "vi-VN") == (core.title, core.language)

    def test_pdfa_needs_a_pdf(self, example_plan: Plan, tmp_path: Path) -> None:
        """pdfa=True with a .docx output is a ValueError, before anything is written."""
        with pytest.raises(ValueError, match="pdfa=True makes PDF/A"):
            phongtrao.render(example_plan, tmp_path / "plan.docx", pdfa=True)
        assert [] == list(tmp_path.iterdir())


class TestPdfBatch:
    def test_batch_pdfs_are_the_single_renders(self, communes: list[Plan],
                                               tmp_path: Path) -> None:
        """Each PDF of a batch has the text of the same plan rendered alone."""
        require_soffice()
        paths = render_many(communes[:3], tmp_path / "batch", pdf=True, draft=True)
        alone = [phongtrao.render(plan, tmp_path / f"alone-{index}.pdf", draft=True).path
                 for index, plan in enumerate(communes[:3])]
        assert [pdf_text(path) for path in alone] == [pdf_text(path) for path in paths]

    def test_a_corrupt_document_fails_alone(
        self, communes: list[Plan], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        private_tmpdir: Path
    ) -> None:
        """A document LibreOffice cannot read fails, named; the others are written."""
        require_soffice()
        bad_title = communes[1].title
        real = phongtrao.Renderer.render_bytes

        def corrupt(self: phongtrao.Renderer, plan: Plan, *args: object, **kwargs: object
                    ) -> bytes:
            data = real(self, plan, *args, **kwargs)  # type: ignore[arg-type]
            return b"PK\x03\x04 broken" if plan.title == bad_title else data

        monkeypatch.setattr(phongtrao.Renderer, "render_bytes", corrupt)
        failures: list[BatchFailure] = []
        written = render_many(communes[:3], tmp_path / "out", pdf=True, draft=True,
                              on_failure=failures.append)
        names = phongtrao.output_names(communes[:3], ".pdf")
        assert [names[0], names[2]] == [path.name for path in written]
        assert [("#2", "render", tmp_path / "out" / names[1])] == [
            (failure.source, failure.kind, failure.target) for failure in failures]
        assert f"{names[1]} could not be made" in failures[0].message
        assert [] == list(private_tmpdir.iterdir())

    def test_a_libreoffice_killed_mid_batch_is_restarted(
        self, communes: list[Plan], tmp_path: Path, private_tmpdir: Path
    ) -> None:
        """LibreOffice killed after the second document: the batch still writes every PDF."""
        require_soffice()
        killed: list[str] = []

        def kill_after_two(done: int, total: int) -> None:
            if done == 2:
                for line in processes_mentioning(str(private_tmpdir)):
                    if "soffice.bin" in line:
                        os.kill(int(line.split(":")[0]), signal.SIGKILL)
                        killed.append(line)

        written = render_many(communes[:4], tmp_path / "out", pdf=True, draft=True,
                              progress=kill_after_two)
        assert (1, 4) == (len(killed), len(written))
        assert all(path.read_bytes().startswith(b"%PDF") for path in written)
        assert [] == processes_mentioning(str(private_tmpdir))

    @pytest.mark.parametrize("pool", ["worker_pool", "ProcessPoolExecutor"])
    def test_a_joined_process_pool_leaves_nothing(
        self, pool: str, communes: list[Plan], tmp_path: Path, private_tmpdir: Path
    ) -> None:
        """Once the pool has joined its workers, their LibreOffice and profiles are gone.

        A fork worker ends in os._exit, without atexit: its offices must end as it exits,
        not later, when their servers notice it is gone.
        """
        require_soffice()
        from concurrent.futures import ProcessPoolExecutor

        executor = phongtrao.worker_pool(2) if pool == "worker_pool" else ProcessPoolExecutor(
            2, mp_context=multiprocessing.get_context("fork"))
        with executor:
            written = render_many(communes[:4], tmp_path / "out", pdf=True, draft=True,
                                  executor=executor)
        assert (4, [], []) == (len(written), processes_mentioning(str(private_tmpdir)),
                               list(private_tmpdir.iterdir()))

    def test_interrupted_then_resumed(self, communes: list[Plan], tmp_path: Path,
                                      private_tmpdir: Path) -> None:
        """Ctrl-C after two documents: two written, the rest not; skip_existing finishes."""
        require_soffice()

        def interrupt(done: int, total: int) -> None:
            if done == 2:
                raise KeyboardInterrupt

        with pytest.raises(BatchInterrupted) as stopped:
            render_many(communes[:4], tmp_path / "out", pdf=True, draft=True,
                        progress=interrupt)
        assert (2, 2) == (len(stopped.value.written), stopped.value.not_done)
        assert [] == processes_mentioning(str(private_tmpdir))
        written = render_many(communes[:4], tmp_path / "out", pdf=True, draft=True,
                              skip_existing=True)
        assert (2, 4) == (len(written), len(list((tmp_path / "out").iterdir())))


def _plan_files(plans: list[Plan], folder: Path) -> list[str]:
    folder.mkdir()
    paths = []
    for plan, name in zip(plans, phongtrao.output_names(plans, ".yaml"), strict=True):
        paths.append(str(phongtrao.dump_plan(plan, folder / name)))
    return paths


class TestBatchCommandStops:
    def test_sigint_stops_a_pdf_batch_and_skip_existing_finishes(
        self, tmp_path: Path, private_tmpdir: Path
    ) -> None:
        """Ctrl-C in `batch --pdf -j 2`: out in 2 s, exit 130, no partial file, nothing left."""
        require_soffice()
        plans = list(phongtrao.commune_plans(province_plan()))[:14]
        files = _plan_files(plans, tmp_path / "plans")
        out = tmp_path / "out"
        command = [sys.executable, "-m", "phongtrao", "batch", *files, "-o", str(out),
                   "--pdf", "--draft", "-j", "2"]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True, start_new_session=True)
        try:
            assert wait_until(lambda: len(list(out.glob("*.pdf"))) >= 2, 60)
            os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole group
            start = time.monotonic()
            _, stderr = process.communicate(timeout=30)
            took = time.monotonic() - start
        finally:
            if process.poll() is None:
                process.kill()
                process.communicate()
        made = sorted(out.iterdir())
        assert (130, True) == (process.returncode, took < 2.0), (took, stderr)
        assert f"written, {len(plans) - len(made)} not done; rerun with --skip-existing" in stderr
        assert all(path.suffix == ".pdf" and not path.name.startswith(".") for path in made)
        assert all(len(PdfReader(path).pages) >= 1 for path in made)
        assert ([], []) == (processes_mentioning(str(private_tmpdir)),
                            list(private_tmpdir.iterdir()))
        rest = subprocess.run([*command, "--skip-existing"], capture_output=True, text=True,
                              check=False)
        assert (0, len(plans)) == (rest.returncode, len(list(out.glob("*.pdf"))))
        assert f"{len(plans) - len(made)} written, {len(made)} skipped" in rest.stdout

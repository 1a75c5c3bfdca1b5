"""Benchmark PDF output: a LibreOffice kept running against one started per document.

    python benchmarks/bench_pdf.py [-n 21]

Measured in one run, on the same N commune drafts (their .docx rendered
beforehand, outside the timing):

- the previous approach (and what a user's loop would do): one
  ``soffice --convert-to pdf`` per document, each with a fresh temporary
  profile, as ``phongtrao`` 0.1 did for every PDF;
- a :class:`phongtrao.PdfConverter` kept running (LibreOffice's start included,
  once), by UNO where the machine has it — and by chunked ``--convert-to``;
- ``render_many(pdf=True)`` end to end on two worker processes (pool and
  LibreOffice starts included): documents per second;
- the batch's PDFs against single ``phongtrao.render`` of the same plans, by
  their text (pdftotext).

The last lines are machine-readable, one ``name=value`` a line.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ["PHONGTRAO_PLUGINS"] = "none"  # the national template, whatever is installed

sys.path.insert(0, str(Path(__file__).parent))
from bench_batch import nationwide_plans

import phongtrao
from phongtrao import PdfConverter, find_soffice, render_bytes, render_many, worker_pool


def one_soffice_per_document(program: str, documents: list[bytes], work: Path) -> float:
    """Seconds to convert each document with its own soffice and fresh profile."""
    start = time.perf_counter()
    for index, data in enumerate(documents):
        folder = Path(tempfile.mkdtemp(dir=work))
        source = folder / "document.docx"
        source.write_bytes(data)
        subprocess.run([program, f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                        "--headless", "--norestore", "--nolockcheck", "--convert-to", "pdf",
                        "--outdir", str(folder / "out"), str(source)],
                       capture_output=True, check=True, timeout=300)
        assert (folder / "out" / "document.pdf").exists(), index
    return time.perf_counter() - start


def kept_converter(documents: list[bytes], method: str) -> tuple[float, str]:
    """Seconds to convert every document with one converter (its start included)."""
    start = time.perf_counter()
    with PdfConverter(method=method) as converter:
        results = converter.convert_many(documents)
        used = converter.method or method
    assert all(isinstance(result, bytes) for result in results)
    return time.perf_counter() - start, used


def pdf_text(path: Path) -> str:
    result = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                            check=True, text=True)
    return " ".join(result.stdout.split())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=21, help="documents (default 21)")
    args = parser.parse_args()
    program = find_soffice()
    if program is None:
        print("LibreOffice (soffice) is not installed", file=sys.stderr)
        return 2
    plans = nationwide_plans(args.n)
    documents = [render_bytes(plan, draft=True) for plan in plans]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        print(f"{len(plans)} commune drafts, LibreOffice {program}")
        before = one_soffice_per_document(program, documents, work)
        kept, method = kept_converter(documents, "auto")
        chunked, _ = kept_converter(documents, "convert-to")
        start = time.perf_counter()
        with worker_pool(2) as pool:
            paths = render_many(plans, work / "batch", pdf=True, draft=True, executor=pool)
        batch = time.perf_counter() - start
        alone = [phongtrao.render(plan, work / f"alone-{index}.pdf", draft=True).path
                 for index, plan in enumerate(plans[:5])]
        identical = [pdf_text(path) for path in alone] == [pdf_text(path) for path in paths[:5]]
    n = len(documents)
    print(f"one soffice per document : {before / n:6.3f} s/doc")
    print(f"PdfConverter ({method:10}) : {kept / n:6.3f} s/doc (its start included)")
    print(f"PdfConverter (convert-to) : {chunked / n:6.3f} s/doc (one --convert-to call)")
    print(f"render_many --pdf, 2 workers: {n / batch:5.1f} docs/s end to end")
    print(f"pdf_ratio={before / kept:.2f}")
    print(f"pdf_ratio_convert_to={before / chunked:.2f}")
    print(f"pdf_docs_per_s={n / batch:.2f}")
    print(f"pdf_method={method}")
    print(f"identical_text={'true' if identical else 'false'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

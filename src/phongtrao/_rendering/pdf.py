"""PDF output through LibreOffice, one private profile per conversion."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from phongtrao.errors import RenderError

__all__ = ["docx_to_pdf", "find_soffice"]

#: Environment variable naming the LibreOffice program to use.
SOFFICE_ENV = "PHONGTRAO_SOFFICE"
_TIMEOUT = 300


def find_soffice() -> str | None:
    """The LibreOffice program: ``$PHONGTRAO_SOFFICE``, else ``soffice`` or ``libreoffice``."""
    configured = os.environ.get(SOFFICE_ENV)
    if configured:
        return shutil.which(configured) or (configured if Path(configured).exists() else None)
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: bytes) -> bytes:
    """Convert the bytes of a .docx to the bytes of a PDF with LibreOffice headless.

    Each conversion runs with its own temporary user profile, so conversions in
    parallel do not collide on LibreOffice's profile lock.

    Raises:
        RenderError: when LibreOffice is not installed or the conversion fails.
    """
    import subprocess  # deferred, with tempfile: only a PDF conversion needs them
    import tempfile

    program = find_soffice()
    if program is None:
        raise RenderError(
            "PDF output needs LibreOffice, and no 'soffice' or 'libreoffice' program was found; "
            "install it (Debian: apt-get install libreoffice-writer-nogui) or set "
            f"{SOFFICE_ENV} to its path"
        )
    with tempfile.TemporaryDirectory(prefix="phongtrao-pdf-") as folder:
        work = Path(folder)
        source = work / "document.docx"
        source.write_bytes(docx)
        command = [
            program,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        try:
            result = subprocess.run(
                command, capture_output=True, text=True, timeout=_TIMEOUT, check=False
            )
        except subprocess.TimeoutExpired:
            raise RenderError(
                f"LibreOffice ({program}) did not finish converting to PDF in {_TIMEOUT} s"
            ) from None
        output = work / "out" / "document.pdf"
        if result.returncode != 0 or not output.exists():
            detail = (result.stderr or result.stdout).strip().splitlines()
            reason = detail[-1] if detail else f"exit code {result.returncode}"
            raise RenderError(f"LibreOffice ({program}) could not convert to PDF: {reason}")
        return output.read_bytes()

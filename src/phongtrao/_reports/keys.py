"""What ties a returned form to its plan: the plan's key and the form's version.

A form (and a results file) carries the key of the plan it answers; reading
one against another plan, or a form of another version of the layout, is
refused. The key is computed from what the form depends on — the issuer, the
document's kind, number and date, the movement and period, and each
indicator's id and whether it is counted of a total — so that mending a typo
in the plan's text does not void the forms already sent out, while a form of
another plan, or of other indicators, never passes for one of this plan.
"""

from __future__ import annotations

import hashlib
import json

from phongtrao._files import unstructure_plan
from phongtrao.model import Plan

__all__ = ["FORM_VERSION", "RESULTS_VERSION", "plan_key"]

#: The version of the form's layout (its sheets, rows and cells). A form of another
#: version is refused with a message saying which version this phongtrao reads.
FORM_VERSION = 1
#: The version of the results file's keys (``version:`` in the file).
RESULTS_VERSION = 1


def plan_key(plan: Plan) -> str:
    """The plan's key, 16 hexadecimal digits, as forms and results files carry it.

    >>> import phongtrao
    >>> len(phongtrao.plan_key(phongtrao.load_plan("examples/ben-thanh-2025/plan.yaml")))
    16
    """
    data = unstructure_plan(plan)
    document = data["document"]
    basis = {
        "issuer": data["issuer"],
        "document": {key: document.get(key) for key in ("kind", "number", "date")},
        "movement": (data.get("movement") or {}).get("name"),
        "period": data.get("period"),
        "indicators": [[item.id, item.paired] for item in plan.indicators],
    }
    text = json.dumps(basis, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

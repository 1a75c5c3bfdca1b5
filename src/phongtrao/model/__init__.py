"""The typed domain model of a plan: frozen, keyword-only attrs classes, no I/O.

Every class is immutable; change one with :func:`attrs.evolve`. Collections are
tuples. Text is normalised to Unicode NFC on construction. Validators guard the
invariants of each class and raise :class:`ModelError` naming the field.
"""

from phongtrao.model.awards import (
    Authority,
    AuthorityTitle,
    AwardForm,
    AwardGrant,
    Awards,
    RecipientKind,
)
from phongtrao.model.documents import Document, DocumentKind, DocumentNumber, LegalBasis
from phongtrao.model.errors import ModelError
from phongtrao.model.movement import CatalogItem, Movement
from phongtrao.model.plan import (
    Assessment,
    FundingSource,
    Orientation,
    Plan,
    Responsibility,
    Signature,
    SignMode,
    Topic,
)
from phongtrao.model.schedule import Milestone, Modality
from phongtrao.model.time import PartialDate, Period, Precision, Window
from phongtrao.model.units import REFORM_DATE, AdministrativeUnit, Agency, Level, UnitKind

__all__ = [
    "REFORM_DATE",
    "AdministrativeUnit",
    "Agency",
    "Assessment",
    "Authority",
    "AuthorityTitle",
    "AwardForm",
    "AwardGrant",
    "Awards",
    "CatalogItem",
    "Document",
    "DocumentKind",
    "DocumentNumber",
    "FundingSource",
    "LegalBasis",
    "Level",
    "Milestone",
    "Modality",
    "ModelError",
    "Movement",
    "Orientation",
    "PartialDate",
    "Period",
    "Plan",
    "Precision",
    "RecipientKind",
    "Responsibility",
    "SignMode",
    "Signature",
    "Topic",
    "UnitKind",
    "Window",
]

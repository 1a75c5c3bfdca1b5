"""Plan -> outline: the body's numbered sections, and the sentences made from fields.

The outline knows nothing of templates: it is the document's structure
(sections, headings, items, bullets) in the conventional order of a Kế hoạch,
with the standard administrative phrasing for sentences built from structured
fields (:mod:`phongtrao._outline.phrases`). Plugins may adjust it before it is
numbered (the ``phongtrao_adjust_outline`` hook).
"""

from phongtrao._outline.tree import (
    BUILTIN_SECTIONS,
    Block,
    BlockKind,
    Node,
    NodeKind,
    Section,
    build_outline,
    free_nodes,
    number_nodes,
    number_outline,
)

__all__ = [
    "BUILTIN_SECTIONS",
    "Block",
    "BlockKind",
    "Node",
    "NodeKind",
    "Section",
    "build_outline",
    "free_nodes",
    "number_nodes",
    "number_outline",
]

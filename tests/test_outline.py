

def test_the_outline_builds_every_part_the_model_names() -> None:
    """Each key of model.BUILTIN_PARTS has its builder, in the same order."""
    from phongtrao._outline.tree import BUILTIN_SECTIONS
    from phongtrao.model import BUILTIN_PARTS

    assert BUILTIN_PARTS == BUILTIN_SECTIONS

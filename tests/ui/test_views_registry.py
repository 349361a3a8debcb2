"""The views registry: the manifest (views listed without importing their module) matches
what each module registers, and unknown keys are refused naming the known ones."""

from __future__ import annotations

import importlib

import pytest

from app.ui.views import registry


@pytest.mark.parametrize("entry", registry.MANIFEST, ids=lambda e: e.key)
def test_manifest_matches_the_modules_registration(qapp, entry) -> None:
    if not registry.module_exists(entry.module):
        pytest.skip(f"{entry.module} not written yet")
    importlib.import_module(entry.module)
    real = registry._REGISTRY.get(entry.key)
    assert real is not None, f"{entry.module} does not register {entry.key!r}"
    assert real.title() == entry.title()
    assert (real.order, real.chrome) == (entry.order, entry.chrome)


def test_every_view_module_is_known_and_existing_modules_import(qapp) -> None:
    keys = [v.key for v in registry.views(load_all=True)]
    manifest_modules = {e.module for e in registry.MANIFEST}
    manifest_keys = {e.key for e in registry.MANIFEST}
    for spec in registry._REGISTRY.values():  # a manifest module registers no unlisted view
        module = spec.factory.__module__
        if module in manifest_modules:
            assert spec.key in manifest_keys, f"{spec.key!r} of {module} is missing in MANIFEST"
    assert keys[:2] == ["table", "initiative"]
    assert len(keys) == len(set(keys))


def test_module_exists_does_not_import() -> None:
    import sys

    assert registry.module_exists("app.ui.views.table")
    assert not registry.module_exists("app.ui.views.no_such_view")
    assert "app.ui.no_such_package" not in sys.modules


def test_unknown_view_is_named_in_the_ui_language(qapp) -> None:
    """``gui --screenshot --view`` shows this message; in Danish it is Danish."""
    from app.ui.app import install_translators

    with pytest.raises(KeyError, match="unknown view 'nonsense'; known views: table, "):
        registry.get("nonsense")
    try:
        install_translators(qapp, "da")
        with pytest.raises(KeyError) as refused:
            registry.get("nonsense")
        message = str(refused.value.args[0])
        assert message.startswith("ukendt visning 'nonsense'") and "table" in message
    finally:
        install_translators(qapp, "en")

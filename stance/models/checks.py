"""The shared contract checks every stance model must pass, as named, independent functions.

Like scikit-learn's ``parametrize_with_checks``: :func:`model_checks` yields ``(name, check)``
pairs for one model, each check taking no arguments and raising ``AssertionError`` on failure.
Every check works on a clone, so the model passed in is never changed.

>>> for name, check in model_checks(create("tfidf-logreg")):   # doctest: +SKIP
...     check()
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from stance.models.base import StanceModel
from stance.models.persistence import load_folder
from stance.models.testing import synthetic_quotes
from stance.records import LABELS, Quote

Check = Callable[[StanceModel], None]


@contextlib.contextmanager
def _raises(error_type: type[Exception], message: str) -> Iterator[None]:
    """Like ``pytest.raises(match=...)``, without making pytest a dependency of the package."""
    try:
        yield
    except error_type as error:
        if message not in str(error):
            raise AssertionError(f"{error_type.__name__} without {message!r}: {error}") from error
    else:
        raise AssertionError(f"expected {error_type.__name__} ({message!r}), nothing was raised")


def _fitted(model: StanceModel) -> tuple[StanceModel, list[Quote]]:
    quotes, labels = synthetic_quotes()
    return clone(model).fit(quotes, labels), quotes


def check_init_stores_params_only(model: StanceModel) -> None:
    """``__init__`` takes keyword parameters only and stores each one unchanged."""
    signature = inspect.signature(type(model).__init__)
    names = [name for name in signature.parameters if name != "self"]
    kinds = {signature.parameters[name].kind for name in names}
    assert kinds <= {inspect.Parameter.KEYWORD_ONLY}, f"positional parameters in {signature}"
    assert sorted(model.get_params(deep=False)) == sorted(names)
    fresh = type(model)()
    assert not [attr for attr in vars(fresh) if attr.endswith("_")], "learned state set in __init__"


def check_clone_and_params(model: StanceModel) -> None:
    """``clone`` copies the parameters; ``set_params`` returns self and changes one."""
    copy = clone(model)
    assert copy is not model
    assert copy.get_params(deep=False) == model.get_params(deep=False)
    name = sorted(copy.get_params(deep=False))[0]
    assert copy.set_params(**{name: "changed"}) is copy
    assert copy.get_params(deep=False)[name] == "changed"
    assert model.get_params(deep=False)[name] != "changed"


def check_not_fitted_error(model: StanceModel) -> None:
    """An unfitted model refuses to predict with a NotFittedError that says what to do."""
    fresh = clone(model)
    for method in (fresh.predict, fresh.predict_proba):
        with _raises(NotFittedError, "call fit"):
            method(["We did not do it."])


def check_fit_returns_self(model: StanceModel) -> None:
    """``fit`` returns the estimator itself, with ``classes_`` equal to ``stance.LABELS``."""
    quotes, labels = synthetic_quotes()
    fresh = clone(model)
    assert fresh.fit(quotes, labels) is fresh
    assert tuple(fresh.classes_) == LABELS


def check_predict_proba(model: StanceModel) -> None:
    """Probabilities: shape (n, 4), in [0, 1], rows sum to 1, argmax agrees with ``predict``."""
    fitted, quotes = _fitted(model)
    probabilities = fitted.predict_proba(quotes)
    assert probabilities.shape == (len(quotes), len(LABELS))
    assert np.all(probabilities >= 0)
    assert np.all(probabilities <= 1)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, atol=1e-6)
    predicted = fitted.predict(quotes)
    assert predicted == [fitted.classes_[i] for i in probabilities.argmax(axis=1)]


def check_list_in_list_out(model: StanceModel) -> None:
    """A list in gives a list of label strings out, one per input; empty in, empty out."""
    fitted, quotes = _fitted(model)
    predicted = fitted.predict(quotes[:3])
    assert isinstance(predicted, list)
    assert len(predicted) == 3
    assert all(label in LABELS for label in predicted)
    assert fitted.predict([]) == []
    assert fitted.predict_proba([]).shape == (0, len(LABELS))


def check_strings_and_quotes(model: StanceModel) -> None:
    """Plain strings are accepted like quotes without cue or context; a bare string is refused."""
    fitted, _ = _fitted(model)
    predicted = fitted.predict(["We never signed that deal.", "The council will meet on Monday."])
    assert len(predicted) == 2
    with _raises(TypeError, "wrap it in a list"):
        fitted.predict("We never signed that deal.")


def check_save_load_round_trip(model: StanceModel) -> None:
    """A saved and reloaded model predicts exactly what the original did, with the metadata."""
    fitted, quotes = _fitted(model)
    with tempfile.TemporaryDirectory() as folder:
        path = fitted.save(Path(folder) / "model")
        assert not list(path.glob("*.pkl"))
        assert not list(path.glob("*.joblib"))
        reloaded = load_folder(path)
    assert reloaded.predict(quotes) == fitted.predict(quotes)
    np.testing.assert_allclose(
        reloaded.predict_proba(quotes), fitted.predict_proba(quotes), atol=1e-6
    )
    assert reloaded.metadata_ == fitted.metadata_
    assert reloaded.get_params(deep=False) == fitted.get_params(deep=False)


def check_metadata(model: StanceModel) -> None:
    """``metadata_`` records name, version, label order, training-data hash and seed."""
    fitted, _ = _fitted(model)
    metadata = fitted.metadata_
    for key in ("name", "version", "labels", "training_data_hash", "seed"):
        assert key in metadata, f"metadata_ lacks {key!r}"
    assert metadata["labels"] == list(LABELS)
    assert metadata["name"].endswith(f".v{metadata['version']}")


def check_deterministic(model: StanceModel) -> None:
    """Two fits with the same parameters and data give the same probabilities."""
    first, quotes = _fitted(model)
    second, _ = _fitted(model)
    np.testing.assert_allclose(first.predict_proba(quotes), second.predict_proba(quotes), atol=1e-6)


def check_rejects_bad_labels(model: StanceModel) -> None:
    """``fit`` refuses a label outside ``stance.LABELS`` and a label count that does not match."""
    quotes, labels = synthetic_quotes()
    for bad_labels, message in (
        (["agree", *labels[1:]], "must be one of"),
        (labels[:-1], "one label per quote"),
    ):
        with _raises(ValueError, message):
            clone(model).fit(quotes, bad_labels)


CHECKS: tuple[Check, ...] = (
    check_init_stores_params_only,
    check_clone_and_params,
    check_not_fitted_error,
    check_fit_returns_self,
    check_predict_proba,
    check_list_in_list_out,
    check_strings_and_quotes,
    check_save_load_round_trip,
    check_metadata,
    check_deterministic,
    check_rejects_bad_labels,
)


def model_checks(model: StanceModel) -> Iterator[tuple[str, Callable[[], None]]]:
    """Yield ``(check name, check)`` for every contract check, bound to ``model``."""
    for check in CHECKS:
        yield check.__name__, functools.partial(check, model)

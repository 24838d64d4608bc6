"""Documents to plain data and back, for the store and for worker processes.

Why not ``Document.to_dict``: that is the JSON contract for people and programs, and it
is lossy on purpose (``evidence`` is computed, ``Mention.date`` is left out, warnings
appear twice). The store needs the opposite: every field, so that a document read back
is *equal* to the one parsed (``document_from_dict(document_to_dict(doc)) == doc``).

The codec is derived from the dataclasses' own type hints, so a field another stage
adds to ``model.py`` is carried without a change here, as long as it is made of what
the model already uses (str, int, float, bool, None, lists, tuples, dicts with string
keys, other dataclasses, ``X | None``). Anything else fails loudly when the codec is
built (``CodecError``), and the round-trip test over the samples says so first.

Fields equal to their default are left out of the dict: records stay small, and a record
written before a field existed decodes with that field's default.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
import zlib
from collections.abc import Callable
from functools import cache
from typing import Any

from ..model import Document

Encoder = Callable[[Any], Any]
Decoder = Callable[[Any], Any]

#: Bumped when the shape of stored records changes in a way defaults cannot absorb.
RECORD_VERSION = 1

_MISSING = dataclasses.MISSING


class CodecError(TypeError):
    """A model field of a type the codec cannot carry (say which, so it can be taught)."""


def _identity(value: Any) -> Any:
    return value


def _optional(inner: Callable[[Any], Any]) -> Callable[[Any], Any]:
    if inner is _identity:
        return _identity
    return lambda v: None if v is None else inner(v)


def _listing(inner: Callable[[Any], Any], out: type = list) -> Callable[[Any], Any]:
    if inner is _identity and out is list:
        return list
    return lambda v: out(inner(x) for x in v)


def _codec_for(tp: Any, owner: str) -> tuple[Encoder, Decoder]:
    """(encode, decode) for one type hint."""
    if tp in (str, int, float, bool, type(None), Any):
        return _identity, _identity
    if dataclasses.is_dataclass(tp):
        # Looked up on first use, not now: a dataclass may hold itself (Task.children).
        return (lambda v: dataclass_codec(tp)[0](v)), (lambda v: dataclass_codec(tp)[1](v))
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            enc, dec = _codec_for(rest[0], owner)
            return _optional(enc), _optional(dec)
        if all(a in (str, int, float, bool) for a in rest):
            return _identity, _identity
        raise CodecError(f"{owner}: a union of {tp} cannot be decoded unambiguously")
    if origin is list:
        enc, dec = _codec_for(args[0] if args else Any, owner)
        return _listing(enc), _listing(dec)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            enc, dec = _codec_for(args[0], owner)
            return _listing(enc), _listing(dec, tuple)
        pairs = [_codec_for(a, owner) for a in args]
        return (
            lambda v: [e(x) for (e, _d), x in zip(pairs, v, strict=True)],
            lambda v: tuple(d(x) for (_e, d), x in zip(pairs, v, strict=True)),
        )
    if origin is dict and args and args[0] is str:
        enc, dec = _codec_for(args[1], owner)
        return (lambda v: {k: enc(x) for k, x in v.items()}), (lambda v: {k: dec(x) for k, x in v.items()})
    raise CodecError(f"{owner}: the store cannot carry a field of type {tp!r}; teach corpus/codec.py")


@cache
def dataclass_codec(cls: type) -> tuple[Encoder, Decoder]:
    """The encoder and decoder of a record class, planned once from its fields' type hints
    (the store's rows and the corpus sources both write records this way)."""
    hints = typing.get_type_hints(cls)
    plan: list[tuple[str, Encoder, Decoder, Any]] = []
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        enc, dec = _codec_for(hints[f.name], f"{cls.__name__}.{f.name}")
        if f.default is not _MISSING:
            default: Any = f.default
        elif f.default_factory is not _MISSING:
            default = f.default_factory()
        else:
            default = _MISSING
        plan.append((f.name, enc, dec, default))

    def encode(obj: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, enc, _dec, default in plan:
            value = getattr(obj, name)
            if default is not _MISSING and value == default:
                continue
            out[name] = enc(value)
        return out

    def decode(data: dict[str, Any]) -> Any:
        kwargs: dict[str, Any] = {}
        for name, _enc, dec, default in plan:
            if name in data:
                kwargs[name] = dec(data[name])
            elif default is _MISSING:
                raise CodecError(f"{cls.__name__}: stored record lacks the required field {name!r}")
        return cls(**kwargs)

    return encode, decode


def document_to_dict(doc: Document, *, include_text: bool = False) -> dict[str, Any]:
    """Every field of ``doc`` as plain data (JSON-ready); the text only when asked for,
    since the store keeps it apart (the full-text index wants it, graph queries do not)."""
    encode, _ = dataclass_codec(Document)
    data = encode(doc)
    if not include_text:
        data.pop("text", None)
    return data


def document_from_dict(data: dict[str, Any]) -> Document:
    """The ``Document`` that ``document_to_dict`` was made from."""
    _, decode = dataclass_codec(Document)
    return decode(data)  # type: ignore[no-any-return]


def pack(data: dict[str, Any]) -> bytes:
    """A record as stored: compact JSON, zlib-compressed (records are mostly Vietnamese prose)."""
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def unpack(blob: bytes) -> dict[str, Any]:
    return json.loads(zlib.decompress(blob))  # type: ignore[no-any-return]


def pack_text(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), 1)


def unpack_text(blob: bytes | None) -> str:
    return zlib.decompress(blob).decode("utf-8") if blob else ""

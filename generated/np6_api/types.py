"""Contains some shared types for properties"""

from collections.abc import Iterable, Mapping, MutableMapping
from enum import Enum
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar
from uuid import UUID, SafeUUID

from attrs import define


class Unset:
    """The type of `UNSET`: a field absent from what the server sent (as opposed to `None`, sent as null).

    There is one: `Unset()` (and a copy or an unpickled `UNSET`) is `UNSET`, so `x is UNSET` says the same
    as `isinstance(x, Unset)`.
    """

    __slots__ = ()

    def __new__(cls) -> "Unset":
        return UNSET if cls is Unset else super().__new__(cls)

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = object.__new__(Unset)

_new_object = object.__new__
_set_slot = object.__setattr__
_UNKNOWN_SAFETY = SafeUUID.unknown


def parse_uuid(value: Any) -> UUID:
    """`uuid.UUID(value)`: the same value, or the same exception, for any `value`.

    `UUID()` removes `urn:`, `uuid:`, `{`/`}` and `-`, checks there are 32 characters left and reads them
    with `int(..., 16)`. For a `str` whose characters are 32 once the `-` are removed, that `int()` here is
    the one `UUID()` makes: a removed `urn:`, `uuid:` or brace would have left a character `int()` refuses.
    Anything else, including every refusal, goes to `UUID()` itself, for its own error.
    """
    if type(value) is str:
        digits = value.replace("-", "")
        if len(digits) == 32:
            try:
                number = int(digits, 16)
            except ValueError:
                pass
            else:
                uuid = _new_object(UUID)
                _set_slot(uuid, "int", number)
                _set_slot(uuid, "is_safe", _UNKNOWN_SAFETY)
                return uuid
    return UUID(value)


E = TypeVar("E", bound=Enum)


def parse_enum(cls: type[E], value: Any) -> E:
    """`cls(value)`: the same member, or pseudo-member, or exception, for any `value`.

    An enum's constructor first looks `value` up in `_value2member_map_`; for a plain `str` or `int` this
    is that lookup without the two Python calls around it. Anything else, and every value the map lacks
    (left to `_missing_`, see str_enum.py.jinja), goes to `cls(value)` itself.
    """
    if type(value) is str or type(value) is int:
        members: dict[Any, E] = cls._value2member_map_  # type: ignore[assignment]  # values are cls's members
        member = members.get(value)
        if member is not None:
            return member
    return cls(value)


def model_repr(
    model: object, fields: Iterable[tuple[str, object]], additional: Mapping[str, Any]
) -> str:
    """`Name(field=value, ...)` with only the fields that are set, then any fields the spec does not list.

    Names are the attribute names without the trailing `_` added to dodge Python names (`type_` prints
    as `type`).
    """
    parts = [
        f"{name}={value!r}" for name, value in fields if not isinstance(value, Unset)
    ]
    if additional:
        parts.append(f"additional_properties={dict(additional)!r}")
    return f"{type(model).__name__}({', '.join(parts)})"


# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "parse_enum",
    "parse_uuid",
]

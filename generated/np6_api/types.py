"""Contains some shared types for properties"""

from collections.abc import Iterable, Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

from attrs import define


class Unset:
    """The type of `UNSET`: a field absent from what the server sent (as opposed to `None`, sent as null)."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()


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


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset"]

from enum import StrEnum
from typing import Self


class LinkType(StrEnum):
    FORM = "form"
    MIRROR = "mirror"
    OPEN = "open"
    REDIRECTION = "redirection"
    UNSUBSCRIBE = "unsubscribe"

    def __str__(self) -> str:
        return str(self.value)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.value!r})"

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member

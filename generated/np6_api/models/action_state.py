from enum import IntEnum
from typing import Self


class ActionState(IntEnum):
    VALUE_10 = 10
    VALUE_20 = 20
    VALUE_30 = 30
    VALUE_35 = 35
    VALUE_36 = 36
    VALUE_38 = 38
    VALUE_40 = 40
    VALUE_50 = 50
    VALUE_55 = 55
    VALUE_60 = 60
    VALUE_100 = 100

    def __str__(self) -> str:
        return str(self.value)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.value!r})"

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        member = int.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member

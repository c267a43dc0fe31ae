from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="RenderLinksRequest")


@_attrs_define
class RenderLinksRequest:
    """
    Attributes:
        receiver (TargetReference): The contact a message is rendered for.
        data (RenderLinksRequestData | Unset):
        variables (list[RenderLinksRequestVariablesItem] | Unset):
        context (RenderContext | Unset): Views overrides.
        stamp (ExecutionStamp | Unset): Tracks a conversation flow (executions, renders, events). Not the resource stamp
            of a notification.
        links (list[LinkDefinition] | Unset):
    """

    receiver: TargetReference
    data: RenderLinksRequestData | Unset = UNSET
    variables: list[RenderLinksRequestVariablesItem] | Unset = UNSET
    context: RenderContext | Unset = UNSET
    stamp: ExecutionStamp | Unset = UNSET
    links: list[LinkDefinition] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("receiver", self.receiver),
                ("data", self.data),
                ("variables", self.variables),
                ("context", self.context),
                ("stamp", self.stamp),
                ("links", self.links),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        receiver = self.receiver.to_dict()

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        variables: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.variables, Unset):
            variables = []
            for variables_item_data in self.variables:
                variables_item = variables_item_data.to_dict()
                variables.append(variables_item)

        context: dict[str, Any] | Unset = UNSET
        if not isinstance(self.context, Unset):
            context = self.context.to_dict()

        stamp: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stamp, Unset):
            stamp = self.stamp.to_dict()

        links: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = []
            for links_item_data in self.links:
                links_item = links_item_data.to_dict()
                links.append(links_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "receiver": receiver,
            }
        )
        if data is not UNSET:
            field_dict["data"] = data
        if variables is not UNSET:
            field_dict["variables"] = variables
        if context is not UNSET:
            field_dict["context"] = context
        if stamp is not UNSET:
            field_dict["stamp"] = stamp
        if links is not UNSET:
            field_dict["links"] = links

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        receiver = TargetReference.from_dict(d.pop("receiver"))

        _data = d.pop("data", UNSET)
        data: RenderLinksRequestData | Unset
        if _data is UNSET:
            data = UNSET
        else:
            data = RenderLinksRequestData.from_dict(_data)

        _variables = d.pop("variables", UNSET)
        variables: list[RenderLinksRequestVariablesItem] | Unset = UNSET
        if _variables is not UNSET:
            variables = []
            for variables_item_data in _variables:
                variables_item = RenderLinksRequestVariablesItem.from_dict(
                    variables_item_data
                )

                variables.append(variables_item)

        _context = d.pop("context", UNSET)
        context: RenderContext | Unset
        if _context is UNSET:
            context = UNSET
        else:
            context = RenderContext.from_dict(_context)

        _stamp = d.pop("stamp", UNSET)
        stamp: ExecutionStamp | Unset
        if _stamp is UNSET:
            stamp = UNSET
        else:
            stamp = ExecutionStamp.from_dict(_stamp)

        _links = d.pop("links", UNSET)
        links: list[LinkDefinition] | Unset = UNSET
        if _links is not UNSET:
            links = []
            for links_item_data in _links:
                links_item = LinkDefinition.from_dict(links_item_data)

                links.append(links_item)

        if cls is RenderLinksRequest:
            render_links_request = object.__new__(cls)
            render_links_request.receiver = receiver
            render_links_request.data = data
            render_links_request.variables = variables
            render_links_request.context = context
            render_links_request.stamp = stamp
            render_links_request.links = links
        else:
            render_links_request = cls(
                receiver,
                data,
                variables,
                context,
                stamp,
                links,
            )

        render_links_request.additional_properties = d
        return render_links_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


from ..models.execution_stamp import ExecutionStamp
from ..models.link_definition import LinkDefinition
from ..models.render_context import RenderContext
from ..models.render_links_request_data import RenderLinksRequestData
from ..models.render_links_request_variables_item import RenderLinksRequestVariablesItem
from ..models.target_reference import TargetReference

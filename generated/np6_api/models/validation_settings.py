from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="ValidationSettings")


@_attrs_define
class ValidationSettings:
    """`fortest: true` starts the test phase (proofs to `testSegments`); `fortest: false` validates for production.

    Attributes:
        fortest (bool | None | Unset):
        campaign_analyser (bool | None | Unset): Use the campaign analyser (account option)
        test_segments (list[int] | Unset):
        media_for_test (str | Unset):
        textand_html (bool | None | Unset): Send both the HTML and the text versions
        comments (str | Unset):
        variables (list[ValidationSettingsVariablesItem] | Unset):
    """

    fortest: bool | None | Unset = UNSET
    campaign_analyser: bool | None | Unset = UNSET
    test_segments: list[int] | Unset = UNSET
    media_for_test: str | Unset = UNSET
    textand_html: bool | None | Unset = UNSET
    comments: str | Unset = UNSET
    variables: list[ValidationSettingsVariablesItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("fortest", self.fortest),
                ("campaign_analyser", self.campaign_analyser),
                ("test_segments", self.test_segments),
                ("media_for_test", self.media_for_test),
                ("textand_html", self.textand_html),
                ("comments", self.comments),
                ("variables", self.variables),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        fortest: bool | None | Unset
        if isinstance(self.fortest, Unset):
            fortest = UNSET
        else:
            fortest = self.fortest

        campaign_analyser: bool | None | Unset
        if isinstance(self.campaign_analyser, Unset):
            campaign_analyser = UNSET
        else:
            campaign_analyser = self.campaign_analyser

        test_segments: list[int] | Unset = UNSET
        if not isinstance(self.test_segments, Unset):
            test_segments = self.test_segments

        media_for_test = self.media_for_test

        textand_html: bool | None | Unset
        if isinstance(self.textand_html, Unset):
            textand_html = UNSET
        else:
            textand_html = self.textand_html

        comments = self.comments

        variables: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.variables, Unset):
            variables = []
            for variables_item_data in self.variables:
                variables_item = variables_item_data.to_dict()
                variables.append(variables_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if fortest is not UNSET:
            field_dict["fortest"] = fortest
        if campaign_analyser is not UNSET:
            field_dict["campaignAnalyser"] = campaign_analyser
        if test_segments is not UNSET:
            field_dict["testSegments"] = test_segments
        if media_for_test is not UNSET:
            field_dict["mediaForTest"] = media_for_test
        if textand_html is not UNSET:
            field_dict["textandHtml"] = textand_html
        if comments is not UNSET:
            field_dict["comments"] = comments
        if variables is not UNSET:
            field_dict["variables"] = variables

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_fortest(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if data is UNSET:
                return UNSET
            return cast(bool | None | Unset, data)

        fortest = _parse_fortest(d.pop("fortest", UNSET))

        def _parse_campaign_analyser(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if data is UNSET:
                return UNSET
            return cast(bool | None | Unset, data)

        campaign_analyser = _parse_campaign_analyser(d.pop("campaignAnalyser", UNSET))

        test_segments = cast(list[int], d.pop("testSegments", UNSET))

        media_for_test = d.pop("mediaForTest", UNSET)

        def _parse_textand_html(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if data is UNSET:
                return UNSET
            return cast(bool | None | Unset, data)

        textand_html = _parse_textand_html(d.pop("textandHtml", UNSET))

        comments = d.pop("comments", UNSET)

        _variables = d.pop("variables", UNSET)
        variables: list[ValidationSettingsVariablesItem] | Unset = UNSET
        if _variables is not UNSET:
            variables = []
            for variables_item_data in _variables:
                variables_item = ValidationSettingsVariablesItem.from_dict(
                    variables_item_data
                )

                variables.append(variables_item)

        if cls is ValidationSettings:
            validation_settings = object.__new__(cls)
            validation_settings.fortest = fortest
            validation_settings.campaign_analyser = campaign_analyser
            validation_settings.test_segments = test_segments
            validation_settings.media_for_test = media_for_test
            validation_settings.textand_html = textand_html
            validation_settings.comments = comments
            validation_settings.variables = variables
        else:
            validation_settings = cls(
                fortest,
                campaign_analyser,
                test_segments,
                media_for_test,
                textand_html,
                comments,
                variables,
            )

        validation_settings.additional_properties = d
        return validation_settings

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


from ..models.validation_settings_variables_item import ValidationSettingsVariablesItem

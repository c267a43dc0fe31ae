from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.consent_mode import ConsentMode
from ..models.edition_mode import EditionMode
from ..types import UNSET, Unset, model_repr, parse_enum

T = TypeVar("T", bound="MailSettings")


@_attrs_define
class MailSettings:
    """
    Attributes:
        templating (TemplatingSettings | Unset):
        edition_mode (EditionMode | Unset): How the content is edited: 0 design (drag and drop), 1 HTML, 2 text.
        purpose (ActionPurpose | Unset):
        consent (ConsentMode | Unset):
        priority (bool | Unset): High priority (dedicated queue)
        importance (bool | Unset): Flagged important in webmails
        environment (MailSettingsEnvironment | Unset):
        field (int | Unset): Id of the contact field holding the address (account-specific)
        culture (str | Unset): e.g. fr-FR
        content_format (int | Unset):
        use_form_link_ssl (bool | Unset):
        sending_profile (int | Unset):
        performance (PerformanceSettings | Unset):
        mp (MarketingPressureSettings | Unset):
        web_analyser (int | Unset):
        archive (bool | Unset):
    """

    templating: TemplatingSettings | Unset = UNSET
    edition_mode: EditionMode | Unset = UNSET
    purpose: ActionPurpose | Unset = UNSET
    consent: ConsentMode | Unset = UNSET
    priority: bool | Unset = UNSET
    importance: bool | Unset = UNSET
    environment: MailSettingsEnvironment | Unset = UNSET
    field: int | Unset = UNSET
    culture: str | Unset = UNSET
    content_format: int | Unset = UNSET
    use_form_link_ssl: bool | Unset = UNSET
    sending_profile: int | Unset = UNSET
    performance: PerformanceSettings | Unset = UNSET
    mp: MarketingPressureSettings | Unset = UNSET
    web_analyser: int | Unset = UNSET
    archive: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(
            self,
            (
                ("templating", self.templating),
                ("edition_mode", self.edition_mode),
                ("purpose", self.purpose),
                ("consent", self.consent),
                ("priority", self.priority),
                ("importance", self.importance),
                ("environment", self.environment),
                ("field", self.field),
                ("culture", self.culture),
                ("content_format", self.content_format),
                ("use_form_link_ssl", self.use_form_link_ssl),
                ("sending_profile", self.sending_profile),
                ("performance", self.performance),
                ("mp", self.mp),
                ("web_analyser", self.web_analyser),
                ("archive", self.archive),
            ),
            self.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        templating: dict[str, Any] | Unset = UNSET
        if not isinstance(self.templating, Unset):
            templating = self.templating.to_dict()

        edition_mode: int | Unset = UNSET
        if not isinstance(self.edition_mode, Unset):
            edition_mode = self.edition_mode.value

        purpose: dict[str, Any] | Unset = UNSET
        if not isinstance(self.purpose, Unset):
            purpose = self.purpose.to_dict()

        consent: int | Unset = UNSET
        if not isinstance(self.consent, Unset):
            consent = self.consent.value

        priority = self.priority

        importance = self.importance

        environment: dict[str, Any] | Unset = UNSET
        if not isinstance(self.environment, Unset):
            environment = self.environment.to_dict()

        field = self.field

        culture = self.culture

        content_format = self.content_format

        use_form_link_ssl = self.use_form_link_ssl

        sending_profile = self.sending_profile

        performance: dict[str, Any] | Unset = UNSET
        if not isinstance(self.performance, Unset):
            performance = self.performance.to_dict()

        mp: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mp, Unset):
            mp = self.mp.to_dict()

        web_analyser = self.web_analyser

        archive = self.archive

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if templating is not UNSET:
            field_dict["templating"] = templating
        if edition_mode is not UNSET:
            field_dict["editionMode"] = edition_mode
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if consent is not UNSET:
            field_dict["consent"] = consent
        if priority is not UNSET:
            field_dict["priority"] = priority
        if importance is not UNSET:
            field_dict["importance"] = importance
        if environment is not UNSET:
            field_dict["environment"] = environment
        if field is not UNSET:
            field_dict["field"] = field
        if culture is not UNSET:
            field_dict["culture"] = culture
        if content_format is not UNSET:
            field_dict["contentFormat"] = content_format
        if use_form_link_ssl is not UNSET:
            field_dict["useFormLinkSSL"] = use_form_link_ssl
        if sending_profile is not UNSET:
            field_dict["sendingProfile"] = sending_profile
        if performance is not UNSET:
            field_dict["performance"] = performance
        if mp is not UNSET:
            field_dict["mp"] = mp
        if web_analyser is not UNSET:
            field_dict["webAnalyser"] = web_analyser
        if archive is not UNSET:
            field_dict["archive"] = archive

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _templating = d.pop("templating", UNSET)
        templating: TemplatingSettings | Unset
        if _templating is UNSET:
            templating = UNSET
        else:
            templating = TemplatingSettings.from_dict(_templating)

        _edition_mode = d.pop("editionMode", UNSET)
        edition_mode: EditionMode | Unset
        if _edition_mode is UNSET:
            edition_mode = UNSET
        else:
            edition_mode = parse_enum(EditionMode, _edition_mode)

        _purpose = d.pop("purpose", UNSET)
        purpose: ActionPurpose | Unset
        if _purpose is UNSET:
            purpose = UNSET
        else:
            purpose = ActionPurpose.from_dict(_purpose)

        _consent = d.pop("consent", UNSET)
        consent: ConsentMode | Unset
        if _consent is UNSET:
            consent = UNSET
        else:
            consent = parse_enum(ConsentMode, _consent)

        priority = d.pop("priority", UNSET)

        importance = d.pop("importance", UNSET)

        _environment = d.pop("environment", UNSET)
        environment: MailSettingsEnvironment | Unset
        if _environment is UNSET:
            environment = UNSET
        else:
            environment = MailSettingsEnvironment.from_dict(_environment)

        field = d.pop("field", UNSET)

        culture = d.pop("culture", UNSET)

        content_format = d.pop("contentFormat", UNSET)

        use_form_link_ssl = d.pop("useFormLinkSSL", UNSET)

        sending_profile = d.pop("sendingProfile", UNSET)

        _performance = d.pop("performance", UNSET)
        performance: PerformanceSettings | Unset
        if _performance is UNSET:
            performance = UNSET
        else:
            performance = PerformanceSettings.from_dict(_performance)

        _mp = d.pop("mp", UNSET)
        mp: MarketingPressureSettings | Unset
        if _mp is UNSET:
            mp = UNSET
        else:
            mp = MarketingPressureSettings.from_dict(_mp)

        web_analyser = d.pop("webAnalyser", UNSET)

        archive = d.pop("archive", UNSET)

        if cls is MailSettings:
            mail_settings = object.__new__(cls)
            mail_settings.templating = templating
            mail_settings.edition_mode = edition_mode
            mail_settings.purpose = purpose
            mail_settings.consent = consent
            mail_settings.priority = priority
            mail_settings.importance = importance
            mail_settings.environment = environment
            mail_settings.field = field
            mail_settings.culture = culture
            mail_settings.content_format = content_format
            mail_settings.use_form_link_ssl = use_form_link_ssl
            mail_settings.sending_profile = sending_profile
            mail_settings.performance = performance
            mail_settings.mp = mp
            mail_settings.web_analyser = web_analyser
            mail_settings.archive = archive
        else:
            mail_settings = cls(
                templating,
                edition_mode,
                purpose,
                consent,
                priority,
                importance,
                environment,
                field,
                culture,
                content_format,
                use_form_link_ssl,
                sending_profile,
                performance,
                mp,
                web_analyser,
                archive,
            )

        mail_settings.additional_properties = d
        return mail_settings

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


from ..models.action_purpose import ActionPurpose
from ..models.mail_settings_environment import MailSettingsEnvironment
from ..models.marketing_pressure_settings import MarketingPressureSettings
from ..models.performance_settings import PerformanceSettings
from ..models.templating_settings import TemplatingSettings

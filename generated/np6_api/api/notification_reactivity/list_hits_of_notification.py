import datetime
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.activation_event import ActivationEvent
from ...models.bounce_event import BounceEvent
from ...models.cancellation_event import CancellationEvent
from ...models.complaint_event import ComplaintEvent
from ...models.creation_event import CreationEvent
from ...models.execution_event import ExecutionEvent
from ...models.hit_event import HitEvent
from ...models.impression_event import ImpressionEvent
from ...models.modification_event import ModificationEvent
from ...models.optout_event import OptoutEvent
from ...models.reply_event import ReplyEvent
from ...models.sort_order import SortOrder
from ...models.suppression_event import SuppressionEvent
from ...models.unknown_event import UnknownEvent
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    activation_start: datetime.datetime | int | Unset = UNSET,
    activation_end: datetime.datetime | int | Unset = UNSET,
    reactivity_start: datetime.datetime | int | Unset = UNSET,
    reactivity_end: datetime.datetime | int | Unset = UNSET,
    sort: SortOrder | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_activation_start: int | str | Unset
    if isinstance(activation_start, Unset):
        json_activation_start = UNSET
    elif isinstance(activation_start, datetime.datetime):
        json_activation_start = activation_start.isoformat()
    else:
        json_activation_start = activation_start
    params["activationStart"] = json_activation_start

    json_activation_end: int | str | Unset
    if isinstance(activation_end, Unset):
        json_activation_end = UNSET
    elif isinstance(activation_end, datetime.datetime):
        json_activation_end = activation_end.isoformat()
    else:
        json_activation_end = activation_end
    params["activationEnd"] = json_activation_end

    json_reactivity_start: int | str | Unset
    if isinstance(reactivity_start, Unset):
        json_reactivity_start = UNSET
    elif isinstance(reactivity_start, datetime.datetime):
        json_reactivity_start = reactivity_start.isoformat()
    else:
        json_reactivity_start = reactivity_start
    params["reactivityStart"] = json_reactivity_start

    json_reactivity_end: int | str | Unset
    if isinstance(reactivity_end, Unset):
        json_reactivity_end = UNSET
    elif isinstance(reactivity_end, datetime.datetime):
        json_reactivity_end = reactivity_end.isoformat()
    else:
        json_reactivity_end = reactivity_end
    params["reactivityEnd"] = json_reactivity_end

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/notifications/{id}/reactivities/hits".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    Any
    | list[
        ActivationEvent
        | BounceEvent
        | CancellationEvent
        | ComplaintEvent
        | CreationEvent
        | ExecutionEvent
        | HitEvent
        | ImpressionEvent
        | ModificationEvent
        | OptoutEvent
        | ReplyEvent
        | SuppressionEvent
        | UnknownEvent
    ]
    | None
):
    if response.status_code == 200:

        def _parse_response_200_item(
            data: object,
        ) -> (
            ActivationEvent
            | BounceEvent
            | CancellationEvent
            | ComplaintEvent
            | CreationEvent
            | ExecutionEvent
            | HitEvent
            | ImpressionEvent
            | ModificationEvent
            | OptoutEvent
            | ReplyEvent
            | SuppressionEvent
            | UnknownEvent
        ):
            if isinstance(data, dict) and data.get("type") == "execution":
                try:
                    componentsschemas_event_type_0 = ExecutionEvent.from_dict(data)

                    return componentsschemas_event_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "cancellation":
                try:
                    componentsschemas_event_type_1 = CancellationEvent.from_dict(data)

                    return componentsschemas_event_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "activation":
                try:
                    componentsschemas_event_type_2 = ActivationEvent.from_dict(data)

                    return componentsschemas_event_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "bounce":
                try:
                    componentsschemas_event_type_3 = BounceEvent.from_dict(data)

                    return componentsschemas_event_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "hit":
                try:
                    componentsschemas_event_type_4 = HitEvent.from_dict(data)

                    return componentsschemas_event_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "creation":
                try:
                    componentsschemas_event_type_5 = CreationEvent.from_dict(data)

                    return componentsschemas_event_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "modification":
                try:
                    componentsschemas_event_type_6 = ModificationEvent.from_dict(data)

                    return componentsschemas_event_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "impression":
                try:
                    componentsschemas_event_type_7 = ImpressionEvent.from_dict(data)

                    return componentsschemas_event_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "suppression":
                try:
                    componentsschemas_event_type_8 = SuppressionEvent.from_dict(data)

                    return componentsschemas_event_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "optout":
                try:
                    componentsschemas_event_type_9 = OptoutEvent.from_dict(data)

                    return componentsschemas_event_type_9
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "reply":
                try:
                    componentsschemas_event_type_10 = ReplyEvent.from_dict(data)

                    return componentsschemas_event_type_10
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "complaint":
                try:
                    componentsschemas_event_type_11 = ComplaintEvent.from_dict(data)

                    return componentsschemas_event_type_11
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_event_type_12 = UnknownEvent.from_dict(data)

            return componentsschemas_event_type_12

        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = _parse_response_200_item(response_200_item_data)
            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = cast(Any, None)
        return response_400

    if response.status_code == 401:
        response_401 = cast(Any, None)
        return response_401

    if response.status_code == 403:
        response_403 = cast(Any, None)
        return response_403

    if response.status_code == 404:
        response_404 = cast(Any, None)
        return response_404

    if response.status_code == 429:
        response_429 = cast(Any, None)
        return response_429

    if 500 <= response.status_code <= 599:
        response_5xx = cast(Any, None)
        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
    Any
    | list[
        ActivationEvent
        | BounceEvent
        | CancellationEvent
        | ComplaintEvent
        | CreationEvent
        | ExecutionEvent
        | HitEvent
        | ImpressionEvent
        | ModificationEvent
        | OptoutEvent
        | ReplyEvent
        | SuppressionEvent
        | UnknownEvent
    ]
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    activation_start: datetime.datetime | int | Unset = UNSET,
    activation_end: datetime.datetime | int | Unset = UNSET,
    reactivity_start: datetime.datetime | int | Unset = UNSET,
    reactivity_end: datetime.datetime | int | Unset = UNSET,
    sort: SortOrder | Unset = UNSET,
) -> Response[
    Any
    | list[
        ActivationEvent
        | BounceEvent
        | CancellationEvent
        | ComplaintEvent
        | CreationEvent
        | ExecutionEvent
        | HitEvent
        | ImpressionEvent
        | ModificationEvent
        | OptoutEvent
        | ReplyEvent
        | SuppressionEvent
        | UnknownEvent
    ]
]:
    """Retrieve "hit" reactivities of the specified notification

    Args:
        id (int):
        activation_start (datetime.datetime | int | Unset): An ISO 8601 date-time, or a timestamp
            in milliseconds since 1970-01-01T00:00:00Z.
        activation_end (datetime.datetime | int | Unset): An ISO 8601 date-time, or a timestamp in
            milliseconds since 1970-01-01T00:00:00Z.
        reactivity_start (datetime.datetime | int | Unset): An ISO 8601 date-time, or a timestamp
            in milliseconds since 1970-01-01T00:00:00Z.
        reactivity_end (datetime.datetime | int | Unset): An ISO 8601 date-time, or a timestamp in
            milliseconds since 1970-01-01T00:00:00Z.
        sort (SortOrder | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[ActivationEvent | BounceEvent | CancellationEvent | ComplaintEvent | CreationEvent | ExecutionEvent | HitEvent | ImpressionEvent | ModificationEvent | OptoutEvent | ReplyEvent | SuppressionEvent | UnknownEvent]]
    """

    kwargs = _get_kwargs(
        id=id,
        activation_start=activation_start,
        activation_end=activation_end,
        reactivity_start=reactivity_start,
        reactivity_end=reactivity_end,
        sort=sort,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    activation_start: datetime.datetime | int | Unset = UNSET,
    activation_end: datetime.datetime | int | Unset = UNSET,
    reactivity_start: datetime.datetime | int | Unset = UNSET,
    reactivity_end: datetime.datetime | int | Unset = UNSET,
    sort: SortOrder | Unset = UNSET,
) -> (
    Any
    | list[
        ActivationEvent
        | BounceEvent
        | CancellationEvent
        | ComplaintEvent
        | CreationEvent
        | ExecutionEvent
        | HitEvent
        | ImpressionEvent
        | ModificationEvent
        | OptoutEvent
        | ReplyEvent
        | SuppressionEvent
        | UnknownEvent
    ]
    | None
):
    """Retrieve "hit" reactivities of the specified notification

    Args:
        id (int):
        activation_start (datetime.datetime | int | Unset): An ISO 8601 date-time, or a timestamp
            in milliseconds since 1970-01-01T00:00:00Z.
        activation_end (datetime.datetime | int | Unset): An ISO 8601 date-time, or a timestamp in
            milliseconds since 1970-01-01T00:00:00Z.
        reactivity_start (datetime.datetime | int | Unset): An ISO 8601 date-time, or a timestamp
            in milliseconds since 1970-01-01T00:00:00Z.
        reactivity_end (datetime.datetime | int | Unset): An ISO 8601 date-time, or a timestamp in
            milliseconds since 1970-01-01T00:00:00Z.
        sort (SortOrder | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[ActivationEvent | BounceEvent | CancellationEvent | ComplaintEvent | CreationEvent | ExecutionEvent | HitEvent | ImpressionEvent | ModificationEvent | OptoutEvent | ReplyEvent | SuppressionEvent | UnknownEvent]
    """

    return sync_detailed(
        id=id,
        client=client,
        activation_start=activation_start,
        activation_end=activation_end,
        reactivity_start=reactivity_start,
        reactivity_end=reactivity_end,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    activation_start: datetime.datetime | int | Unset = UNSET,
    activation_end: datetime.datetime | int | Unset = UNSET,
    reactivity_start: datetime.datetime | int | Unset = UNSET,
    reactivity_end: datetime.datetime | int | Unset = UNSET,
    sort: SortOrder | Unset = UNSET,
) -> Response[
    Any
    | list[
        ActivationEvent
        | BounceEvent
        | CancellationEvent
        | ComplaintEvent
        | CreationEvent
        | ExecutionEvent
        | HitEvent
        | ImpressionEvent
        | ModificationEvent
        | OptoutEvent
        | ReplyEvent
        | SuppressionEvent
        | UnknownEvent
    ]
]:
    """Retrieve "hit" reactivities of the specified notification

    Args:
        id (int):
        activation_start (datetime.datetime | int | Unset): An ISO 8601 date-time, or a timestamp
            in milliseconds since 1970-01-01T00:00:00Z.
        activation_end (datetime.datetime | int | Unset): An ISO 8601 date-time, or a timestamp in
            milliseconds since 1970-01-01T00:00:00Z.
        reactivity_start (datetime.datetime | int | Unset): An ISO 8601 date-time, or a timestamp
            in milliseconds since 1970-01-01T00:00:00Z.
        reactivity_end (datetime.datetime | int | Unset): An ISO 8601 date-time, or a timestamp in
            milliseconds since 1970-01-01T00:00:00Z.
        sort (SortOrder | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[ActivationEvent | BounceEvent | CancellationEvent | ComplaintEvent | CreationEvent | ExecutionEvent | HitEvent | ImpressionEvent | ModificationEvent | OptoutEvent | ReplyEvent | SuppressionEvent | UnknownEvent]]
    """

    kwargs = _get_kwargs(
        id=id,
        activation_start=activation_start,
        activation_end=activation_end,
        reactivity_start=reactivity_start,
        reactivity_end=reactivity_end,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    activation_start: datetime.datetime | int | Unset = UNSET,
    activation_end: datetime.datetime | int | Unset = UNSET,
    reactivity_start: datetime.datetime | int | Unset = UNSET,
    reactivity_end: datetime.datetime | int | Unset = UNSET,
    sort: SortOrder | Unset = UNSET,
) -> (
    Any
    | list[
        ActivationEvent
        | BounceEvent
        | CancellationEvent
        | ComplaintEvent
        | CreationEvent
        | ExecutionEvent
        | HitEvent
        | ImpressionEvent
        | ModificationEvent
        | OptoutEvent
        | ReplyEvent
        | SuppressionEvent
        | UnknownEvent
    ]
    | None
):
    """Retrieve "hit" reactivities of the specified notification

    Args:
        id (int):
        activation_start (datetime.datetime | int | Unset): An ISO 8601 date-time, or a timestamp
            in milliseconds since 1970-01-01T00:00:00Z.
        activation_end (datetime.datetime | int | Unset): An ISO 8601 date-time, or a timestamp in
            milliseconds since 1970-01-01T00:00:00Z.
        reactivity_start (datetime.datetime | int | Unset): An ISO 8601 date-time, or a timestamp
            in milliseconds since 1970-01-01T00:00:00Z.
        reactivity_end (datetime.datetime | int | Unset): An ISO 8601 date-time, or a timestamp in
            milliseconds since 1970-01-01T00:00:00Z.
        sort (SortOrder | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[ActivationEvent | BounceEvent | CancellationEvent | ComplaintEvent | CreationEvent | ExecutionEvent | HitEvent | ImpressionEvent | ModificationEvent | OptoutEvent | ReplyEvent | SuppressionEvent | UnknownEvent]
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            activation_start=activation_start,
            activation_end=activation_end,
            reactivity_start=reactivity_start,
            reactivity_end=reactivity_end,
            sort=sort,
        )
    ).parsed

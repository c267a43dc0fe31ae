from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.notification_render_success import NotificationRenderSuccess
from ...models.unknown_notification_render_result import UnknownNotificationRenderResult
from ...types import Response


def _get_kwargs(
    id: int,
    contact: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/notifications/{id}/render/contact/{contact}".format(
            id=quote(str(id), safe=""),
            contact=quote(str(contact), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | NotificationRenderSuccess | UnknownNotificationRenderResult | None:
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> NotificationRenderSuccess | UnknownNotificationRenderResult:
            if isinstance(data, dict) and data.get("type") == "success":
                try:
                    componentsschemas_notification_render_result_type_0 = (
                        NotificationRenderSuccess.from_dict(data)
                    )

                    return componentsschemas_notification_render_result_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_notification_render_result_type_1 = (
                UnknownNotificationRenderResult.from_dict(data)
            )

            return componentsschemas_notification_render_result_type_1

        response_200 = _parse_response_200(response.json())

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
) -> Response[Any | NotificationRenderSuccess | UnknownNotificationRenderResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    contact: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | NotificationRenderSuccess | UnknownNotificationRenderResult]:
    """Render the "master" version of the specified notification and the specified contact id

    Args:
        id (int):
        contact (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | NotificationRenderSuccess | UnknownNotificationRenderResult]
    """

    kwargs = _get_kwargs(
        id=id,
        contact=contact,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    contact: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | NotificationRenderSuccess | UnknownNotificationRenderResult | None:
    """Render the "master" version of the specified notification and the specified contact id

    Args:
        id (int):
        contact (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | NotificationRenderSuccess | UnknownNotificationRenderResult
    """

    return sync_detailed(
        id=id,
        contact=contact,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: int,
    contact: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | NotificationRenderSuccess | UnknownNotificationRenderResult]:
    """Render the "master" version of the specified notification and the specified contact id

    Args:
        id (int):
        contact (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | NotificationRenderSuccess | UnknownNotificationRenderResult]
    """

    kwargs = _get_kwargs(
        id=id,
        contact=contact,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    contact: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | NotificationRenderSuccess | UnknownNotificationRenderResult | None:
    """Render the "master" version of the specified notification and the specified contact id

    Args:
        id (int):
        contact (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | NotificationRenderSuccess | UnknownNotificationRenderResult
    """

    return (
        await asyncio_detailed(
            id=id,
            contact=contact,
            client=client,
        )
    ).parsed

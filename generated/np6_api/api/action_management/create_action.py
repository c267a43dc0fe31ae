from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.mail_message_action import MailMessageAction
from ...models.sms_message_action import SmsMessageAction
from ...models.unknown_action import UnknownAction
from ...types import Response


def _get_kwargs(
    *,
    body: MailMessageAction | SmsMessageAction | UnknownAction,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/actions",
    }

    if isinstance(body, MailMessageAction) or isinstance(body, SmsMessageAction):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | MailMessageAction | SmsMessageAction | UnknownAction | None:
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> MailMessageAction | SmsMessageAction | UnknownAction:
            if isinstance(data, dict) and data.get("type") == "mailMessage":
                try:
                    componentsschemas_action_type_0 = MailMessageAction.from_dict(data)

                    return componentsschemas_action_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "smsMessage":
                try:
                    componentsschemas_action_type_1 = SmsMessageAction.from_dict(data)

                    return componentsschemas_action_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_action_type_2 = UnknownAction.from_dict(data)

            return componentsschemas_action_type_2

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

    if response.status_code == 409:
        response_409 = cast(Any, None)
        return response_409

    if response.status_code == 411:
        response_411 = cast(Any, None)
        return response_411

    if response.status_code == 415:
        response_415 = cast(Any, None)
        return response_415

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
) -> Response[Any | MailMessageAction | SmsMessageAction | UnknownAction]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MailMessageAction | SmsMessageAction | UnknownAction,
) -> Response[Any | MailMessageAction | SmsMessageAction | UnknownAction]:
    """Create an action

    Args:
        body (MailMessageAction | SmsMessageAction | UnknownAction):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | MailMessageAction | SmsMessageAction | UnknownAction]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: MailMessageAction | SmsMessageAction | UnknownAction,
) -> Any | MailMessageAction | SmsMessageAction | UnknownAction | None:
    """Create an action

    Args:
        body (MailMessageAction | SmsMessageAction | UnknownAction):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | MailMessageAction | SmsMessageAction | UnknownAction
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MailMessageAction | SmsMessageAction | UnknownAction,
) -> Response[Any | MailMessageAction | SmsMessageAction | UnknownAction]:
    """Create an action

    Args:
        body (MailMessageAction | SmsMessageAction | UnknownAction):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | MailMessageAction | SmsMessageAction | UnknownAction]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: MailMessageAction | SmsMessageAction | UnknownAction,
) -> Any | MailMessageAction | SmsMessageAction | UnknownAction | None:
    """Create an action

    Args:
        body (MailMessageAction | SmsMessageAction | UnknownAction):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | MailMessageAction | SmsMessageAction | UnknownAction
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed

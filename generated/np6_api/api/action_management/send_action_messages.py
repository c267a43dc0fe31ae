from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.execution_email_request import ExecutionEmailRequest
from ...models.execution_error import ExecutionError
from ...models.execution_sms_request import ExecutionSmsRequest
from ...models.execution_success import ExecutionSuccess
from ...models.unknown_execution_result import UnknownExecutionResult
from ...types import Response


def _get_kwargs(
    id: str,
    *,
    body: list[ExecutionEmailRequest] | list[ExecutionSmsRequest],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/actions/{id}/executions".format(
            id=quote(str(id), safe=""),
        ),
    }

    if isinstance(body, list) and (
        not body or isinstance(body[0], ExecutionEmailRequest)
    ):
        _kwargs["json"] = []
        for body_item_data in body:
            body_item = body_item_data.to_dict()
            _kwargs["json"].append(body_item)

        headers["Content-Type"] = "application/vnd.np6.cm.email"
    elif isinstance(body, list) and body and isinstance(body[0], ExecutionSmsRequest):
        _kwargs["json"] = []
        for body_item_data in body:
            body_item = body_item_data.to_dict()
            _kwargs["json"].append(body_item)

        headers["Content-Type"] = "application/vnd.np6.cm.sms"
    else:
        raise TypeError(f"body: unsupported type {type(body).__name__}")

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | list[ExecutionError | ExecutionSuccess | UnknownExecutionResult] | None:
    if response.status_code == 200:

        def _parse_response_200_item(
            data: object,
        ) -> ExecutionError | ExecutionSuccess | UnknownExecutionResult:
            if isinstance(data, dict) and data.get("type") == "success":
                try:
                    componentsschemas_execution_result_type_0 = (
                        ExecutionSuccess.from_dict(data)
                    )

                    return componentsschemas_execution_result_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict) and data.get("type") == "error":
                try:
                    componentsschemas_execution_result_type_1 = (
                        ExecutionError.from_dict(data)
                    )

                    return componentsschemas_execution_result_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_execution_result_type_2 = (
                UnknownExecutionResult.from_dict(data)
            )

            return componentsschemas_execution_result_type_2

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
) -> Response[Any | list[ExecutionError | ExecutionSuccess | UnknownExecutionResult]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: list[ExecutionEmailRequest] | list[ExecutionSmsRequest],
) -> Response[Any | list[ExecutionError | ExecutionSuccess | UnknownExecutionResult]]:
    """Send messages

     Sends the action to each recipient. Each item gets one result, in request order; a failed item is an
    `error` result while the others are still sent. 409 (empty body) when the action is not validated
    for production (state 50). `application/json` as the body media type answers 415.

    Args:
        id (str):
        body (list[ExecutionEmailRequest]):
        body (list[ExecutionSmsRequest]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[ExecutionError | ExecutionSuccess | UnknownExecutionResult]]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: list[ExecutionEmailRequest] | list[ExecutionSmsRequest],
) -> Any | list[ExecutionError | ExecutionSuccess | UnknownExecutionResult] | None:
    """Send messages

     Sends the action to each recipient. Each item gets one result, in request order; a failed item is an
    `error` result while the others are still sent. 409 (empty body) when the action is not validated
    for production (state 50). `application/json` as the body media type answers 415.

    Args:
        id (str):
        body (list[ExecutionEmailRequest]):
        body (list[ExecutionSmsRequest]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[ExecutionError | ExecutionSuccess | UnknownExecutionResult]
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: list[ExecutionEmailRequest] | list[ExecutionSmsRequest],
) -> Response[Any | list[ExecutionError | ExecutionSuccess | UnknownExecutionResult]]:
    """Send messages

     Sends the action to each recipient. Each item gets one result, in request order; a failed item is an
    `error` result while the others are still sent. 409 (empty body) when the action is not validated
    for production (state 50). `application/json` as the body media type answers 415.

    Args:
        id (str):
        body (list[ExecutionEmailRequest]):
        body (list[ExecutionSmsRequest]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[ExecutionError | ExecutionSuccess | UnknownExecutionResult]]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: list[ExecutionEmailRequest] | list[ExecutionSmsRequest],
) -> Any | list[ExecutionError | ExecutionSuccess | UnknownExecutionResult] | None:
    """Send messages

     Sends the action to each recipient. Each item gets one result, in request order; a failed item is an
    `error` result while the others are still sent. 409 (empty body) when the action is not validated
    for production (state 50). `application/json` as the body media type answers 415.

    Args:
        id (str):
        body (list[ExecutionEmailRequest]):
        body (list[ExecutionSmsRequest]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[ExecutionError | ExecutionSuccess | UnknownExecutionResult]
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed

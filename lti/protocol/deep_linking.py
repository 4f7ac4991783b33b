"""Deep linking: the chosen materials, signed as LTI resource links for the platform."""

import secrets
from dataclasses import dataclass

from django.urls import reverse

from pylti1p3.deep_link import DeepLink
from pylti1p3.deep_link_resource import DeepLinkResource

from lti.protocol.claims import (
    COLLECTION_PARAMETER,
    DEEP_LINKING_DATA,
    DEEP_LINKING_SETTINGS,
    MATERIAL_PARAMETER,
    RESOURCE_LINK_TYPE,
)
from lti.protocol.exchange import LtiExchange
from lti.protocol.launch import Launch, launch_forget
from lti.protocol.tool_conf import ToolRegistration


@dataclass(frozen=True)
class ContentItem:
    """One material or collection to place in the course, as an LTI resource link back to us."""

    material_id: int | None
    title: str
    text: str
    collection_id: int | None = None


@dataclass(frozen=True)
class DeepLinkingResponse:
    return_url: str
    jwt: str


class _MaterialLink(DeepLinkResource):
    def __init__(self, item: ContentItem, launch_url: str):
        self._text = item.text
        self.set_type(RESOURCE_LINK_TYPE).set_title(item.title).set_url(launch_url)
        # A custom parameter, not a query string: platforms keep custom parameters intact.
        if item.collection_id is not None:
            self.set_custom_params({COLLECTION_PARAMETER: str(item.collection_id)})
        else:
            self.set_custom_params({MATERIAL_PARAMETER: str(item.material_id)})

    def to_dict(self):
        item = super().to_dict()
        if self._text:
            item["text"] = self._text
        return item


class _DeepLink(DeepLink):
    def _generate_nonce(self) -> str:
        return secrets.token_urlsafe(32)

    def get_message_jwt(self, resources):
        message = super().get_message_jwt(resources)
        # Echo `data` only when the platform sent it; a null claim confuses some platforms.
        if message.get(DEEP_LINKING_DATA) is None:
            message.pop(DEEP_LINKING_DATA, None)
        return message


def deep_linking_response(
    exchange: LtiExchange, launch: Launch, items: list[ContentItem]
) -> DeepLinkingResponse:
    """Sign the chosen items for the platform; the deep-linking request cannot be answered twice."""
    settings_claim = exchange.session[launch.launch_id][DEEP_LINKING_SETTINGS]
    if len(items) > 1 and not launch.deep_linking.accept_multiple:
        raise ValueError("The platform accepts one item only")
    registration = ToolRegistration(launch.registration).sign_with_current_tool_key()
    deep_link = _DeepLink(registration, launch.deployment_id, settings_claim)
    launch_url = exchange.request.build_absolute_uri(reverse("lti:launch"))
    token = deep_link.get_response_jwt([_MaterialLink(item, launch_url) for item in items])
    launch_forget(exchange, launch)
    return DeepLinkingResponse(return_url=launch.deep_linking.return_url, jwt=token)

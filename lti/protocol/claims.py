"""The id_token claims the tool reads, checked as plain data before pylti1p3 touches them.

pylti1p3 reads claims without checking their types (a `roles` string, a `resource_link` that
is not an object); these checks turn such tokens into refusals instead of server errors.
"""

import re
from urllib.parse import urlsplit

from lti.protocol.refusals import (
    AUDIENCE,
    MALFORMED,
    UNSUPPORTED,
    nonempty_string,
    require,
)

CLAIM = "https://purl.imsglobal.org/spec/lti/claim/"
MESSAGE_TYPE = CLAIM + "message_type"
VERSION = CLAIM + "version"
DEPLOYMENT_ID = CLAIM + "deployment_id"
TARGET_LINK_URI = CLAIM + "target_link_uri"
RESOURCE_LINK = CLAIM + "resource_link"
ROLES = CLAIM + "roles"
CUSTOM = CLAIM + "custom"
DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"
DEEP_LINKING_DATA = "https://purl.imsglobal.org/spec/lti-dl/claim/data"

LTI_VERSION = "1.3.0"
RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest"
DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest"
RESOURCE_LINK_TYPE = "ltiResourceLink"
# The material a resource link shows travels as this custom parameter, never in a query string.
MATERIAL_PARAMETER = "material_id"
# A collection (arrangement) travels the same way, in its own parameter.
COLLECTION_PARAMETER = "collection_id"


def client_id_from_audience(body: dict) -> str:
    """Return the client id the token is for: `azp`, or the one audience when there is no `azp`.

    OpenID Connect Core 3.1.3.7 and LTI Core 5.1.3: with several audiences `azp` must be
    present, and when `azp` is present it must be among the audiences.
    """
    audience, authorized_party = body.get("aud"), body.get("azp")
    audiences = [audience] if isinstance(audience, str) else audience
    require(
        isinstance(audiences, list) and bool(audiences) and all(map(nonempty_string, audiences)),
        "aud_missing",
        MALFORMED,
        f"aud={audience!r}",
    )
    if authorized_party is not None:
        require(
            authorized_party in audiences,
            "azp_mismatch",
            AUDIENCE,
            f"azp={authorized_party!r} is not among aud={audiences!r}",
        )
        return authorized_party
    require(len(audiences) == 1, "azp_missing", AUDIENCE, f"several audiences {audiences!r}")
    return audiences[0]


def check_message(body: dict) -> None:
    """Refuse a message the tool does not handle or whose LTI claims are missing or mistyped."""
    message_type = body.get(MESSAGE_TYPE)
    require(bool(message_type), "message_type_missing", MALFORMED)
    require(
        message_type in (RESOURCE_LINK_REQUEST, DEEP_LINKING_REQUEST),
        "message_type_unsupported",
        UNSUPPORTED,
        f"message_type={message_type!r}",
    )
    require(VERSION in body, "version_missing", MALFORMED)
    require(body[VERSION] == LTI_VERSION, "version_wrong", MALFORMED, repr(body[VERSION]))
    require(nonempty_string(body.get("sub")), "sub_missing", MALFORMED)
    require(ROLES in body, "roles_missing", MALFORMED)
    roles = body[ROLES]
    require(
        isinstance(roles, list) and all(isinstance(role, str) for role in roles),
        "roles_invalid",
        MALFORMED,
        repr(roles),
    )
    require(isinstance(body.get(CUSTOM, {}), dict), "custom_invalid", MALFORMED)
    resource_link = body.get(RESOURCE_LINK, {})
    require(isinstance(resource_link, dict), "resource_link_invalid", MALFORMED)
    if message_type == RESOURCE_LINK_REQUEST:
        require(nonempty_string(resource_link.get("id")), "resource_link_id_missing", MALFORMED)
    else:
        check_deep_linking_settings(body.get(DEEP_LINKING_SETTINGS))


def check_deep_linking_settings(settings_claim) -> None:
    """The tool answers with LTI resource links, so the platform must accept those."""
    require(isinstance(settings_claim, dict), "deep_linking_settings_missing", MALFORMED)
    return_url = settings_claim.get("deep_link_return_url")
    require(
        nonempty_string(return_url) and urlsplit(return_url).scheme in ("https", "http"),
        "deep_link_return_url_missing",
        MALFORMED,
        repr(return_url),
    )
    accept_types = settings_claim.get("accept_types")
    require(
        isinstance(accept_types, list) and RESOURCE_LINK_TYPE in accept_types,
        "deep_linking_type_not_accepted",
        UNSUPPORTED,
        f"accept_types={accept_types!r}",
    )
    require(
        isinstance(settings_claim.get("accept_presentation_document_targets"), list),
        "deep_linking_targets_missing",
        MALFORMED,
    )


def launch_data_to_keep(body: dict) -> dict:
    """Return the claims the tool needs after the launch: no names, e-mail or course details."""
    kept = {
        name: body[name]
        for name in ("iss", "aud", "azp", "sub", MESSAGE_TYPE, VERSION, DEPLOYMENT_ID, ROLES)
        if name in body
    }
    resource_link = body.get(RESOURCE_LINK) or {}
    if resource_link.get("id"):
        kept[RESOURCE_LINK] = {"id": resource_link["id"]}
    custom = body.get(CUSTOM) or {}
    kept_custom = {
        name: str(custom[name])
        for name in (MATERIAL_PARAMETER, COLLECTION_PARAMETER)
        if custom.get(name) is not None
    }
    if kept_custom:
        kept[CUSTOM] = kept_custom
    if DEEP_LINKING_SETTINGS in body:
        kept[DEEP_LINKING_SETTINGS] = body[DEEP_LINKING_SETTINGS]
    return kept


def _custom_id(body: dict, name: str) -> int | None:
    value = str((body.get(CUSTOM) or {}).get(name, ""))
    return int(value) if re.fullmatch(r"[0-9]{1,18}", value) else None


def material_id(body: dict) -> int | None:
    return _custom_id(body, MATERIAL_PARAMETER)


def collection_id(body: dict) -> int | None:
    return _custom_id(body, COLLECTION_PARAMETER)

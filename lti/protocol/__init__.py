"""LTI 1.3 through pylti1p3: the only package in the project that imports it.

pylti1p3 2.0.0 never consumes nonces, decodes with audience verification off and ignores
`azp`, never compares `target_link_uri` with the login step, accepts a state on the strength
of an earlier id_token hash, and sets SameSite=None only on requests it sees as secure. Each
gap is closed here; every refusal is a LaunchRefused with a reason for the log and a category
that decides the status code and the Dutch explanation.
"""

from lti.protocol.claims import DEEP_LINKING_REQUEST, RESOURCE_LINK_REQUEST
from lti.protocol.deep_linking import ContentItem, DeepLinkingResponse, deep_linking_response
from lti.protocol.exchange import LtiExchange
from lti.protocol.launch import Launch, launch_forget, launch_restore, launch_validate
from lti.protocol.login import LoginRequest, login_check, login_redirect
from lti.protocol.refusals import LaunchRefused, RefusalCategory

__all__ = [
    "DEEP_LINKING_REQUEST",
    "RESOURCE_LINK_REQUEST",
    "ContentItem",
    "DeepLinkingResponse",
    "Launch",
    "LaunchRefused",
    "LoginRequest",
    "LtiExchange",
    "RefusalCategory",
    "deep_linking_response",
    "launch_forget",
    "launch_restore",
    "launch_validate",
    "login_check",
    "login_redirect",
]

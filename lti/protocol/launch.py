"""The launch: pylti1p3's message validation, with the steps it leaves out put in place."""

import hmac
from dataclasses import dataclass
from datetime import UTC, datetime

import jwt
from pylti1p3.contrib.django.message_launch import DjangoMessageLaunch
from pylti1p3.contrib.django.request import DjangoRequest
from pylti1p3.contrib.django.session import DjangoSessionService
from pylti1p3.exception import LtiException
from pylti1p3.roles import AbstractRole

from lti.models import Registration
from lti.protocol.claims import (
    DEEP_LINKING_REQUEST,
    DEEP_LINKING_SETTINGS,
    DEPLOYMENT_ID,
    MESSAGE_TYPE,
    ROLES,
    TARGET_LINK_URI,
    check_message,
    client_id_from_audience,
    collection_id,
    launch_data_to_keep,
    material_id,
)
from lti.protocol.exchange import LtiExchange
from lti.protocol.platform_keys import PlatformKeysUnavailable, has_kid, platform_key_set
from lti.protocol.refusals import (
    AUDIENCE,
    DEPLOYMENT,
    EXPIRED,
    LAUNCH_EXPIRED,
    MALFORMED,
    SESSION,
    SIGNATURE,
    TARGET,
    UNKNOWN_PLATFORM,
    LaunchRefused,
    nonempty_string,
    require,
)
from lti.protocol.tool_conf import ToolConf
from lti.services import NonceAlreadyUsed, nonce_consume

CLOCK_LEEWAY_SECONDS = 60
LAUNCH_ID_PREFIX = "lti1p3-launch-"


@dataclass(frozen=True)
class DeepLinkingSettings:
    return_url: str
    accept_multiple: bool
    title: str
    text: str


class _InstructorRole(AbstractRole):
    """LIS Instructor or Administrator, in the context, the institution or the system."""

    _common_roles = ("Instructor", "Administrator")
    _context_roles = ("Instructor", "Administrator")
    _institution_roles = ("Instructor", "Administrator")
    _system_roles = ("Administrator",)


@dataclass(frozen=True)
class Launch:
    """A validated launch, reduced to what the tool needs: no names, no e-mail addresses."""

    launch_id: str
    registration: Registration
    deployment_id: str
    message_type: str
    sub: str
    roles: tuple[str, ...]
    material_id: int | None
    deep_linking: DeepLinkingSettings | None
    collection_id: int | None = None

    @property
    def is_deep_linking(self) -> bool:
        return self.message_type == DEEP_LINKING_REQUEST

    @property
    def is_instructor(self) -> bool:
        """Whether the LMS user teaches here; it only unlocks metadata, never a site role."""
        return _InstructorRole({ROLES: list(self.roles)}).check()


class _MessageLaunch(DjangoMessageLaunch):
    """pylti1p3's launch with each gap closed; every step raises LaunchRefused on failure."""

    _login: dict | None = None

    def validate(self):
        if self._restored:
            raise LtiException("A restored launch cannot be validated again")
        self._validated = True
        steps = (
            self.validate_state,
            self.validate_jwt_format,
            self.validate_kid,
            self.validate_registration,
            self.validate_jwt_signature,
            self.validate_nonce,
            self.validate_deployment,
            self.validate_target_link_uri,
            self.validate_message,
            self.consume_nonce,
            self.save_launch_data,
        )
        try:
            for step in steps:
                step()
        except Exception:
            self._validated = False
            raise
        return self

    @property
    def body(self) -> dict:
        return self._jwt.get("body", {})

    @property
    def registration(self) -> Registration:
        return self._registration.model

    def validate_state(self):
        # The state must come back with its cookie and match a login in this browser's LTI
        # session; pylti1p3 would also accept a state whose id_token it had seen before.
        state = self._get_request_param("state")
        require(bool(state), "state_missing", SESSION, "launch without state")
        require(
            self._cookie_service.get_cookie(state) == state,
            "state_cookie_missing",
            SESSION,
            "the browser did not send the state cookie (blocked cookies, or the state was used)",
        )
        login = self._session_service.get_state_params(state)
        require(
            isinstance(login, dict) and bool(login.get("nonce")),
            "state_unknown",
            SESSION,
            "no login in this browser's LTI session for the state",
        )
        self._login = login
        return self

    def validate_jwt_format(self):
        try:
            super().validate_jwt_format()
        except LtiException as error:
            raise LaunchRefused("id_token_malformed", MALFORMED, str(error)) from error
        require(
            isinstance(self._jwt.get("header"), dict) and isinstance(self._jwt.get("body"), dict),
            "id_token_malformed",
            MALFORMED,
            "JWT header or body is not a JSON object",
        )
        return self

    def validate_kid(self):
        header = self._jwt["header"]
        require(nonempty_string(header.get("kid")), "kid_missing", SIGNATURE, "no kid in header")
        alg = header.get("alg")
        require(alg == "RS256", "alg_unsupported", SIGNATURE, f"alg={alg!r}")
        return self

    def get_client_id(self) -> str:
        # pylti1p3 takes aud[0]; with several audiences the one that counts is azp.
        return client_id_from_audience(self.body)

    def validate_registration(self):
        issuer = self.body.get("iss")
        require(nonempty_string(issuer), "issuer_missing", MALFORMED, "no iss claim")
        client_id = self.get_client_id()
        try:
            super().validate_registration()
        except LtiException as error:
            detail = f"iss={issuer!r} client_id={client_id!r}"
            if Registration.objects.filter(issuer=issuer, active=True).exists():
                raise LaunchRefused("aud_not_our_client", AUDIENCE, detail) from error
            raise LaunchRefused("issuer_unknown", UNKNOWN_PLATFORM, detail) from error
        if self._login is not None and self._login.get("registration") != self.registration.pk:
            raise LaunchRefused(
                "registration_mismatch",
                SESSION,
                "the id_token names another registration than the login did",
                registration=self.registration,
            )
        return self

    def get_public_key(self):
        kid = self._jwt["header"]["kid"]
        url = self._registration.get_key_set_url()
        try:
            key_set = platform_key_set(url)
            if not has_kid(key_set, kid):
                key_set = platform_key_set(url, refresh=True)
        except PlatformKeysUnavailable as error:
            raise LaunchRefused("platform_keys_unavailable", SIGNATURE, str(error)) from error
        self._registration.set_key_set(key_set)
        try:
            return super().get_public_key()
        except LtiException as error:
            raise LaunchRefused("kid_unknown", SIGNATURE, f"kid={kid!r}: {error}") from error

    def validate_jwt_signature(self):
        # pylti1p3 decodes with audience verification off and exp and iat optional.
        public_key, _alg = self.get_public_key()
        try:
            claims = jwt.decode(
                self._get_id_token(),
                public_key,
                algorithms=["RS256"],
                audience=self._registration.get_client_id(),
                issuer=self._registration.get_issuer(),
                leeway=CLOCK_LEEWAY_SECONDS,
                options={"require": ["iss", "aud", "exp", "iat", "nonce"]},
            )
        except jwt.MissingRequiredClaimError as error:
            category = EXPIRED if error.claim in ("exp", "iat") else MALFORMED
            raise LaunchRefused(f"{error.claim}_missing", category, str(error)) from error
        except jwt.ExpiredSignatureError as error:
            raise LaunchRefused("token_expired", EXPIRED, str(error)) from error
        except (jwt.ImmatureSignatureError, jwt.InvalidIssuedAtError) as error:
            raise LaunchRefused("token_issued_in_future", EXPIRED, str(error)) from error
        except jwt.InvalidAudienceError as error:
            raise LaunchRefused("aud_mismatch", AUDIENCE, str(error)) from error
        except jwt.InvalidIssuerError as error:
            raise LaunchRefused("iss_mismatch", UNKNOWN_PLATFORM, str(error)) from error
        except jwt.InvalidTokenError as error:
            raise LaunchRefused("signature_invalid", SIGNATURE, str(error)) from error
        self._jwt["body"] = claims
        return self

    def validate_nonce(self):
        nonce = self.body.get("nonce")
        require(nonempty_string(nonce), "nonce_missing", MALFORMED)
        require(
            hmac.compare_digest(nonce.encode(), self._login["nonce"].encode()),
            "nonce_mismatch",
            SESSION,
            "the id_token's nonce is not the one sent at login",
        )
        require(self._session_service.check_nonce(nonce), "nonce_unknown", SESSION)
        return self

    def validate_deployment(self):
        deployment_id = self.body.get(DEPLOYMENT_ID)
        require(nonempty_string(deployment_id), "deployment_id_missing", MALFORMED)
        try:
            super().validate_deployment()
        except LtiException as error:
            raise LaunchRefused(
                "deployment_unknown",
                DEPLOYMENT,
                f"deployment_id={deployment_id!r}",
                registration=self.registration,
            ) from error
        at_login = self._login.get("deployment_id")
        require(
            not at_login or at_login == deployment_id,
            "deployment_mismatch",
            DEPLOYMENT,
            f"login named {at_login!r}, id_token {deployment_id!r}",
        )
        return self

    def validate_target_link_uri(self):
        # pylti1p3 never compares it with the login step, which checked it points to us.
        target = self.body.get(TARGET_LINK_URI)
        require(nonempty_string(target), "target_link_uri_missing", MALFORMED)
        at_login = self._login.get("target_link_uri")
        require(
            target == at_login,
            "target_link_uri_mismatch",
            TARGET,
            f"id_token {target!r} differs from login {at_login!r}",
        )
        return self

    def validate_message(self):
        check_message(self.body)
        try:
            super().validate_message()
        except LtiException as error:
            raise LaunchRefused("message_invalid", MALFORMED, str(error)) from error
        return self

    def consume_nonce(self):
        # pylti1p3 never consumes nonces. Recorded until the token expires, a nonce cannot
        # come back, not even in a race between two requests with the same state cookie.
        expires_at = datetime.fromtimestamp(int(self.body["exp"]) + CLOCK_LEEWAY_SECONDS, tz=UTC)
        try:
            nonce_consume(
                registration=self.registration, nonce=self.body["nonce"], expires_at=expires_at
            )
        except NonceAlreadyUsed as error:
            raise LaunchRefused(
                "nonce_replayed",
                SESSION,
                "an id_token with this nonce was accepted before",
                registration=self.registration,
            ) from error
        return self

    def save_launch_data(self):
        # Unlike pylti1p3: no names or e-mail addresses, and no id_token-hash shortcut for state.
        kept = launch_data_to_keep(self.body)
        self._session_service.save_launch_data(self._launch_id, kept)
        self._jwt["body"] = kept
        return self

    def to_launch(self) -> Launch:
        body = self.body
        settings_claim = body.get(DEEP_LINKING_SETTINGS)
        deep_linking = None
        if body.get(MESSAGE_TYPE) == DEEP_LINKING_REQUEST and isinstance(settings_claim, dict):
            deep_linking = DeepLinkingSettings(
                return_url=settings_claim["deep_link_return_url"],
                accept_multiple=settings_claim.get("accept_multiple") in (True, "true"),
                title=str(settings_claim.get("title") or ""),
                text=str(settings_claim.get("text") or ""),
            )
        return Launch(
            launch_id=self._launch_id,
            registration=self.registration,
            deployment_id=body[DEPLOYMENT_ID],
            message_type=body[MESSAGE_TYPE],
            sub=body["sub"],
            roles=tuple(body.get(ROLES) or ()),
            material_id=material_id(body),
            deep_linking=deep_linking,
            collection_id=collection_id(body),
        )


def launch_validate(exchange: LtiExchange) -> Launch:
    """Validate an id_token POSTed to the launch URL; clear the state so it works only once."""
    message_launch = _MessageLaunch(
        DjangoRequest(exchange.request, post_only=True),
        ToolConf(),
        session_service=DjangoSessionService(exchange.request),
        cookie_service=exchange.cookies,
        launch_data_storage=exchange.storage(),
    )
    try:
        message_launch.validate()
    except LaunchRefused:
        raise
    except (LtiException, AttributeError, KeyError, TypeError, ValueError) as error:
        # pylti1p3 trusts the shape of what it reads; a strange token must not become a 500.
        raise LaunchRefused("id_token_malformed", MALFORMED, repr(error)) from error
    state = message_launch._get_request_param("state")
    exchange.expired_cookies.append(exchange.cookies.cookie_name(state))
    return message_launch.to_launch()


def launch_restore(exchange: LtiExchange, launch_id: str, *, message_type: str) -> Launch:
    """Return a launch validated earlier in this browser, for the pages that follow it."""
    require(
        launch_id.startswith(LAUNCH_ID_PREFIX)
        and len(launch_id) <= 64
        and isinstance(exchange.session.get(launch_id), dict),
        "launch_not_in_session",
        LAUNCH_EXPIRED,
        "no launch with this id in this browser's LTI session",
    )
    try:
        message_launch = _MessageLaunch.from_cache(
            launch_id,
            DjangoRequest(exchange.request),
            ToolConf(),
            session_service=DjangoSessionService(exchange.request),
            cookie_service=exchange.cookies,
            launch_data_storage=exchange.storage(),
        )
    except LtiException as error:
        raise LaunchRefused("launch_not_in_session", LAUNCH_EXPIRED, str(error)) from error
    launch = message_launch.to_launch()
    require(
        launch.message_type == message_type,
        "launch_wrong_type",
        LAUNCH_EXPIRED,
        f"{launch.message_type} where {message_type} was expected",
    )
    return launch


def launch_forget(exchange: LtiExchange, launch: Launch) -> None:
    exchange.session.pop(launch.launch_id, None)

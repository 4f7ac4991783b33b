"""Our registrations in the shape of pylti1p3's tool configuration."""

from pylti1p3.deployment import Deployment as LibraryDeployment
from pylti1p3.registration import Registration as LibraryRegistration
from pylti1p3.tool_config import ToolConfAbstract

from lti.models import Registration
from lti.selectors import registration_find, registration_has_deployment
from lti.services import tool_key_current


class ToolRegistration(LibraryRegistration):
    """A registration as pylti1p3 sees it, with our model and the kid of the key we sign with."""

    def __init__(self, model: Registration):
        self.model = model
        self._kid = None
        self.set_issuer(model.issuer).set_client_id(model.client_id)
        self.set_auth_login_url(model.auth_login_url).set_auth_token_url(model.auth_token_url)
        self.set_key_set_url(model.key_set_url)

    def sign_with_current_tool_key(self) -> "ToolRegistration":
        key = tool_key_current()
        self.set_tool_private_key(key.private_key_pem)
        self._kid = key.kid
        return self

    def get_kid(self):
        return self._kid


class ToolConf(ToolConfAbstract):
    """Registrations from our own models; an issuer may have several client ids."""

    def check_iss_has_one_client(self, iss: str) -> bool:
        return False

    def check_iss_has_many_clients(self, iss: str) -> bool:
        return True

    def find_registration_by_issuer(self, iss, *args, **kwargs):
        return self.find_registration_by_params(iss, None)

    def find_registration_by_params(self, iss, client_id, *args, **kwargs):
        model = registration_find(issuer=iss, client_id=client_id)
        return ToolRegistration(model) if model else None

    def find_deployment(self, iss, deployment_id):
        return self.find_deployment_by_params(iss, deployment_id, None)

    def find_deployment_by_params(self, iss, deployment_id, client_id, *args, **kwargs):
        model = registration_find(issuer=iss, client_id=client_id)
        if model is None or not registration_has_deployment(model, deployment_id):
            return None
        return LibraryDeployment().set_deployment_id(deployment_id)

/* Dynamic registration is done: ask the learning environment to close this frame or popup. */
(function () {
    "use strict";

    var button = document.querySelector("[data-lti-close]");
    if (!button) {
        return;
    }

    function closeRegistration() {
        var message = { subject: "org.imsglobal.lti.close" };
        if (window.opener && window.opener !== window) {
            window.opener.postMessage(message, "*");
        }
        if (window.parent && window.parent !== window) {
            window.parent.postMessage({ subject: "org.imsglobal.lti.close" }, "*");
        }
    }

    button.addEventListener("click", closeRegistration);
    if (button.hasAttribute("data-lti-close-now")) {
        closeRegistration();
    }
})();

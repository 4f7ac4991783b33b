/* LTI login: continue in this frame when it keeps our cookies, otherwise offer a new window.
 * Without JavaScript both buttons stay visible, so the teacher can choose. */
(function () {
    "use strict";

    var root = document.querySelector("[data-lti-cookie-check]");
    if (!root) {
        return;
    }
    var status = root.querySelector("[data-lti-status]");
    var continueForm = root.querySelector("[data-lti-continue]");
    var newWindow = root.querySelector("[data-lti-new-window]");
    var newWindowForm = root.querySelector("[data-lti-new-window-form]");
    var blockedMessage = root.querySelector("[data-lti-blocked-message]");

    function text(name) {
        var template = root.querySelector("[data-lti-" + name + "]");
        return template ? template.content.textContent.trim() : "";
    }

    function cookiesWork() {
        var name = "nlka-lti-cookie-check";
        var attributes = "; Path=/lti/; SameSite=None; Secure";
        try {
            document.cookie = name + "=1" + attributes + "; Max-Age=60";
            var works = document.cookie.indexOf(name + "=1") !== -1;
            document.cookie = name + "=" + attributes + "; Max-Age=0";
            return works;
        } catch (error) {
            return false;
        }
    }

    continueForm.hidden = true;
    if (cookiesWork()) {
        newWindow.hidden = true;
        status.textContent = text("checking-message");
        continueForm.submit();
        return;
    }
    blockedMessage.hidden = true;
    status.textContent = text("blocked-status");
    newWindowForm.addEventListener("submit", function () {
        status.textContent = text("opened-message");
    });
    newWindowForm.querySelector("button").focus();
})();

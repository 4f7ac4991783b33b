// Copy buttons for the attribution on the material page (progressive enhancement:
// without JavaScript the read-only text can still be selected and copied by hand).
(function () {
    "use strict";
    if (!navigator.clipboard) {
        return;
    }
    document.addEventListener("DOMContentLoaded", function () {
        var status = document.querySelector("[data-copy-status]");
        document.querySelectorAll("[data-copy-target]").forEach(function (button) {
            var field = document.getElementById(button.getAttribute("data-copy-target"));
            if (!field) {
                return;
            }
            button.hidden = false;
            button.addEventListener("click", function () {
                navigator.clipboard.writeText(field.value).then(function () {
                    if (status) {
                        status.textContent = button.getAttribute("data-copied") || "";
                    }
                }, function () {
                    field.select();
                });
            });
        });
    });
})();

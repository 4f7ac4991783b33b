/* Deep linking: send the signed choice back to the learning environment straight away.
 * Without JavaScript the form's own button does the same. */
(function () {
    "use strict";

    var form = document.querySelector("form[data-lti-auto-submit]");
    if (form) {
        form.submit();
    }
})();

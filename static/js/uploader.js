/*
 * File uploads for the repository: drag and drop, one request per file with a progress bar
 * and a cancel button. Progressive enhancement: without this script the form posts normally.
 */
(function () {
    "use strict";

    var PROGRESS_STEPS = [25, 50, 75];
    var counter = 0;

    function format(template, values) {
        return (template || "").replace(/\{(\w+)\}/g, function (match, key) {
            return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : match;
        });
    }

    function element(tag, className, text) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (text) {
            node.textContent = text;
        }
        return node;
    }

    function parseJson(text) {
        try {
            return JSON.parse(text);
        } catch (error) {
            return null;
        }
    }

    function Uploader(form) {
        this.form = form;
        this.input = form.querySelector("input[type=file]");
        this.zone = form.querySelector("[data-dropzone]");
        this.progress = form.querySelector("[data-upload-progress]");
        this.list = form.querySelector("[data-upload-list]");
        this.next = form.querySelector("[data-upload-next]");
        this.announcer = form.querySelector("[data-upload-announcer]");
        this.csrfToken = form.querySelector("input[name=csrfmiddlewaretoken]").value;
        this.createUrl = form.dataset.createUrl || null;
        this.addUrl = form.dataset.addUrl || null;
        this.fileList = form.dataset.fileList ? document.querySelector(form.dataset.fileList) : null;
        this.editUrl = null;
        this.items = [];
        this.active = null;
        form.classList.add("uploader--enhanced");
        this.bind();
    }

    Uploader.prototype.text = function (name, values) {
        return format(this.form.dataset["text" + name], values || {});
    };

    Uploader.prototype.announce = function (message) {
        // Clear first, so that the same message twice in a row is still read out.
        var announcer = this.announcer;
        announcer.textContent = "";
        window.setTimeout(function () {
            announcer.textContent = message;
        }, 50);
    };

    Uploader.prototype.bind = function () {
        var self = this;
        this.input.addEventListener("change", function () {
            self.enqueue(self.input.files);
            self.input.value = "";
        });
        this.form.addEventListener("submit", function (event) {
            event.preventDefault();
            if (self.input.files.length) {
                self.enqueue(self.input.files);
                self.input.value = "";
            }
        });
        ["dragenter", "dragover"].forEach(function (type) {
            self.zone.addEventListener(type, function (event) {
                event.preventDefault();
                self.zone.classList.add("is-dragover");
            });
        });
        ["dragleave", "drop"].forEach(function (type) {
            self.zone.addEventListener(type, function (event) {
                event.preventDefault();
                self.zone.classList.remove("is-dragover");
            });
        });
        this.zone.addEventListener("drop", function (event) {
            if (event.dataTransfer && event.dataTransfer.files.length) {
                self.enqueue(event.dataTransfer.files);
            }
        });
    };

    Uploader.prototype.enqueue = function (files) {
        var self = this;
        Array.prototype.forEach.call(files, function (file) {
            self.items.push(self.createItem(file));
        });
        this.progress.hidden = false;
        this.next.hidden = true;
        this.pump();
    };

    Uploader.prototype.createItem = function (file) {
        var self = this;
        var id = "upload-" + (counter += 1);
        var row = element("li", "upload-item");
        row.tabIndex = -1;
        var name = element("span", "upload-item__name", file.name);
        name.id = id + "-name";
        var bar = element("progress", "upload-item__bar");
        bar.max = 100;
        bar.value = 0;
        bar.setAttribute("aria-labelledby", name.id);
        var status = element("span", "upload-item__status", this.text("Waiting"));
        var actions = element("span", "upload-item__actions");
        var cancel = element("button", "button button--secondary button--small", this.text("Cancel"));
        cancel.type = "button";
        cancel.appendChild(element("span", "visually-hidden", " " + file.name));
        actions.appendChild(cancel);
        var error = element("p", "upload-item__error");
        error.hidden = true;
        row.append(name, actions, bar, status, error);
        this.list.appendChild(row);

        var item = {
            file: file, row: row, bar: bar, status: status, cancel: cancel, error: error,
            state: "waiting", request: null, announced: 0,
        };
        cancel.addEventListener("click", function () {
            self.cancel(item);
        });
        return item;
    };

    Uploader.prototype.pump = function () {
        if (this.active) {
            return;
        }
        var waiting = this.items.filter(function (item) {
            return item.state === "waiting";
        });
        if (waiting.length) {
            this.send(waiting[0]);
        } else {
            this.finish();
        }
    };

    Uploader.prototype.send = function (item) {
        var self = this;
        var data = new FormData();
        data.append("csrfmiddlewaretoken", this.csrfToken);
        data.append("files", item.file, item.file.name);
        var request = new XMLHttpRequest();
        item.request = request;
        item.state = "uploading";
        this.active = item;
        request.open("POST", this.addUrl || this.createUrl);
        request.setRequestHeader("Accept", "application/json");
        request.upload.addEventListener("progress", function (event) {
            if (event.lengthComputable) {
                self.showProgress(item, Math.round((event.loaded / event.total) * 100));
            }
        });
        request.upload.addEventListener("load", function () {
            if (item.state === "uploading") {
                item.bar.removeAttribute("value");
                item.status.textContent = self.text("Processing");
            }
        });
        request.addEventListener("load", function () {
            self.received(item, request);
        });
        request.addEventListener("error", function () {
            self.refused(item, self.text("Network"));
        });
        request.addEventListener("abort", function () {
            self.cancelled(item);
        });
        item.status.textContent = this.text("Uploading", { percent: 0 });
        request.send(data);
    };

    Uploader.prototype.showProgress = function (item, percent) {
        item.bar.value = percent;
        item.status.textContent = this.text("Uploading", { percent: percent });
        var self = this;
        PROGRESS_STEPS.forEach(function (step) {
            if (percent >= step && item.announced < step) {
                item.announced = step;
                self.announce(self.text("AnnounceProgress", { name: item.file.name, percent: step }));
            }
        });
    };

    Uploader.prototype.received = function (item, request) {
        var body = parseJson(request.responseText);
        if (!body) {
            var message = this.text("Server");
            if (request.status === 413) {
                message = this.text("TooLarge");
            } else if (request.status === 200 || request.status === 403) {
                // A log-in page (after a redirect) or a refused CSRF check: the session ended.
                message = this.text("SignedOut");
            }
            this.refused(item, message);
            return;
        }
        if (body.material) {
            this.addUrl = body.material.add_file_url;
            this.editUrl = body.material.edit_url;
        }
        if (body.files && body.files.length) {
            this.addRows(body.files);
            this.done(item);
        } else {
            this.refused(item, (body.errors && body.errors[0]) || this.text("Server"));
        }
    };

    Uploader.prototype.addRows = function (files) {
        if (!this.fileList) {
            return;
        }
        var list = this.fileList;
        files.forEach(function (file) {
            if (file.row_html) {
                list.insertAdjacentHTML("beforeend", file.row_html);
            }
        });
        document.dispatchEvent(new CustomEvent("repository:fileschange"));
    };

    Uploader.prototype.settle = function (item, state, statusText) {
        var hadFocus = document.activeElement === item.cancel;
        item.state = state;
        item.request = null;
        item.row.classList.add("upload-item--" + state);
        item.status.textContent = statusText;
        item.cancel.remove();
        if (hadFocus) {
            item.row.focus();
        }
        if (this.active === item) {
            this.active = null;
        }
        this.pump();
    };

    Uploader.prototype.done = function (item) {
        item.bar.value = 100;
        this.announce(this.text("AnnounceDone", { name: item.file.name }));
        this.settle(item, "done", this.text("Done"));
    };

    Uploader.prototype.refused = function (item, message) {
        item.bar.hidden = true;
        item.error.textContent = message;
        item.error.hidden = false;
        this.announce(this.text("AnnounceRefused", { name: item.file.name, message: message }));
        this.settle(item, "refused", this.text("Refused"));
    };

    Uploader.prototype.cancel = function (item) {
        if (item.state === "uploading" && item.request) {
            item.request.abort();
        } else if (item.state === "waiting") {
            this.cancelled(item);
        }
    };

    Uploader.prototype.cancelled = function (item) {
        if (item.state !== "waiting" && item.state !== "uploading") {
            return;
        }
        item.bar.hidden = true;
        this.announce(this.text("AnnounceCancelled", { name: item.file.name }));
        this.settle(item, "cancelled", this.text("Cancelled"));
    };

    Uploader.prototype.finish = function () {
        if (!this.createUrl || !this.editUrl) {
            return;
        }
        var refused = this.items.some(function (item) {
            return item.state === "refused";
        });
        if (!refused) {
            this.announce(this.text("AllDone"));
            window.location.assign(this.editUrl);
            return;
        }
        var link = element("a", "button", this.text("Continue"));
        link.href = this.editUrl;
        this.next.replaceChildren(link);
        this.next.hidden = false;
        this.announce(this.text("SomeRefused"));
    };

    // Files dropped next to the zone would make the browser navigate away from unsaved work.
    function keepStrayDrops() {
        ["dragover", "drop"].forEach(function (type) {
            window.addEventListener(type, function (event) {
                var types = event.dataTransfer ? Array.prototype.slice.call(event.dataTransfer.types) : [];
                if (types.indexOf("Files") !== -1 && !event.target.closest("[data-dropzone]")) {
                    event.preventDefault();
                }
            });
        });
    }

    function init() {
        var forms = document.querySelectorAll("[data-uploader]");
        if (!forms.length || !window.FormData || !window.XMLHttpRequest) {
            return;
        }
        Array.prototype.forEach.call(forms, function (form) {
            new Uploader(form);
        });
        keepStrayDrops();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();

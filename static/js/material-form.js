/*
 * The material edit form: a live completeness checklist, focus on the error summary,
 * removing files without a page load, and a type-ahead over the curriculum-goal multi-select.
 * Everything here is an enhancement; the form works without it.
 */
(function () {
    "use strict";

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

    function announcer() {
        return document.querySelector("[data-upload-announcer]");
    }

    function announce(region, message) {
        if (!region) {
            return;
        }
        region.textContent = "";
        window.setTimeout(function () {
            region.textContent = message;
        }, 50);
    }

    /* Completeness checklist: the server fills it in; this keeps it current while editing. */
    function initChecklist(form) {
        var checklist = document.querySelector("[data-checklist]");
        if (!checklist || !form) {
            return;
        }
        var summary = checklist.querySelector("[data-checklist-summary]");
        var bar = checklist.querySelector("[data-checklist-bar]");
        var items = checklist.querySelectorAll("[data-requirement]");

        function filled(name) {
            var field = form.elements.namedItem(name);
            return Boolean(field && field.value && field.value.trim());
        }
        function anyChecked(name) {
            return Boolean(form.querySelector("input[name='" + name + "']:checked"));
        }
        var checks = {
            title: function () { return filled("title"); },
            summary: function () { return filled("summary"); },
            language: function () { return filled("language"); },
            levels: function () { return anyChecked("levels"); },
            subjects: function () { return anyChecked("subjects"); },
            licence: function () { return anyChecked("licence"); },
            files: function () {
                return document.querySelectorAll("[data-file-list] [data-file-row]").length > 0;
            },
        };

        function update() {
            var done = 0;
            Array.prototype.forEach.call(items, function (item) {
                var check = checks[item.dataset.requirement];
                var isDone = check ? check() : item.dataset.done === "true";
                item.classList.toggle("is-done", isDone);
                item.querySelector("[data-state-text]").textContent = isDone
                    ? checklist.dataset.textDone
                    : checklist.dataset.textMissing;
                if (isDone) {
                    done += 1;
                }
            });
            var text = format(checklist.dataset.textSummary, { done: done, total: items.length });
            if (summary.textContent !== text) {
                summary.textContent = text;
            }
            bar.value = done;
        }

        form.addEventListener("input", update);
        form.addEventListener("change", update);
        document.addEventListener("repository:fileschange", update);
    }

    /* Removing a file: post the row's own form in the background and drop the row. */
    function initFileRemoval() {
        var list = document.querySelector("[data-file-list]");
        if (!list || !window.fetch) {
            return;
        }
        var empty = document.querySelector("[data-file-list-empty]");
        document.addEventListener("repository:fileschange", function () {
            if (empty) {
                empty.hidden = list.querySelector("[data-file-row]") !== null;
            }
        });
        list.addEventListener("submit", function (event) {
            var form = event.target.closest("[data-remove-file]");
            if (!form) {
                return;
            }
            event.preventDefault();
            var button = form.querySelector("button");
            button.disabled = true;
            fetch(form.action, {
                method: "POST",
                body: new FormData(form),
                headers: { Accept: "application/json" },
                credentials: "same-origin",
            })
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error(String(response.status));
                    }
                    return response.json();
                })
                .then(function (body) {
                    var heading = document.getElementById(list.getAttribute("aria-labelledby"));
                    form.closest("[data-file-row]").remove();
                    announce(announcer(), body.message);
                    document.dispatchEvent(new CustomEvent("repository:fileschange"));
                    if (heading) {
                        heading.tabIndex = -1;
                        heading.focus();
                    }
                })
                .catch(function () {
                    // Let the server answer the plain way, with a page and a message.
                    form.submit();
                });
        });
    }

    /* Curriculum goals: a combobox that searches the server and ticks options in the select. */
    function initGoalPicker() {
        var wrapper = document.querySelector("[data-goal-picker]");
        if (!wrapper || !window.fetch) {
            return;
        }
        var select = wrapper.querySelector("select[multiple]");
        var field = select && select.closest(".form-field");
        if (!field || field.querySelector(".errorlist")) {
            return;
        }
        var texts = wrapper.dataset;
        var label = field.querySelector("label").textContent.trim();

        var picker = element("div", "form-field");
        var searchLabel = element("label", "", label + " – " + texts.textSearchLabel);
        searchLabel.htmlFor = "kerndoel-zoeken";
        var help = element("p", "helptext", texts.textSearchHelp);
        help.id = "kerndoel-zoeken-uitleg";
        var combobox = element("div", "goal-picker__combobox");
        var input = element("input");
        input.type = "text";
        input.id = "kerndoel-zoeken";
        input.autocomplete = "off";
        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", "kerndoel-resultaten");
        input.setAttribute("aria-describedby", help.id);
        var results = element("ul", "goal-picker__results");
        results.id = "kerndoel-resultaten";
        results.hidden = true;
        results.setAttribute("role", "listbox");
        results.setAttribute("aria-label", texts.textResults);
        combobox.append(input, results);
        var status = element("p", "visually-hidden");
        status.setAttribute("aria-live", "polite");
        var chosenTitle = element("h3", "goal-picker__chosen-title", texts.textChosen);
        chosenTitle.id = "kerndoel-gekozen";
        var chosen = element("ul", "goal-picker__chosen");
        chosen.setAttribute("aria-labelledby", chosenTitle.id);
        var none = element("p", "helptext", texts.textNoneChosen);
        picker.append(searchLabel, help, combobox, status, chosenTitle, chosen, none);
        field.hidden = true;
        wrapper.appendChild(picker);

        var active = -1;
        var found = [];
        var latest = 0;
        var timer = null;

        function renderChosen() {
            chosen.replaceChildren();
            Array.prototype.forEach.call(select.selectedOptions, function (option) {
                var chip = element("li", "goal-picker__chip");
                chip.appendChild(element("span", "", option.textContent));
                var remove = element("button", "button button--secondary button--small", texts.textRemove);
                remove.type = "button";
                remove.appendChild(element("span", "visually-hidden", " " + option.textContent));
                remove.addEventListener("click", function () {
                    option.selected = false;
                    renderChosen();
                    announce(status, format(texts.textRemoved, { label: option.textContent }));
                    input.focus();
                });
                chip.appendChild(remove);
                chosen.appendChild(chip);
            });
            none.hidden = select.selectedOptions.length > 0;
        }

        function close() {
            results.hidden = true;
            results.replaceChildren();
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
            found = [];
        }

        function highlight(index) {
            var options = results.querySelectorAll("[role=option]");
            if (!options.length) {
                return;
            }
            active = (index + options.length) % options.length;
            Array.prototype.forEach.call(options, function (option, position) {
                option.setAttribute("aria-selected", position === active ? "true" : "false");
            });
            input.setAttribute("aria-activedescendant", options[active].id);
            options[active].scrollIntoView({ block: "nearest" });
        }

        function choose(goal) {
            var value = String(goal.id);
            var option = Array.prototype.find.call(select.options, function (candidate) {
                return candidate.value === value;
            });
            if (!option) {
                option = new Option(goal.text, value);
                select.appendChild(option);
            }
            option.selected = true;
            renderChosen();
            close();
            input.value = "";
            announce(status, format(texts.textAdded, { label: option.textContent }));
        }

        function show(goals) {
            found = goals.map(function (goal) {
                return { id: goal.id, text: goal.notation ? goal.notation + ": " + goal.label : goal.label };
            });
            results.replaceChildren();
            found.forEach(function (goal, index) {
                var option = element("li", "goal-picker__option", goal.text);
                option.id = "kerndoel-optie-" + index;
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    choose(goal);
                });
                results.appendChild(option);
            });
            results.hidden = found.length === 0;
            input.setAttribute("aria-expanded", found.length ? "true" : "false");
            active = -1;
            announce(
                status,
                found.length ? format(texts.textCount, { count: found.length }) : texts.textNoResults
            );
        }

        function search() {
            var query = input.value.trim();
            if (query.length < 2) {
                close();
                return;
            }
            var ticket = (latest += 1);
            fetch(wrapper.dataset.searchUrl + "?q=" + encodeURIComponent(query), {
                headers: { Accept: "application/json" },
                credentials: "same-origin",
            })
                .then(function (response) {
                    return response.ok ? response.json() : { results: [] };
                })
                .then(function (body) {
                    if (ticket === latest) {
                        show(body.results || []);
                    }
                })
                .catch(close);
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(search, 250);
        });
        input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown") {
                event.preventDefault();
                if (found.length) {
                    highlight(active + 1);
                }
            } else if (event.key === "ArrowUp") {
                event.preventDefault();
                if (found.length) {
                    highlight(active - 1);
                }
            } else if (event.key === "Enter") {
                // Enter picks a goal; it must not submit the whole form.
                event.preventDefault();
                if (active >= 0 && found[active]) {
                    choose(found[active]);
                }
            } else if (event.key === "Escape") {
                close();
            }
        });
        input.addEventListener("blur", function () {
            window.setTimeout(close, 150);
        });
        renderChosen();
    }

    function init() {
        var form = document.querySelector("[data-material-form]");
        var summary = document.querySelector("[data-error-summary]");
        if (summary) {
            summary.focus();
        }
        initChecklist(form);
        initFileRemoval();
        initGoalPicker();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();

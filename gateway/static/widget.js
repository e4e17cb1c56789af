/*! PM Navigator chat widget. Embed with one tag:
 *  <script src="https://GATEWAY/widget.js" data-tenant="TENANT_ID" defer></script>
 * No framework, styles isolated in a shadow root. Bot output is never inserted as HTML:
 * text nodes only, markdown links only with http(s) addresses, opened with rel=noopener.
 */
(function () {
  "use strict";
  var script = document.currentScript ||
    document.querySelector('script[src*="widget.js"][data-tenant]');
  if (!script || window.__pmnWidget) return;
  window.__pmnWidget = true;

  var TENANT = script.getAttribute("data-tenant") || "default";
  var BASE = new URL(script.src, location.href).origin;
  var KEY = "pmn-widget:" + TENANT;
  var MAX = 1000;
  var HEX = /^#[0-9a-f]{6}$/i;
  var cfg = { name: "PM Navigator", greeting: "", colours: {}, helpline: null, logo: null };
  var state = restore();
  var busy = false;

  // ---- persistence (sessionStorage: this tab only, gone when the tab closes) --------------
  function restore() {
    try {
      var s = JSON.parse(sessionStorage.getItem(KEY) || "null");
      if (s && Array.isArray(s.log)) return s;
    } catch (e) { /* storage blocked or corrupt: start fresh */ }
    return { session: null, log: [], open: false };
  }
  function save() {
    try {
      state.log = state.log.slice(-100);
      sessionStorage.setItem(KEY, JSON.stringify(state));
    } catch (e) { /* private mode: keep working without persistence */ }
  }

  // ---- tiny DOM helpers -------------------------------------------------------------------
  function h(tag, attrs, text) {
    var el = document.createElement(tag);
    if (attrs) for (var k in attrs) if (attrs[k] !== null && attrs[k] !== undefined) el.setAttribute(k, attrs[k]);
    if (text !== undefined && text !== null) el.textContent = String(text);
    return el;
  }
  function safeUrl(u) {
    if (typeof u !== "string" || !/^https?:\/\//i.test(u.trim())) return null;
    try {
      var x = new URL(u.trim());
      return x.protocol === "http:" || x.protocol === "https:" ? x.href : null;
    } catch (e) { return null; }
  }
  function link(label, href) {
    var url = safeUrl(href);
    if (!url) return document.createTextNode(label);
    var a = h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, label);
    a.appendChild(h("span", { "class": "sr" }, " (opens in a new tab)"));
    return a;
  }
  // Inline markdown: [label](url), **bold**, bare http(s) URLs. Everything else is text.
  var INLINE = /\[([^\]\n]+)\]\(([^)\s]+)\)|\*\*([^*\n]+)\*\*|(https?:\/\/[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'"])/g;
  function inline(el, text) {
    var last = 0, m;
    INLINE.lastIndex = 0;
    while ((m = INLINE.exec(text)) !== null) {
      el.appendChild(document.createTextNode(text.slice(last, m.index)));
      if (m[1] !== undefined) el.appendChild(link(m[1], m[2]));
      else if (m[3] !== undefined) el.appendChild(h("strong", null, m[3]));
      else el.appendChild(link(m[4], m[4]));
      last = INLINE.lastIndex;
    }
    el.appendChild(document.createTextNode(text.slice(last)));
  }
  function markdown(el, text) {
    String(text).split(/\n{2,}/).forEach(function (block) {
      var list = null, p = null;
      block.split("\n").forEach(function (line) {
        var m = /^\s*[-*\u2022]\s+(.*)$/.exec(line);
        if (m) {
          if (!list) { list = el.appendChild(h("ul")); p = null; }
          inline(list.appendChild(h("li")), m[1]);
        } else if (line.trim()) {
          list = null;
          if (!p) p = el.appendChild(h("p")); else p.appendChild(h("br"));
          inline(p, line);
        }
      });
    });
  }
  function month(iso) {
    var d = new Date(iso + "T00:00:00Z");
    return isNaN(d) ? "" : d.toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
  }

  // ---- styles -----------------------------------------------------------------------------
  var CSS = [
    ":host{all:initial;position:fixed;right:16px;bottom:16px;z-index:2147483000;",
    "font:16px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1a1a;",
    "--p:#0b5394;--on-p:#fff}",
    "*{box-sizing:border-box}",
    ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}",
    "button,input{font:inherit}",
    ":focus-visible{outline:3px solid #1a1a1a;outline-offset:2px;box-shadow:0 0 0 5px #fff}",
    ".launcher{background:var(--p);color:var(--on-p);border:0;border-radius:28px;padding:12px 20px;",
    "min-height:48px;cursor:pointer;box-shadow:0 2px 8px rgba(0,0,0,.35);font-weight:600}",
    ".panel{position:absolute;right:0;bottom:64px;width:min(400px,calc(100vw - 32px));",
    "height:min(620px,calc(100vh - 100px));display:flex;flex-direction:column;background:#fff;",
    "border:1px solid #767676;border-radius:12px;box-shadow:0 6px 24px rgba(0,0,0,.3);overflow:hidden}",
    ".panel[hidden]{display:none}",
    "header{background:var(--p);color:var(--on-p);display:flex;align-items:center;gap:8px;padding:8px 12px}",
    "header img{height:28px;width:auto}",
    "h2{font-size:1.05rem;margin:0;flex:1}",
    "header button{background:transparent;color:var(--on-p);border:1px solid currentColor;",
    "border-radius:6px;padding:6px 10px;min-height:36px;cursor:pointer}",
    ".note{font-size:.85rem;margin:0;padding:6px 12px;background:#f2f2f2;color:#333}",
    ".log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:10px}",
    ".msg{max-width:92%;padding:8px 12px;border-radius:10px;overflow-wrap:anywhere}",
    ".msg p{margin:0 0 6px}.msg p:last-child{margin-bottom:0}.msg ul{margin:4px 0;padding-left:20px}",
    ".user{align-self:flex-end;background:var(--p);color:var(--on-p)}",
    ".user a{color:var(--on-p)}",
    ".bot{align-self:flex-start;background:#f1f3f4}",
    "a{color:#0645ad}",
    ".card{border:1px solid #767676;border-radius:8px;padding:8px 10px;margin-top:8px;background:#fff}",
    ".card h3{font-size:1rem;margin:0 0 2px}.card p{margin:2px 0;font-size:.9rem}",
    ".meta{color:#444}",
    ".safety{border:2px solid #9a3412;border-left-width:8px;background:#fff7ed;border-radius:8px;",
    "padding:8px 10px;margin-top:8px}",
    ".safety strong.tag{display:block;color:#7c2d12}",
    ".quick{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px}",
    ".quick button,.fb button{background:#fff;color:#0b3d91;border:1px solid #0b3d91;",
    "border-radius:16px;padding:6px 12px;min-height:36px;cursor:pointer}",
    ".quick button:disabled{color:#555;border-color:#767676;cursor:default}",
    ".fb{display:flex;align-items:center;gap:6px;font-size:.85rem;margin-top:6px;color:#333}",
    ".fb button{padding:2px 10px;min-height:32px;border-radius:6px}",
    ".fb button[aria-pressed=true]{background:#0b3d91;color:#fff}",
    ".typing{min-height:1.5em;padding:0 12px;font-size:.9rem;color:#333}",
    "form{display:flex;gap:8px;padding:10px 12px;border-top:1px solid #767676}",
    "label.lbl{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}",
    "input{flex:1;min-width:0;padding:10px;border:1px solid #595959;border-radius:8px;color:#1a1a1a;background:#fff}",
    "form button{background:var(--p);color:var(--on-p);border:0;border-radius:8px;padding:0 16px;",
    "min-height:44px;cursor:pointer;font-weight:600}",
    "@media (max-width:480px){:host{right:8px;bottom:8px}.panel{position:fixed;inset:0;width:auto;",
    "height:auto;border-radius:0;border:0}.launcher[aria-expanded=true]{display:none}}",
    "@media (prefers-reduced-motion:no-preference){.dots::after{content:'';animation:d 1.2s steps(4) infinite}",
    "@keyframes d{0%{content:''}25%{content:'.'}50%{content:'..'}75%{content:'...'}}}"
  ].join("");

  // ---- build the widget -------------------------------------------------------------------
  var host = h("div", { id: "pmn-widget", "data-tenant": TENANT });
  var root = host.attachShadow({ mode: "open" });
  root.appendChild(h("style", null, CSS));
  var launcher = root.appendChild(h("button", {
    "class": "launcher", type: "button", "aria-expanded": "false", "aria-controls": "pmn-panel"
  }, "Chat: find cancer support"));
  var panel = root.appendChild(h("section", {
    id: "pmn-panel", "class": "panel", role: "dialog", "aria-labelledby": "pmn-title", hidden: ""
  }));
  var header = panel.appendChild(h("header"));
  var logo = header.appendChild(h("img", { alt: "", hidden: "" }));
  var title = header.appendChild(h("h2", { id: "pmn-title" }, cfg.name));
  var restart = header.appendChild(h("button", { type: "button" }, "Start over"));
  var closeBtn = header.appendChild(h("button", { type: "button", "aria-label": "Close chat" }, "\u00d7"));
  var note = panel.appendChild(h("p", { "class": "note" },
    "Information and signposts only, not medical advice. In an emergency call your local emergency number."));
  var log = panel.appendChild(h("div", {
    "class": "log", role: "log", "aria-live": "polite", "aria-label": "Conversation", tabindex: "0"
  }));
  var typing = panel.appendChild(h("div", { "class": "typing", role: "status" }));
  var form = panel.appendChild(h("form", { "aria-label": "Send a message" }));
  form.appendChild(h("label", { "for": "pmn-input", "class": "lbl" }, "Your message"));
  var input = form.appendChild(h("input", {
    id: "pmn-input", type: "text", autocomplete: "off", maxlength: String(MAX),
    placeholder: "e.g. EGFR lung cancer support group", enterkeyhint: "send"
  }));
  var send = form.appendChild(h("button", { type: "submit" }, "Send"));

  // ---- rendering --------------------------------------------------------------------------
  function renderEntry(entry, index) {
    if (entry.who === "user") {
      var u = h("div", { "class": "msg user" });
      u.appendChild(h("span", { "class": "sr" }, "You said: "));
      u.appendChild(document.createTextNode(entry.text));
      log.appendChild(u);
      return u;
    }
    var div = h("div", { "class": "msg bot" });
    div.appendChild(h("span", { "class": "sr" }, cfg.name + " said: "));
    var custom = entry.custom && typeof entry.custom === "object" ? entry.custom : {};
    var resources = Array.isArray(custom.resources) ? custom.resources : [];
    var notes = Array.isArray(custom.safety) ? custom.safety : [];
    var text = typeof entry.text === "string" ? entry.text : "";
    // The text repeats safety notes and the resource list for text-only channels; the widget
    // shows them as boxes and cards instead.
    notes.forEach(function (n) { if (n && typeof n.text === "string" && n.text) text = text.split(n.text).join(""); });
    var urls = resources.map(function (r) { return r && typeof r.url === "string" ? "](" + r.url + ")" : null; })
      .filter(Boolean);
    if (urls.length) {
      text = text.split("\n").filter(function (line) {
        return !(/^\s*[-*]\s/.test(line) && urls.some(function (u) { return line.indexOf(u) >= 0; }));
      }).join("\n");
    }
    if (text.trim()) markdown(div, text.trim());
    resources.forEach(function (r) {
      if (!r || typeof r !== "object") return;
      var card = div.appendChild(h("article", { "class": "card" }));
      card.appendChild(h("h3")).appendChild(link(String(r.name || "Resource"), r.url));
      var meta = [];
      if (r.owner) meta.push("Run by " + r.owner);
      if (r.kind) meta.push(String(r.kind).replace(/_/g, " "));
      if (r.last_reviewed) meta.push("reviewed " + month(String(r.last_reviewed)));
      if (meta.length) card.appendChild(h("p", { "class": "meta" }, meta.join(" \u00b7 ")));
      // "why" mixes reasons for people (tags) with ranking signals; show only the former.
      var why = (Array.isArray(r.why) ? r.why.join("; ") : String(r.why || "")).split(/;\s*/)
        .filter(function (w) { return w && !/^(keywords|meaning similarity)\b/i.test(w); });
      if (why.length) card.appendChild(h("p", null, "Why: " + why.join("; ")));
    });
    notes.forEach(function (n) {
      if (!n || typeof n.text !== "string") return;
      var box = div.appendChild(h("div", { "class": "safety", role: "note" }));
      box.appendChild(h("strong", { "class": "tag" },
        n.kind === "crisis" || n.kind === "emergency" ? "Urgent: please read" : "Please note"));
      markdown(box, n.text);
    });
    if (Array.isArray(entry.buttons) && entry.buttons.length) {
      var quick = div.appendChild(h("div", { "class": "quick", role: "group", "aria-label": "Suggested replies" }));
      entry.buttons.forEach(function (b) {
        if (!b || typeof b.title !== "string") return;
        var btn = quick.appendChild(h("button", { type: "button" }, b.title));
        btn.disabled = !!entry.answered ||
          state.log.slice(index + 1).some(function (e) { return e.who === "user"; });
        btn.addEventListener("click", function () {
          entry.answered = true;
          ask(String(b.payload || b.title), b.title);
          input.focus(); // the clicked button is re-rendered: keep keyboard users in place
        });
      });
    }
    if (entry.feedback !== false && !entry.local) div.appendChild(feedbackControls(entry));
    log.appendChild(div);
    return div;
  }
  function feedbackControls(entry) {
    var fb = h("div", { "class": "fb", role: "group", "aria-label": "Was this answer helpful?" });
    [["yes", true, "Helpful"], ["no", false, "Not helpful"]].forEach(function (opt) {
      var b = fb.appendChild(h("button", {
        type: "button", "aria-pressed": String(entry.vote === opt[0])
      }, opt[2]));
      b.addEventListener("click", function () {
        if (entry.vote) return;
        entry.vote = opt[0];
        save();
        fb.querySelectorAll("button").forEach(function (x) { x.setAttribute("aria-pressed", String(x === b)); });
        thanks.textContent = "Thank you for your feedback.";
        api("/api/v1/feedback", { session: state.session, helpful: opt[1], message: String(entry.text || "").slice(0, 300), tenant: TENANT })
          .catch(function () { /* feedback is best effort */ });
      });
    });
    var thanks = fb.appendChild(h("span", { role: "status" }, entry.vote ? "Thank you for your feedback." : ""));
    return fb;
  }
  function renderAll() {
    log.textContent = "";
    state.log.forEach(renderEntry);
    log.scrollTop = log.scrollHeight;
  }
  function add(entry) {
    state.log.push(entry);
    save();
    var el = renderEntry(entry, state.log.length - 1);
    log.scrollTop = log.scrollHeight;
    return el;
  }
  function greet() {
    add({ who: "bot", text: cfg.greeting || "Hello. How can I help you today?", local: true });
  }

  // ---- talking to the gateway -------------------------------------------------------------
  function api(path, body) {
    return fetch(BASE + path + "?tenant=" + encodeURIComponent(TENANT), {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      credentials: "omit"
    });
  }
  function helplineText() {
    var l = cfg.helpline;
    if (!l) return "your cancer team or a national cancer helpline";
    return l.name + (l.phone ? " (" + l.phone + ")" : "");
  }
  function ask(message, shown) {
    if (busy) return;
    message = message.trim();
    if (!message) return;
    if (message.length > MAX) {
      add({ who: "bot", text: "That message is too long. Please keep it under " + MAX + " characters.", local: true });
      return;
    }
    busy = true;
    send.disabled = true;
    state.log.forEach(function (e) { if (e.buttons) e.answered = true; });
    renderAll();
    add({ who: "user", text: shown || message });
    typing.textContent = "";
    typing.appendChild(h("span", { "class": "dots" }, cfg.name + " is typing"));
    api("/api/v1/chat", { message: message, session: state.session, tenant: TENANT, metadata: {} })
      .then(function (r) {
        return r.json().then(function (data) { return { ok: r.ok, status: r.status, data: data }; });
      })
      .then(function (res) {
        if (!res.ok) {
          var detail = res.data && typeof res.data.detail === "string" ? res.data.detail : "";
          add({ who: "bot", local: true, text: res.status === 429
            ? "You are sending messages very quickly. Please wait a moment and try again."
            : "Sorry, I could not take that message" + (detail ? ": " + detail : ".") });
          return;
        }
        state.session = res.data.session;
        (res.data.messages || []).forEach(function (m) {
          add({ who: "bot", text: m.text, custom: m.custom, buttons: m.buttons });
        });
      })
      .catch(function () {
        add({ who: "bot", local: true, text: "Sorry, I can't reach the service right now. If you need to talk " +
          "to someone, contact " + helplineText() + ". In an emergency call your local emergency number." });
      })
      .then(function () {
        busy = false;
        send.disabled = false;
        typing.textContent = "";
      });
  }

  // ---- behaviour --------------------------------------------------------------------------
  function setOpen(open, focusInput) {
    state.open = open;
    save();
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", String(open));
    if (open) {
      if (!state.log.length) greet();
      log.scrollTop = log.scrollHeight;
      if (focusInput) input.focus();
    }
  }
  launcher.addEventListener("click", function () { setOpen(panel.hidden, true); });
  closeBtn.addEventListener("click", function () { setOpen(false); launcher.focus(); });
  panel.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { ev.preventDefault(); setOpen(false); launcher.focus(); }
  });
  restart.addEventListener("click", function () {
    state = { session: null, log: [], open: true };
    save();
    log.textContent = "";
    greet();
    input.value = "";
    input.focus();
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var text = input.value;
    if (!text.trim() || busy) return;
    input.value = "";
    ask(text);
  });

  function applyConfig(c) {
    if (!c || typeof c !== "object") return;
    if (typeof c.name === "string") cfg.name = c.name;
    if (typeof c.greeting === "string") cfg.greeting = c.greeting;
    if (c.helpline && typeof c.helpline.name === "string") cfg.helpline = c.helpline;
    var col = c.colours || {};
    if (HEX.test(col.primary || "") && HEX.test(col.on_primary || "")) {
      host.style.setProperty("--p", col.primary);
      host.style.setProperty("--on-p", col.on_primary);
    }
    var src = typeof c.logo === "string" && c.logo.indexOf("/static/") === 0 ? BASE + c.logo : safeUrl(c.logo);
    if (src && /^https?:/.test(src)) { logo.src = src; logo.hidden = false; }
    title.textContent = cfg.name;
    if (cfg.helpline) {
      // Handoff always in reach: the tenant's helpline under the disclaimer.
      var l = cfg.helpline, line = h("span", { "class": "handoff" }, " Talk to a person: " + l.name);
      var digits = typeof l.phone === "string" ? l.phone.replace(/[^0-9+]/g, "") : "";
      if (digits) {
        line.appendChild(document.createTextNode(", "));
        line.appendChild(h("a", { href: "tel:" + digits }, l.phone));
      }
      if (l.hours) line.appendChild(document.createTextNode(" (" + l.hours + ")"));
      if (safeUrl(l.url)) {
        line.appendChild(document.createTextNode(", "));
        line.appendChild(link("website", l.url));
      }
      note.appendChild(line);
    }
    launcher.textContent = "Chat with " + cfg.name;
  }

  function start() {
    document.body.appendChild(host);
    renderAll();
    fetch(BASE + "/api/v1/tenants/" + encodeURIComponent(TENANT) + "/config", { credentials: "omit" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(applyConfig)
      .catch(function () { /* keep defaults */ })
      .then(function () {
        host.setAttribute("data-ready", "true");
        if (state.open) setOpen(true, false);
      });
  }
  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start);
})();

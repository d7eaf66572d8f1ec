// The room's screens: follow the desk's event stream, count down between events with the
// browser's monotonic clock, and reconnect by themselves. Every text from the desk goes in
// with textContent: a speaker named <script> is a name, not a script.
(function () {
  "use strict";
  var query = location.search; // carries ?key=K when the desk asks for one
  var LEVELS = {
    "head-of-state": "Head of State", "head-of-government": "Head of Government",
    "vice-president": "Vice-President", "deputy-prime-minister": "Deputy Prime Minister",
    "minister": "Minister", "deputy-minister": "Deputy Minister",
    "head-of-delegation": "Head of Delegation", "delegate": "Delegate"
  };
  var GROUPS = {
    "african": "African States", "asia-pacific": "Asia-Pacific States",
    "eastern-european": "Eastern European States",
    "latin-american-caribbean": "Latin American and Caribbean States",
    "weog": "Western European and other States"
  };
  var KINDS = { "opening": "Opening statements", "reply": "Right of reply" };
  var state = null;    // the last `state` event
  var clock = null;    // the `clock` event that came just before it
  var anchor = null;   // {t: performance.now() then, elapsed: ms spoken then, speed, running, limit, warning}
  var source = null;
  var retry = null;
  var lastEvent = performance.now();
  var timer = null;

  function $(id) { return document.getElementById(id); }
  function setText(id, text) {
    var e = $(id);
    if (e && e.textContent !== text) { e.textContent = text; }
  }
  function show(id, on) { var e = $(id); if (e) { e.hidden = !on; } }

  function two(n) { return (n < 10 ? "0" : "") + n; }
  function countdown(remaining) {
    var s = Math.abs(remaining);
    return Math.floor(s / 60) + ":" + two(s % 60);
  }

  function remaining(now) {
    if (!anchor) { return null; }
    var spoken = anchor.elapsed + (anchor.running ? (now - anchor.t) * anchor.speed : 0);
    return anchor.limit - Math.floor(spoken / 1000);
  }

  // The real time (performance.now()) at which the countdown reaches zero.
  function zeroAt() {
    return anchor.t + (anchor.limit * 1000 - anchor.elapsed) / anchor.speed;
  }

  function badge(mode) {
    if (mode !== "remote" && mode !== "video") { return null; }
    var b = document.createElement("span");
    b.className = "badge";
    b.textContent = mode.toUpperCase();
    return b;
  }

  // The countdown as large as its box allows, up to its share of the window's height.
  function fit() {
    var box = $("clockbox"), d = $("clock");
    if (!box || !d || d.hidden) { return; }
    var share = parseFloat(box.getAttribute("data-max-height")) || 0.5;
    var most = Math.max(10, Math.min(window.innerHeight * share, box.clientHeight));
    d.style.fontSize = most + "px";
    var wide = d.scrollWidth, room = box.clientWidth * 0.96;
    if (wide > room) { d.style.fontSize = Math.floor(most * room / wide) + "px"; }
  }

  function apply(s) {
    state = s;
    var c = s.current;
    if (c) {
      var spoken = clock && typeof clock.elapsed_ms === "number" ? clock.elapsed_ms : c.elapsed_seconds * 1000;
      anchor = {
        t: performance.now(), elapsed: spoken, running: c.running, limit: c.limit_seconds,
        speed: clock && clock.speed > 0 ? clock.speed : 1,
        warning: clock && typeof clock.warning_seconds === "number" ? clock.warning_seconds : 30
      };
    } else {
      anchor = null;
    }
    clock = null;
    var kind = KINDS[s.kind];
    setText("title", (s.title || "") + (kind ? " · " + kind : ""));
    show("who", !!c);
    show("nospeaker", !c);
    show("clock", !!c);
    if (c) {
      setText("delegation", c.delegation);
      setText("speaker", c.speaker + " · " + (LEVELS[c.level] || c.level));
      var g = c.chair_of && GROUPS[c.chair_of];
      setText("group", g ? "on behalf of the Group of " + g : "");
      show("group", !!g);
      var badges = $("badges");
      if (badges) {
        badges.textContent = "";
        var b = badge(c.mode);
        if (b) { badges.appendChild(b); }
      }
    }
    var m = s.message;
    setText("message", m || "");
    show("message", !!m);
    var list = $("nextlist");
    if (list) {
      list.textContent = "";
      (s.next || []).forEach(function (e) {
        var li = document.createElement("li");
        li.appendChild(document.createTextNode(e.delegation + " — " + e.speaker));
        var b = badge(e.mode);
        if (b) { li.appendChild(document.createTextNode(" ")); li.appendChild(b); }
        list.appendChild(li);
      });
      show("next", (s.next || []).length > 0);
    }
    tick();
    fit();
  }

  function tick() {
    clearTimeout(timer);
    var now = performance.now();
    var d = $("clock"), st = $("state");
    var r = remaining(now);
    if (r === null || !d) {
      if (st) { st.textContent = ""; }
      return;
    }
    var shown = countdown(r);
    if (d.getAttribute("data-shown") !== (r < 0 ? "+" : "") + shown) {
      d.textContent = "";
      if (r < 0) {
        var sign = document.createElement("span");
        sign.className = "sign";
        sign.textContent = "+";
        d.appendChild(sign);
      }
      d.appendChild(document.createTextNode(shown));
      d.setAttribute("data-shown", (r < 0 ? "+" : "") + shown);
      fit();
    }
    var colour = !anchor.running ? "paused" : r > anchor.warning ? "ok" : r > 0 ? "warn" : "over";
    var z = zeroAt();
    var flashing = anchor.running && now >= z && now < z + 3000;
    d.className = "digits " + colour + (flashing ? " flash" : "");
    if (st) {
      var c = state.current, words = "", cls = "";
      if (c.point_of_order) { words = "POINT OF ORDER"; cls = "badge-state"; }
      else if (!c.running) { words = "PAUSED"; cls = "badge-state"; }
      else if (r <= 0) { words = "TIME IS UP"; cls = "up"; }
      if (st.getAttribute("data-shown") !== words) {
        st.textContent = "";
        if (words) {
          var w = document.createElement("span");
          w.className = cls;
          w.textContent = words;
          st.appendChild(w);
        }
        st.setAttribute("data-shown", words);
      }
    }
    if (!anchor.running) { return; }
    // Wake when the displayed second turns (or the flash ends), not on a fast tick.
    var spoken = anchor.elapsed + (now - anchor.t) * anchor.speed;
    var wait = (1000 - (((spoken % 1000) + 1000) % 1000)) / anchor.speed;
    if (flashing) { wait = Math.min(wait, z + 3000 - now); }
    timer = setTimeout(tick, Math.min(1000, Math.max(15, wait + 2)));
  }

  function linked(on) {
    setText("link", on ? "" : "reconnecting…");
    show("link", !on);
  }

  function connect() {
    clearTimeout(retry);
    if (source) { source.close(); }
    source = new EventSource("/events" + query);
    source.addEventListener("clock", function (ev) {
      try { clock = JSON.parse(ev.data); } catch (e) { clock = null; }
    });
    source.addEventListener("state", function (ev) {
      var s;
      try { s = JSON.parse(ev.data); } catch (e) { return; }
      lastEvent = performance.now();
      linked(true);
      apply(s);
    });
    source.onopen = function () { lastEvent = performance.now(); linked(true); };
    source.onerror = function () {
      linked(false);
      // The browser retries a broken stream by itself; a refused one (the desk restarting
      // on another port's process, too many screens) it gives up on: try again here.
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        source = null;
        retry = setTimeout(connect, 3000);
      }
    };
  }

  // A stream that says nothing for a while may be dead without an error (a cable pulled):
  // ask the desk directly; once it answers again after failing, open a new stream.
  var down = false;
  setInterval(function () {
    if (performance.now() - lastEvent < 30000) { return; }
    var ctl = typeof AbortController === "function" ? new AbortController() : null;
    var limit = setTimeout(function () { if (ctl) { ctl.abort(); } }, 5000);
    fetch("/state.json" + query, { cache: "no-store", signal: ctl ? ctl.signal : undefined })
      .then(function (r) {
        clearTimeout(limit);
        if (!r.ok) { return; }
        lastEvent = performance.now();
        if (down) { down = false; connect(); }
      })
      .catch(function () { clearTimeout(limit); down = true; linked(false); });
  }, 15000);

  window.addEventListener("resize", fit);
  document.addEventListener("visibilitychange", tick);
  connect();
})();

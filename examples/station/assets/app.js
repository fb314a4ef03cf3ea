// The entry page: a keyboard-first form for one ballot at a time. Nothing is
// counted here: the server journals each ballot, syncs it to the disk, and
// only then answers; the page shows a ballot as recorded only on that answer.
// Every word shown comes from the server in the station's language.
(function () {
  "use strict";
  const token = document.querySelector('meta[name="kiemphieu-token"]').content;
  const form = document.querySelector('meta[name="kiemphieu-form"]').content;
  const entry = document.querySelector('meta[name="kiemphieu-entry"]').content;
  const L = JSON.parse(document.getElementById("labels").textContent);
  const q = entry === "2" ? "?j=2" : "";
  const rows = Array.from(document.querySelectorAll("#paper tr"));
  const cycle = form === "cross-out" ? [".", "x", "/"] : [".", "a", "d", "b"];
  const symbol = { ".": "", x: "✗", "/": "∼", a: "✓", d: "✗", b: "✓✗" };
  const rowClass = { ".": "", x: "struck", "/": "partly", a: "agree", d: "disagree", b: "both" };
  const flagKeys = { n: "not-issued", w: "written-in", s: "signed" };
  const flagWords = { "not-issued": L.flagNotIssued, "written-in": L.flagWrittenIn, signed: L.flagSigned };
  let marks = rows.map(() => ".");
  let flags = new Set();
  let number = "";
  let last = null;
  let confirming = 0; // the entry an undo waits to be confirmed for
  let replacing = 0; // the undone entry the next ballot takes the place of

  const $ = (id) => document.getElementById(id);
  const fmt = (s, ...args) => { let i = 0; return s.replace(/%[ds]/g, () => String(args[i++])); };
  function message(text, ok) {
    $("message").textContent = text;
    $("message").className = ok ? "ok" : "error";
  }
  function draw() {
    rows.forEach((tr, i) => {
      tr.className = rowClass[marks[i]];
      tr.querySelector(".mark").textContent = symbol[marks[i]];
    });
    $("number").textContent = number;
    $("flags").textContent = Array.from(flags).map((f) => flagWords[f] || f).join(", ");
    $("replacing").hidden = replacing === 0;
    $("replacing").textContent = replacing ? fmt(L.replacing, replacing) : "";
    $("confirm").hidden = confirming === 0;
    $("confirm-text").textContent = confirming ? fmt(L.confirmUndo, confirming) : "";
  }
  function clear() {
    marks = rows.map(() => ".");
    flags = new Set();
    number = "";
    draw();
  }
  function show(state) {
    last = state;
    $("collected").textContent = state.collected;
    $("valid").textContent = state.valid;
    $("invalid").textContent = state.invalid;
    $("head").textContent = state.head_grouped;
    $("stopped").hidden = !state.stopped;
    $("stopped").textContent = state.stopped ? L.stopped + ": " + state.stopped : "";
    const list = $("entries");
    list.replaceChildren();
    (state.entries || []).slice().reverse().forEach((e) => {
      const li = document.createElement("li");
      li.dataset.seq = e.seq;
      li.className = (e.voided ? "voided " : "") + (e.valid ? "valid" : "invalid");
      const text = document.createElement("span");
      text.textContent = "#" + e.seq + " " + e.text + " — ";
      const reason = document.createElement("span");
      reason.className = "reason";
      reason.textContent = e.reason + (e.operator ? " · " + e.operator : "");
      li.append(text, reason);
      if (e.replaces) {
        const r = document.createElement("span");
        r.className = "replaces";
        r.textContent = " (" + fmt(L.replacing, e.replaces) + ")";
        li.append(r);
      }
      if (!state.closed) {
        const b = document.createElement("button");
        b.type = "button";
        b.className = e.voided ? "restore" : "undo";
        b.textContent = e.voided ? "↷" : "↶";
        b.title = (e.voided ? L.restoreOne : L.undoOne) + " #" + e.seq;
        b.addEventListener("click", () => (e.voided ? restoreEntry(e.seq) : askUndo(e.seq)));
        li.append(" ", b);
      }
      list.append(li);
    });
    if (state.compare && $("compare")) showCompare(state.compare);
  }
  function showCompare(c) {
    $("compare-summary").textContent = c.accepted ? L.accepted : c.summary;
    const body = document.querySelector("#differences tbody");
    body.replaceChildren();
    (c.differences || []).forEach((d) => {
      const tr = document.createElement("tr");
      tr.dataset.position = d.position;
      [String(d.position), d.ballots[0] || L.none, d.ballots[1] || L.none].forEach((t) => {
        const td = document.createElement("td");
        td.textContent = t;
        tr.append(td);
      });
      body.append(tr);
    });
    $("differences").hidden = !(c.differences || []).length;
    $("accept").disabled = !c.agree || c.accepted;
  }
  async function post(path, body) {
    const r = await fetch(path + q, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Kiemphieu-Token": token },
      body: JSON.stringify(body),
    });
    const text = await r.text();
    let data = null;
    try { data = JSON.parse(text); } catch (_) { /* not JSON */ }
    if (!r.ok) throw new Error((data && data.error) || L.failed || r.status);
    return data;
  }
  // Requests go to the server one at a time, in the order the operator gave
  // them, so that the journal holds the ballots in the order of the stack.
  let queue = Promise.resolve();
  function send(job) {
    queue = queue.then(job, job);
    return queue;
  }
  function untouched() {
    return number === "" && flags.size === 0 && marks.every((m) => m === ".");
  }
  function describe(m, fl) {
    const struck = [];
    m.forEach((c, i) => { if (c !== ".") struck.push((i + 1) + symbol[c]); });
    return (struck.join(" ") || "—") + (fl.length ? "; " + fl.map((f) => flagWords[f] || f).join(", ") : "");
  }
  function record() {
    // The form clears at once, so the next paper can be typed while this one
    // is being written; a ballot the server refuses comes back to the form
    // if nothing was typed since, and is shown in the message either way.
    const body = { marks: marks.join(""), flags: Array.from(flags) };
    if (replacing) body.replaces = replacing;
    replacing = 0;
    clear();
    send(async () => {
      try {
        const state = await post("/api/enter", body);
        show(state);
        const e = state.entries[state.entries.length - 1];
        message(fmt(L.recorded, e.seq, e.text + " — " + e.reason), true);
      } catch (err) {
        message(fmt(L.notRecorded, describe(body.marks.split(""), body.flags), err.message), false);
        if (untouched()) {
          marks = body.marks.split("");
          flags = new Set(body.flags);
          replacing = body.replaces || 0;
          draw();
        }
      }
    });
  }
  function askUndo(seq) {
    confirming = seq;
    draw();
    $("confirm-yes").focus();
  }
  function undo(seq) {
    confirming = 0;
    draw();
    send(async () => {
      try {
        show(await post("/api/void", { seq: seq, reason: L.reason }));
        replacing = seq;
        draw();
        message(fmt(L.undone, seq), true);
      } catch (err) {
        message(err.message, false);
      }
    });
  }
  function restoreEntry(seq) {
    send(async () => {
      try {
        show(await post("/api/restore", { seq: seq }));
        if (replacing === seq) replacing = 0;
        draw();
        message(fmt(L.restored, seq), true);
      } catch (err) {
        message(err.message, false);
      }
    });
  }
  function undoLast() {
    // Decided when its turn comes, after the entries sent before it.
    send(async () => {
      const live = ((last && last.entries) || []).filter((e) => !e.voided);
      if (live.length) askUndo(live[live.length - 1].seq);
    });
  }
  function accept() {
    send(async () => {
      try {
        show(await post("/api/close", {}));
      } catch (err) {
        message(err.message, false);
      }
    });
  }

  document.addEventListener("keydown", (ev) => {
    if (ev.target && ev.target.id === "operator") return;
    const k = ev.key;
    if (confirming) {
      if (k === "y" || k === "Y" || k === "Enter") {
        undo(confirming);
      } else if (k === "Escape" || k === "n" || k === "N") {
        confirming = 0;
        draw();
      } else {
        return;
      }
      ev.preventDefault();
      return;
    }
    if (ev.ctrlKey && (k === "z" || k === "Z")) {
      ev.preventDefault();
      undoLast();
      return;
    }
    if (ev.ctrlKey || ev.altKey || ev.metaKey) return;
    if (k >= "0" && k <= "9") {
      if (number.length < 3) number += k;
    } else if (k === " ") {
      const n = parseInt(number, 10);
      if (n >= 1 && n <= rows.length) {
        marks[n - 1] = cycle[(cycle.indexOf(marks[n - 1]) + 1) % cycle.length];
      } else if (number !== "") {
        message(fmt(L.badNumber, number), false);
      }
      number = "";
    } else if (k === "Backspace") {
      number = number.slice(0, -1);
    } else if (k === "Escape") {
      if (untouched()) replacing = 0;
      clear();
    } else if (k === "Enter") {
      record();
    } else if (k === "u" || k === "U") {
      undoLast();
    } else if (flagKeys[k.toLowerCase()]) {
      const f = flagKeys[k.toLowerCase()];
      flags.has(f) ? flags.delete(f) : flags.add(f);
    } else {
      return;
    }
    ev.preventDefault();
    draw();
  });
  $("record").addEventListener("click", record);
  $("undo").addEventListener("click", undoLast);
  $("confirm-yes").addEventListener("click", () => undo(confirming));
  if ($("accept")) $("accept").addEventListener("click", accept);
  $("operator").addEventListener("change", (ev) => {
    const name = ev.target.value;
    ev.target.blur();
    send(async () => {
      try {
        show(await post("/api/operator", { name: name }));
      } catch (err) {
        message(err.message, false);
      }
    });
  });
  const events = new EventSource("/events" + q);
  events.addEventListener("state", (ev) => show(JSON.parse(ev.data)));
  draw();
})();

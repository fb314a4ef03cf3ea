// The entry page: a keyboard-first form for one ballot at a time. Nothing is
// counted here: the server journals each ballot, syncs it to the disk, and
// only then answers; the page shows a ballot as recorded only on that answer.
(function () {
  "use strict";
  const token = document.querySelector('meta[name="kiemphieu-token"]').content;
  const form = document.querySelector('meta[name="kiemphieu-form"]').content;
  const rows = Array.from(document.querySelectorAll("#paper tr"));
  const cycle = form === "cross-out" ? [".", "x", "/"] : [".", "a", "d", "b"];
  const symbol = { ".": "", x: "✗", "/": "∼", a: "Đồng ý", d: "Không", b: "Cả hai" };
  const rowClass = { ".": "", x: "struck", "/": "partly", a: "agree", d: "disagree", b: "both" };
  const flagKeys = { n: "not-issued", w: "written-in", s: "signed" };
  let marks = rows.map(() => ".");
  let flags = new Set();
  let number = "";
  let last = null;

  const $ = (id) => document.getElementById(id);
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
    $("flags").textContent = Array.from(flags).join(", ");
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
    const list = $("entries");
    list.replaceChildren();
    (state.entries || []).slice().reverse().forEach((e) => {
      const li = document.createElement("li");
      li.dataset.seq = e.seq;
      li.className = (e.voided ? "voided " : "") + (e.valid ? "valid" : "invalid");
      const text = document.createElement("span");
      text.textContent = "#" + e.seq + " " + e.marks + (e.flags && e.flags.length ? " [" + e.flags.join(", ") + "]" : "") + " — ";
      const reason = document.createElement("span");
      reason.className = "reason";
      reason.textContent = e.reason + (e.operator ? " · " + e.operator : "");
      li.append(text, reason);
      if (!e.voided) {
        const b = document.createElement("button");
        b.type = "button";
        b.textContent = "↶";
        b.title = "undo #" + e.seq;
        b.addEventListener("click", () => voidEntry(e.seq));
        li.append(" ", b);
      }
      list.append(li);
    });
  }
  async function post(path, body) {
    const r = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Kiemphieu-Token": token },
      body: JSON.stringify(body),
    });
    const text = await r.text();
    let data = null;
    try { data = JSON.parse(text); } catch (_) { /* a plain-text refusal */ }
    if (!r.ok) throw new Error((data && data.error) || text.trim() || r.statusText);
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
  function record() {
    // The form clears at once, so the next paper can be typed while this one
    // is being written; a ballot the server refuses comes back to the form
    // if nothing was typed since, and is shown in the message either way.
    const body = { marks: marks.join(""), flags: Array.from(flags) };
    clear();
    send(async () => {
      try {
        const state = await post("/api/enter", body);
        show(state);
        const e = state.entries[state.entries.length - 1];
        message("#" + e.seq + ": " + e.reason, true);
      } catch (err) {
        message((document.documentElement.lang === "en" ? "NOT recorded " : "CHƯA GHI ") + body.marks + ": " + err.message, false);
        if (untouched()) {
          marks = body.marks.split("");
          flags = new Set(body.flags);
          draw();
        }
      }
    });
  }
  function voidEntry(seq) {
    send(async () => {
      try {
        show(await post("/api/void", { seq: seq, reason: document.documentElement.lang === "en" ? "undone at the station" : "hoàn tác tại máy nhập" }));
        message("↶ #" + seq, true);
      } catch (err) {
        message(err.message, false);
      }
    });
  }
  function undoLast() {
    // Decided when its turn comes, after the entries sent before it.
    send(async () => {
      const live = ((last && last.entries) || []).filter((e) => !e.voided);
      if (live.length) {
        try {
          show(await post("/api/void", { seq: live[live.length - 1].seq, reason: document.documentElement.lang === "en" ? "undone at the station" : "hoàn tác tại máy nhập" }));
          message("↶ #" + live[live.length - 1].seq, true);
        } catch (err) {
          message(err.message, false);
        }
      }
    });
  }

  document.addEventListener("keydown", (ev) => {
    if (ev.target && ev.target.id === "operator") return;
    const k = ev.key;
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
        message("? " + number, false);
      }
      number = "";
    } else if (k === "Backspace") {
      number = number.slice(0, -1);
    } else if (k === "Escape") {
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
  const events = new EventSource("/events");
  events.addEventListener("state", (ev) => show(JSON.parse(ev.data)));
  draw();
})();

// The projector page: the votes of each candidate against the threshold,
// redrawn at every ballot the station records (server-sent events).
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  function show(state) {
    $("collected").textContent = state.collected;
    $("valid").textContent = state.valid;
    $("invalid").textContent = state.invalid;
    $("d").textContent = state.d;
    $("threshold").textContent = state.threshold;
    $("head").textContent = state.head_grouped;
    const scale = Math.max(state.d, 1, ...state.standings.map((s) => s.votes));
    const body = document.querySelector("#standings tbody");
    body.replaceChildren();
    state.standings.forEach((s) => {
      const tr = document.createElement("tr");
      tr.className = s.status;
      tr.dataset.no = s.no;
      const cell = (text, cls) => {
        const td = document.createElement("td");
        td.textContent = text;
        if (cls) td.className = cls;
        tr.append(td);
        return td;
      };
      cell(s.no, "num");
      cell(s.name, "name");
      cell(s.votes, "num votes");
      cell(s.share, "num share");
      const bar = cell("", "bar");
      const fill = document.createElement("div");
      fill.className = "fill";
      fill.style.width = (100 * s.votes / scale) + "%";
      const line = document.createElement("div");
      line.className = "line";
      line.style.left = (100 * state.d / 2 / scale) + "%";
      bar.append(fill, line);
      cell(s.label, "status");
      body.append(tr);
    });
  }
  const events = new EventSource("/events");
  events.addEventListener("state", (ev) => show(JSON.parse(ev.data)));
})();

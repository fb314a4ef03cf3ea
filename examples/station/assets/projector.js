// The projector page: the votes of each candidate against the threshold,
// redrawn at every ballot the station records (server-sent events). Until
// the round is closed every row says "đang kiểm" (counting): a name under
// the line early in the count is not yet "not enough votes". The list is
// laid out in as many columns, and at as large a size, as lets every row
// fit the screen with its figures on one line.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const body = document.body;
  const board = $("standings");
  let last = null;

  function table() {
    const t = document.createElement("table");
    const head = t.createTHead().insertRow();
    for (const [key, cls] of [["noTh", "num"], ["nameTh", ""], ["votesTh", "num"], ["shareTh", "num"], ["", ""], ["resultTh", ""]]) {
      const th = document.createElement("th");
      th.textContent = key ? board.dataset[key] : "";
      if (cls) th.className = cls;
      head.append(th);
    }
    t.append(document.createElement("tbody"));
    return t;
  }

  function row(s, state, scale) {
    const tr = document.createElement("tr");
    tr.className = state.closed ? s.status : "counting";
    tr.dataset.no = s.no;
    tr.dataset.standing = s.status;
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
    cell(state.closed ? s.label : body.dataset.counting, "status");
    return tr;
  }

  // fits says whether every row is inside the board and no figure wraps.
  function fits() {
    if (board.scrollHeight > board.clientHeight + 1 || board.scrollWidth > board.clientWidth + 1) return false;
    const limit = board.getBoundingClientRect();
    for (const tr of board.querySelectorAll("tbody tr")) {
      const r = tr.getBoundingClientRect();
      if (r.bottom > limit.bottom + 1 || r.right > limit.right + 1) return false;
    }
    return true;
  }

  // render lays the rows out in cols columns at size px.
  function render(state, cols, size) {
    const scale = Math.max(state.d, 1, ...state.standings.map((s) => s.votes));
    const per = Math.ceil(state.standings.length / cols) || 1;
    board.style.setProperty("--columns", cols);
    board.style.setProperty("--size", size + "px");
    board.replaceChildren();
    for (let c = 0; c < cols; c++) {
      const t = table();
      state.standings.slice(c * per, (c + 1) * per).forEach((s) => t.tBodies[0].append(row(s, state, scale)));
      if (t.tBodies[0].rows.length) board.append(t);
    }
    board.dataset.columns = cols;
  }

  // layout tries 1 to 8 columns and, for each, the largest font size that
  // fits; it keeps the largest size of all. The choice is kept while it
  // still fits the same list on the same screen.
  let chosen = null;
  function layout(state) {
    const n = state.standings.length;
    const key = n + "/" + innerWidth + "x" + innerHeight;
    if (chosen && chosen.key === key) {
      render(state, chosen.cols, chosen.size);
      if (fits()) return;
    }
    let best = null;
    for (let cols = 1; cols <= 8; cols++) {
      if (best && Math.ceil(n / (cols - 1)) === Math.ceil(n / cols)) continue;
      render(state, cols, 6);
      if (!fits()) continue;
      let lo = 6, hi = 64;
      while (hi - lo > 0.5) {
        const mid = (lo + hi) / 2;
        board.style.setProperty("--size", mid + "px");
        if (fits()) lo = mid; else hi = mid;
      }
      if (!best || lo > best.size + 0.01) best = { cols, size: lo };
    }
    if (!best) best = { cols: 8, size: 6 };
    chosen = { key, cols: best.cols, size: best.size };
    render(state, best.cols, best.size);
  }

  function show(state) {
    last = state;
    $("collected").textContent = state.collected;
    $("valid").textContent = state.valid;
    $("invalid").textContent = state.invalid;
    $("d").textContent = state.d;
    $("threshold").textContent = state.threshold;
    $("head").textContent = state.head_grouped;
    const rule = $("rule");
    rule.textContent = body.dataset.rule.replace("{d}", state.d).replace("{t}", state.threshold) +
      (state.closed ? " " + body.dataset.sealed : "");
    rule.classList.toggle("sealed", !!state.closed);
    layout(state);
  }

  addEventListener("resize", () => { if (last) layout(last); });
  const events = new EventSource("/events");
  events.addEventListener("state", (ev) => show(JSON.parse(ev.data)));
})();

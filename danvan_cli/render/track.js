// danvan track report: summary cards, the cascade, a sortable table. No network, no libraries.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("danvan-data").textContent);
  var L = data.labels, T = data.labels.text;
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) if (attrs[k] !== null && attrs[k] !== undefined) e.setAttribute(k, attrs[k]);
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  var root = data.root;
  document.getElementById("meta").textContent =
    (root.date || "—") + " · " + (root.issuer || "—") + " · " + (root.title || "") +
    (root.in_corpus ? "" : " · ◌ " + T.not_in_corpus) + " · " + T.as_of + " " + data.as_of +
    (data.territory ? " · " + data.territory : "");
  var notes = document.getElementById("notes");
  data.notes_text.forEach(function (n) { notes.appendChild(el("p", {"class": "note"}, n)); });

  // Summary
  var s = data.summary, cards = document.getElementById("summary");
  function card(label, value, cls) {
    var c = el("div", {"class": "card " + (cls || ""), "data-key": label});
    c.appendChild(el("b", null, value === null ? "—" : value));
    c.appendChild(el("span", null, label));
    cards.appendChild(c);
  }
  if (data.expected_readable) {
    card(T.card_units, s.units);
    card(T.card_plan, s.with_plan, "ok");
    card(T.card_none, s.no_document, s.no_document ? "bad" : "");
    card(T.card_median, s.median_lag_days);
    card(T.card_overdue, s.overdue, s.overdue ? "bad" : "");
    card(T.card_unasked, s.unasked);
  } else {
    card(T.card_documents, s.documents);
    card(T.card_median, s.median_lag_days);
  }
  document.getElementById("notes").appendChild(el("p", {"class": "note summary"}, data.summary_text));

  // Cascade: root, then each unit with its documents and those below it (or by level).
  var cascade = document.getElementById("cascade");
  var top = el("li");
  top.appendChild(el("span", {"class": "doc"}, (root.doc_type || "") + " " + (root.number || "") + " — " + (root.issuer || "")));
  var ul = el("ul");
  top.appendChild(ul);
  cascade.appendChild(top);
  function docText(d) {
    return d.label + "  " + d.date_text + "  " + (d.issuer || "—") +
      (d.lag_days === null ? "" : "  (" + d.lag_text + " " + T.days_after + ")") +
      (d.how && d.how !== "directly" ? "  [" + d.relation_text + "]" : "");
  }
  var shown = 0;
  if (data.expected_readable) {
    data.units.forEach(function (u) {
      if (!u.documents.length && !u.cited_only.length && !u.below.length) return;
      var li = el("li", {"class": "unit"});
      li.appendChild(el("span", {"class": "doc"}, u.unit));
      var sub = el("ul");
      u.documents.concat(u.cited_only).forEach(function (d) { sub.appendChild(el("li", {"class": d.source ? "" : "stub"}, docText(d))); shown++; });
      u.below.forEach(function (d) { sub.appendChild(el("li", null, "└ " + docText(d))); shown++; });
      li.appendChild(sub);
      ul.appendChild(li);
    });
  } else {
    ["central", "province", "district", "commune", "?"].forEach(function (tier) {
      var docs = data.cascade.filter(function (d) { return d.tier === tier && d.source; });
      if (!docs.length) return;
      var li = el("li");
      li.appendChild(el("span", {"class": "doc"}, L.level[tier] || "—"));
      var sub = el("ul");
      docs.forEach(function (d) { sub.appendChild(el("li", null, docText(d))); shown++; });
      li.appendChild(sub);
      ul.appendChild(li);
    });
  }
  cascade.setAttribute("data-rendered-documents", shown);

  // Table
  var cols, rows;
  if (data.expected_readable) {
    cols = [["unit", T.col_unit, "text"], ["level", T.col_level, "text"], ["status", T.col_status, "text"],
            ["document", T.col_document, "text"], ["date", T.col_date, "text"], ["lag", T.col_lag, "num"],
            ["next", T.col_next, "text"], ["overdue", T.col_overdue, "num"]];
    rows = data.units.map(function (u) {
      return {unit: u.unit, level: u.level_text, status: u.status, document: u.document_label || "—",
              date: u.date_text, lag: u.lag_days, lag_text: u.lag_text, next: u.next_text,
              next_status: u.next_deadline ? u.next_deadline.status : "", overdue: u.overdue};
    });
  } else {
    document.getElementById("table-title").textContent = T.by_level;
    cols = [["unit", T.col_unit, "text"], ["level", T.col_level, "text"], ["status", T.col_status, "text"],
            ["document", T.col_document, "text"], ["date", T.col_date, "text"], ["lag", T.col_lag, "num"],
            ["how", T.col_relation, "text"]];
    rows = data.cascade.filter(function (d) { return d.source; }).map(function (d) {
      return {unit: d.issuer || "—", level: d.level_text, status: "acted", document: d.label, date: d.date_text,
              lag: d.lag_days, lag_text: d.lag_text, how: d.relation_text};
    });
  }
  var head = document.getElementById("head"), body = document.getElementById("rows");
  cols.forEach(function (c) { head.appendChild(el("th", {"data-col": c[0]}, c[1])); });
  function draw() {
    body.textContent = "";
    rows.forEach(function (r) {
      var tr = el("tr", {"class": r.status});
      cols.forEach(function (c) {
        var v = r[c[0]];
        var td = el("td", {"class": c[2] === "num" ? "num" : null, "data-col": c[0]});
        if (c[0] === "status") {
          td.appendChild(el("span", {"class": "st " + v}, L.status[v] || v));
        } else if (c[0] === "lag") {
          td.textContent = r.lag_text || "—";  // the same marks as the terminal: ≥ for a lag from a partial date
        } else if (c[0] === "next") {
          td.textContent = v || "—";
          if (r.next_status) td.className = "due-" + r.next_status;
        } else {
          td.textContent = (v === null || v === undefined || v === "") ? "—" : v;
        }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    document.getElementById("units").setAttribute("data-rendered-rows", rows.length);
  }
  var state = {col: null, dir: 1};
  function sortBy(col, dir) {
    var kind = (cols.filter(function (c) { return c[0] === col; })[0] || [null, null, "text"])[2];
    rows.sort(function (a, b) {
      var x = a[col], y = b[col];
      var xe = x === null || x === undefined || x === "", ye = y === null || y === undefined || y === "";
      if (xe || ye) return xe === ye ? 0 : (xe ? 1 : -1);  // blanks last, either way
      if (kind === "num") return dir * (x - y);
      return dir * String(x).localeCompare(String(y), "vi");
    });
    state = {col: col, dir: dir};
    Array.prototype.forEach.call(head.children, function (th) {
      th.className = th.getAttribute("data-col") === col ? (dir > 0 ? "sorted-asc" : "sorted-desc") : "";
    });
    document.getElementById("units").setAttribute("data-sorted-by", (dir > 0 ? "" : "-") + col);
    draw();
  }
  head.addEventListener("click", function (ev) {
    var col = ev.target.getAttribute && ev.target.getAttribute("data-col");
    if (col) sortBy(col, state.col === col ? -state.dir : 1);
  });
  var m = /(?:^|[#&])sort=(-?)(\w+)/.exec(location.hash);
  if (m) sortBy(m[2], m[1] ? -1 : 1); else draw();

  // Unasked
  if (data.expected_readable && data.unasked.length) {
    var sec = document.getElementById("unasked-section"), tb = document.getElementById("unasked");
    sec.hidden = false;
    data.unasked.forEach(function (d) {
      var tr = el("tr", {"class": "unasked"});
      [d.level_text, d.issuer || "—", d.label, d.date_text, d.lag_text].forEach(function (v) { tr.appendChild(el("td", null, v)); });
      tb.appendChild(tr);
    });
  }
  document.body.setAttribute("data-ready", "1");
})();

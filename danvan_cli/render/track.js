// danvan track report: summary cards, the cascade, a sortable table. No network, no libraries.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("danvan-data").textContent);
  var L = data.labels;
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) if (attrs[k] !== null && attrs[k] !== undefined) e.setAttribute(k, attrs[k]);
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  var root = data.root;
  document.getElementById("meta").textContent =
    (root.date || "?") + " · " + (root.issuer || "?") + " · " + (root.title || "") +
    (root.in_corpus ? "" : " · ◌ not in corpus") + " · as of " + data.as_of +
    (data.territory ? " · " + data.territory : "");
  var notes = document.getElementById("notes");
  data.notes.forEach(function (n) { notes.appendChild(el("p", {"class": "note"}, n)); });

  // Summary
  var s = data.summary, cards = document.getElementById("summary");
  function card(label, value, cls) {
    var c = el("div", {"class": "card " + (cls || ""), "data-key": label});
    c.appendChild(el("b", null, value === null ? "—" : value));
    c.appendChild(el("span", null, label));
    cards.appendChild(c);
  }
  if (data.expected_readable) {
    card("đơn vị được giao (units)", s.units);
    card("có kế hoạch (with a plan)", s.with_plan, "ok");
    card("không có văn bản (no document)", s.no_document, s.no_document ? "bad" : "");
    card("độ trễ trung vị, ngày (median lag)", s.median_lag_days);
    card("quá hạn (overdue)", s.overdue, s.overdue ? "bad" : "");
    card("không được giao (unasked)", s.unasked);
  } else {
    card("văn bản thực hiện (documents)", s.documents);
    card("độ trễ trung vị, ngày (median lag)", s.median_lag_days);
  }

  // Cascade: root, then each unit with its documents and those below it (or by level).
  var cascade = document.getElementById("cascade");
  var top = el("li");
  top.appendChild(el("span", {"class": "doc"}, (root.doc_type || "") + " " + (root.number || "") + " — " + (root.issuer || "")));
  var ul = el("ul");
  top.appendChild(ul);
  cascade.appendChild(top);
  function docText(d) {
    return (d.label || ((d.doc_type || "Văn bản") + " " + (d.number || "(không số)"))) + "  " + (d.date || "?") +
      "  " + (d.issuer || "?") + (d.lag_days === null ? "" : "  (+" + d.lag_days + " ngày)") +
      (d.how && d.how !== "directly" ? "  [" + d.how + "]" : "");
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
      li.appendChild(el("span", {"class": "doc"}, L.level[tier] || tier));
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
    cols = [["unit", "Đơn vị", "text"], ["level", "Cấp", "text"], ["status", "Trạng thái", "text"],
            ["document", "Văn bản", "text"], ["date", "Ngày", "text"], ["lag", "Trễ (ngày)", "num"],
            ["next", "Hạn kế tiếp", "text"], ["overdue", "Quá hạn", "num"]];
    rows = data.units.map(function (u) {
      var d = u.document || {};
      return {unit: u.unit, level: L.level[u.level] || u.level || "", status: u.status, document: u.document_label || "—",
              date: d.date || "", lag: u.lag_days, next: u.next_text, next_status: u.next_deadline ? u.next_deadline.status : "",
              overdue: u.overdue};
    });
  } else {
    document.getElementById("table-title").textContent = "Văn bản thực hiện, theo cấp (documents carrying it out, by level)";
    cols = [["unit", "Đơn vị", "text"], ["level", "Cấp", "text"], ["status", "Trạng thái", "text"],
            ["document", "Văn bản", "text"], ["date", "Ngày", "text"], ["lag", "Trễ (ngày)", "num"], ["how", "Quan hệ", "text"]];
    rows = data.cascade.filter(function (d) { return d.source; }).map(function (d) {
      return {unit: d.issuer || "?", level: L.level[d.tier] || d.tier, status: "acted", document: d.label, date: d.date || "",
              lag: d.lag_days, how: d.relation + " (" + d.how + ")"};
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
          td.appendChild(el("span", {"class": "st " + v}, (L.status[v] || (v === "acted" ? "có văn bản" : v))));
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
      [L.level[(d.level || "").replace("party-", "")] || d.level, d.issuer, (d.doc_type || "") + " " + (d.number || ""), d.date || "?",
       d.lag_days === null ? "—" : d.lag_days].forEach(function (v) { tr.appendChild(el("td", null, v)); });
      tb.appendChild(tr);
    });
  }
  document.body.setAttribute("data-ready", "1");
})();

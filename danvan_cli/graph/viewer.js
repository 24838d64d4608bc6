// danvan graph viewer: lays the documents out in bands by administrative level
// (central, province, district, commune), draws the citations between them and shows a
// document's details on click. No libraries, no network: the page must work offline.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("danvan-data").textContent);
  var SVG = "http://www.w3.org/2000/svg";
  var BANDS = [
    { key: "central", label: "Trung ương" },
    { key: "province", label: "Tỉnh / Thành phố" },
    { key: "district", label: "Huyện / Quận" },
    { key: "commune", label: "Xã / Phường" },
    { key: "unknown", label: "Chưa rõ cấp" }
  ];
  var REL_LABEL = { implements: "thực hiện", directs: "chỉ đạo thực hiện", based_on: "căn cứ",
                    amends: "sửa đổi", replaces: "thay thế", cites: "dẫn chiếu" };
  var W = 188, H = 50, GX = 16, GY = 22, PADL = 150, PADT = 16, PER_ROW = 14;

  function tier(level) {
    if (!level) return "unknown";
    var keys = ["central", "province", "district", "commune"];
    for (var i = 0; i < keys.length; i++) {
      var k = keys[i];
      if (level === k || level.slice(-k.length - 1) === "-" + k) return k;
    }
    return "unknown";
  }
  function el(name, attrs, parent) {
    var e = document.createElementNS(SVG, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  function clip(s, n) { s = s || ""; return s.length > n ? s.slice(0, n - 1) + "…" : s; }

  var nodes = data.nodes, edges = data.edges || data.links || [];
  var byId = {};
  nodes.forEach(function (n) { byId[n.id] = n; n._in = []; n._out = []; });
  edges.forEach(function (e) {
    if (byId[e.source] && byId[e.target]) { byId[e.source]._out.push(e); byId[e.target]._in.push(e); }
  });

  // Assign bands; order each band by the mean x of what its documents carry out, so
  // plans sit under their directive and lines cross less.
  var bands = {};
  BANDS.forEach(function (b) { bands[b.key] = []; });
  nodes.forEach(function (n) { bands[tier(n.level)].push(n); });
  var y = PADT, maxX = 0, bandBoxes = [];
  BANDS.forEach(function (b) {
    var list = bands[b.key];
    if (!list.length) return;
    list.forEach(function (n) {
      var xs = n._out.map(function (e) { return byId[e.target]._x; }).filter(function (x) { return x !== undefined; });
      n._key = xs.length ? xs.reduce(function (a, c) { return a + c; }, 0) / xs.length : 1e9;
    });
    list.sort(function (a, c) {
      return (a._key - c._key) || ((a.root ? 0 : 1) - (c.root ? 0 : 1)) || String(a.id).localeCompare(String(c.id));
    });
    var rows = Math.ceil(list.length / PER_ROW);
    var top = y;
    list.forEach(function (n, i) {
      var r = Math.floor(i / PER_ROW), c = i % PER_ROW;
      n._x = PADL + c * (W + GX);
      n._y = y + r * (H + GY) + 8;
      maxX = Math.max(maxX, n._x + W);
    });
    y += rows * (H + GY) + 24;
    bandBoxes.push({ label: b.label, top: top, bottom: y - 12, count: list.length });
  });

  var svg = document.getElementById("graph");
  svg.setAttribute("width", Math.max(maxX + 20, 600));
  svg.setAttribute("height", y + 10);
  var gb = el("g", {}, svg), ge = el("g", {}, svg), gn = el("g", {}, svg);
  bandBoxes.forEach(function (bb) {
    el("rect", { "class": "band", x: 4, y: bb.top, width: Math.max(maxX + 12, 590), height: bb.bottom - bb.top, rx: 6 }, gb);
    var t = el("text", { "class": "band-label", x: 12, y: bb.top + 20 }, gb);
    t.textContent = bb.label + " (" + bb.count + ")";
  });

  var edgeEls = [];
  edges.forEach(function (e) {
    var a = byId[e.source], b = byId[e.target];
    if (!a || !b) return;
    var x1 = a._x + W / 2, y1 = a._y, x2 = b._x + W / 2, y2 = b._y + H;
    if (a._y < b._y) { y1 = a._y + H; y2 = b._y; }
    var my = (y1 + y2) / 2;
    var p = el("path", { "class": "edge-line", d: "M" + x1 + "," + y1 + " C" + x1 + "," + my + " " + x2 + "," + my + " " + x2 + "," + y2,
                         stroke: "var(--" + (e.relation || "cites") + ", #999)" }, ge);
    var tt = el("title", {}, p); tt.textContent = (REL_LABEL[e.relation] || e.relation) + ": " + (e.evidence || "");
    edgeEls.push({ e: e, el: p });
  });

  var nodeEls = {};
  nodes.forEach(function (n) {
    var cls = "node" + (n.in_corpus ? "" : " stub") + (n.root ? " root" : "");
    var g = el("g", { "class": cls, transform: "translate(" + n._x + "," + n._y + ")", "data-id": n.id, tabindex: 0 }, gn);
    el("rect", { width: W, height: H }, g);
    var head = n.number ? [n.doc_type, n.number].filter(Boolean).join(" ") : (n.doc_type || "Văn bản") + " (không số)";
    var t1 = el("text", { x: 6, y: 15 }, g); t1.textContent = clip(head + (n.in_corpus ? "" : " ◌"), 30);
    var t2 = el("text", { x: 6, y: 29 }, g); t2.textContent = clip([n.date || n.year, n.issuer].filter(Boolean).join(" · "), 30);
    var t3 = el("text", { x: 6, y: 43, "class": "title" }, g); t3.textContent = clip(n.title || "", 32);
    g.addEventListener("click", function () { select(n.id); });
    g.addEventListener("keydown", function (ev) { if (ev.key === "Enter") select(n.id); });
    nodeEls[n.id] = g;
  });

  function row(dl, k, v) {
    if (v === null || v === undefined || v === "" || (Array.isArray(v) && !v.length)) return;
    var dt = document.createElement("dt"); dt.textContent = k; dl.appendChild(dt);
    var dd = document.createElement("dd"); dd.textContent = Array.isArray(v) ? v.join("; ") : String(v); dl.appendChild(dd);
  }
  function edgeList(box, title, list, other) {
    if (!list.length) return;
    var h = document.createElement("h3"); h.textContent = title + " (" + list.length + ")"; box.appendChild(h);
    list.forEach(function (e) {
      var d = document.createElement("div"); d.className = "edge";
      var o = byId[e[other]];
      var a = document.createElement("a"); a.href = "#"; a.textContent = [o.doc_type, o.number].filter(Boolean).join(" ") || o.id;
      a.addEventListener("click", function (ev) { ev.preventDefault(); select(o.id); });
      d.appendChild(a);
      d.appendChild(document.createTextNode(" — " + (REL_LABEL[e.relation] || e.relation)));
      if (e.evidence) { var q = document.createElement("div"); q.className = "hint"; q.textContent = "“" + e.evidence + "”"; d.appendChild(q); }
      box.appendChild(d);
    });
  }
  function select(id) {
    var n = byId[id];
    Object.keys(nodeEls).forEach(function (k) { nodeEls[k].classList.toggle("selected", k === id); });
    edgeEls.forEach(function (x) { x.el.classList.toggle("dim", x.e.source !== id && x.e.target !== id); });
    var box = document.getElementById("details");
    box.innerHTML = "";
    var h = document.createElement("h2"); h.textContent = [n.doc_type, n.number].filter(Boolean).join(" ") || n.id; box.appendChild(h);
    var dl = document.createElement("dl"); box.appendChild(dl);
    row(dl, "Ngày", n.date); row(dl, "Cơ quan", n.issuer); row(dl, "Cấp", n.level); row(dl, "Địa bàn", n.place);
    row(dl, "Trích yếu", n.title); row(dl, "Trong kho", n.in_corpus ? "có" : "không (chỉ được dẫn chiếu)");
    row(dl, "Tệp", n.sources && n.sources.length ? n.sources : n.source); row(dl, "Được dẫn", n.cited_by);
    row(dl, "Khóa", n.id);
    (n.warnings || []).forEach(function (w) { var p = document.createElement("p"); p.className = "warn"; p.textContent = "⚠ " + w; box.appendChild(p); });
    edgeList(box, "Thực hiện / dựa trên", n._out, "target");
    edgeList(box, "Được thực hiện bởi", n._in, "source");
  }

  var legend = document.getElementById("legend");
  Object.keys(REL_LABEL).forEach(function (r) {
    if (!edges.some(function (e) { return e.relation === r; })) return;
    var s = document.createElement("span");
    var i = document.createElement("i"); i.style.background = "var(--" + r + ")"; s.appendChild(i);
    s.appendChild(document.createTextNode(REL_LABEL[r])); legend.appendChild(s);
  });
  document.getElementById("meta").textContent = nodes.length + " văn bản, " + edges.length + " liên kết";
  var root = nodes.filter(function (n) { return n.root; })[0];
  if (root) select(root.id);
  document.body.setAttribute("data-rendered-nodes", String(gn.childNodes.length));
})();

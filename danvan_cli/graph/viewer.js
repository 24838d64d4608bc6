// danvan graph viewer. The layout is ELK's layered algorithm (vendored, inlined before this
// script): each document sits in the lane of its administrative level, the root alone in the
// first row on top, a lane wraps into rows that fit the window, and ELK orders each row and
// routes the citations orthogonally between the rows and around the boxes. This script only
// prepares ELK's input (lanes, rows, order) and draws what ELK returns. No network.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("danvan-data").textContent);
  var SVG = "http://www.w3.org/2000/svg";
  var LANES = ["Trung ương", "Tỉnh / Thành phố", "Huyện / Quận", "Xã / Phường", "Chưa rõ cấp"];
  var UNKNOWN = 4;
  var REL_LABEL = { implements: "thực hiện", directs: "chỉ đạo thực hiện", based_on: "căn cứ",
                    amends: "sửa đổi", replaces: "thay thế", cites: "dẫn chiếu", proposal: "đề nghị" };
  // Box size: three lines of 13 px text, wide enough for a number and a short issuer.
  var W = 236, H = 66, GAP = 22, MARGIN = 14, CHARS = 31;

  var nodes = data.nodes, edges = data.edges || data.links || [];
  var byId = {};
  nodes.forEach(function (n) { byId[n.id] = n; n._in = []; n._out = []; });
  edges = edges.filter(function (e) { return byId[e.source] && byId[e.target] && e.source !== e.target; });
  // An edge runs from the citing document to the cited one: _out = what n carries out, _in = its citers.
  edges.forEach(function (e) { byId[e.source]._out.push(e); byId[e.target]._in.push(e); });

  function el(name, attrs, parent) {
    var e = document.createElementNS(SVG, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  function clip(s, n) { s = s || ""; return s.length > n ? s.slice(0, n - 1) + "…" : s; }
  function fold(s) {
    return String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  function laneOfLevel(level) {
    if (!level) return null;
    var keys = ["central", "province", "district", "commune"];
    for (var i = 0; i < keys.length; i++) {
      if (level === keys[i] || level.slice(-keys[i].length - 1) === "-" + keys[i]) return i;
    }
    return null;
  }
  function head(n) {
    if (n.number) return [n.doc_type, n.number].filter(Boolean).join(" ");
    return (n.doc_type || "Văn bản") + " (không số)";
  }

  // ---- lanes: the level's lane; a document of unknown level goes just under what it
  // carries out, or just over what carries it out; the root heads the topmost lane it needs.
  nodes.forEach(function (n) { n._lane = laneOfLevel(n.level); });
  for (var pass = 0; pass < 3; pass++) {
    nodes.forEach(function (n) {
      if (laneOfLevel(n.level) !== null) return;
      var up = n._out.map(function (e) { return byId[e.target]._lane; }).filter(function (x) { return x !== null && x < UNKNOWN; });
      var down = n._in.map(function (e) { return byId[e.source]._lane; }).filter(function (x) { return x !== null && x < UNKNOWN; });
      if (up.length) n._lane = Math.min(3, Math.max.apply(null, up) + 1);
      else if (down.length) n._lane = Math.max(0, Math.min.apply(null, down) - 1);
    });
  }
  nodes.forEach(function (n) { if (n._lane === null) n._lane = UNKNOWN; });
  var root = nodes.filter(function (n) { return n.root; })[0] || null;
  // Documents the root rests on (walking up: depth < 0) stand above it; the rest below.
  nodes.forEach(function (n) { n._group = typeof n.depth === "number" && n.depth < 0 ? 0 : 1; });
  if (root) {
    var below = nodes.filter(function (n) { return n !== root && n._group === 1; }).map(function (n) { return n._lane; });
    root._lane = Math.min.apply(null, [root._lane].concat(below));
  }

  // ---- order: depth-first from the root (then from every document nothing above it cites),
  // citers in date order, so a plan's own plans sit together in its lane.
  var order = 0;
  function visit(n) {
    if (n._order !== undefined) return;
    n._order = order++;
    n._in.map(function (e) { return byId[e.source]; })
      .sort(function (a, b) { return (a._lane - b._lane) || String(a.date || "").localeCompare(String(b.date || "")) || String(a.id).localeCompare(String(b.id)); })
      .forEach(visit);
  }
  if (root) visit(root);
  nodes.filter(function (n) { return !n._out.length; }).forEach(visit);
  nodes.forEach(visit);

  // Rank: the longest chain of citations above a document (what it carries out, and so on),
  // so that inside a lane what is carried out comes in an earlier row than what carries it out.
  function rankOf(n, stack) {
    if (n._rank !== undefined) return n._rank;
    if (stack[n.id]) return 0;  // a cycle of citations: cut it here
    stack[n.id] = true;
    var r = 0;
    n._out.forEach(function (e) { r = Math.max(r, rankOf(byId[e.target], stack) + 1); });
    delete stack[n.id];
    n._rank = r;
    return r;
  }
  nodes.forEach(function (n) { rankOf(n, {}); });

  var laneMembers = {};
  nodes.forEach(function (n) {
    if (n === root) return;
    var key = n._group * 10 + n._lane;
    (laneMembers[key] = laneMembers[key] || []).push(n);
  });
  var laneKeys = Object.keys(laneMembers).map(Number);
  if (root) laneKeys.push(10 + root._lane);
  laneKeys = laneKeys.filter(function (k, i, a) { return a.indexOf(k) === i; }).sort(function (a, b) { return a - b; });

  // ---- rows of at most `perRow` boxes; partitions number the rows top to bottom.
  function assignRows(perRow) {
    var part = 0, rows = [];
    laneKeys.forEach(function (key) {
      if (root && key === 10 + root._lane) { root._part = part++; rows.push({ key: key, nodes: [root] }); }
      var list = (laneMembers[key] || []).slice().sort(function (a, b) { return (a._rank - b._rank) || (a._order - b._order); });
      for (var i = 0; i < list.length; i += perRow) {
        var row = list.slice(i, i + perRow);
        row.forEach(function (n) { n._part = part; });
        rows.push({ key: key, nodes: row });
        part++;
      }
    });
    return rows;
  }

  function elkGraph() {
    return {
      id: "graph",
      layoutOptions: {
        "elk.algorithm": "layered",
        "elk.direction": "DOWN",
        "elk.partitioning.activate": "true",
        "elk.edgeRouting": "ORTHOGONAL",
        "elk.spacing.nodeNode": String(GAP),
        "elk.layered.spacing.nodeNodeBetweenLayers": "46",
        "elk.spacing.edgeNode": "12",
        "elk.spacing.edgeEdge": "6",
        "elk.layered.spacing.edgeNodeBetweenLayers": "14",
        "elk.layered.spacing.edgeEdgeBetweenLayers": "6",
        "elk.layered.nodePlacement.strategy": "SIMPLE",
        "elk.layered.mergeEdges": "true",
        "elk.padding": "[top=34,left=" + MARGIN + ",bottom=" + MARGIN + ",right=" + MARGIN + "]"
      },
      children: nodes.slice().sort(function (a, b) { return (a._part - b._part) || (a._order - b._order); }).map(function (n) {
        return { id: n.id, width: W, height: H, layoutOptions: { "elk.partitioning.partition": String(n._part) } };
      }),
      // ELK draws edges downward: from the cited document (above) to the one citing it.
      edges: edges.map(function (e, i) { return { id: "e" + i, sources: [e.target], targets: [e.source] }; })
    };
  }

  var canvas = document.getElementById("canvas");
  var svg = document.getElementById("graph");
  var zoom = 1, laid = null, nodeEls = {}, edgeEls = [], matches = [], matchAt = -1;

  // At most this many rows in all: every citation that skips rows costs ELK a point per row
  // it passes, so a tall drawing of a large graph takes minutes. A graph of more than
  // MAX_ROWS × (boxes that fit across) documents gets wider rows (and a sideways scroll).
  var MAX_ROWS = 40, TRIES = 3;

  function layoutFitting(elk) {
    var avail = Math.max(W + 2 * MARGIN, canvas.clientWidth - 4);
    var fit = Math.max(1, Math.floor((avail - 2 * MARGIN + GAP) / (W + GAP)));
    var perRow = Math.max(fit, Math.ceil(nodes.length / MAX_ROWS));
    function attempt(k, left) {
      var rows = assignRows(k);
      return elk.layout(elkGraph()).then(function (res) {
        // Lines passing a row widen it: fewer boxes per row until the drawing fits the window
        // (a row of k boxes that came out w wide holds about k·avail/w).
        if (res.width > avail && k > 1 && left > 0 && k <= fit) {
          return attempt(Math.max(1, Math.min(k - 1, Math.floor(k * avail / res.width))), left - 1);
        }
        return { res: res, rows: rows, perRow: k };
      });
    }
    return attempt(perRow, TRIES);
  }

  function draw(result) {
    laid = result;
    var res = result.res;
    svg.innerHTML = "";
    var width = Math.max(res.width, 320), height = res.height;
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.dataset.width = width; svg.dataset.height = height;
    var gb = el("g", {}, svg), ge = el("g", {}, svg), gn = el("g", {}, svg);
    var defs = el("defs", {}, svg);
    Object.keys(REL_LABEL).forEach(function (r) {
      // At the path's start (the cited document's box), pointing into it: "carries out".
      var m = el("marker", { id: "arrow-" + r, viewBox: "0 0 10 10", refX: "10", refY: "5", markerWidth: "7", markerHeight: "7",
                             orient: "auto-start-reverse" }, defs);
      el("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "var(--" + r + ", #999)" }, m);
    });
    var pos = {};
    res.children.forEach(function (c) { pos[c.id] = c; });

    // Bands: one per lane (rows of one level), with its count.
    var bands = {};
    result.rows.forEach(function (row) {
      var b = bands[row.key] = bands[row.key] || { key: row.key, top: Infinity, bottom: -Infinity, count: 0 };
      row.nodes.forEach(function (n) {
        b.top = Math.min(b.top, pos[n.id].y); b.bottom = Math.max(b.bottom, pos[n.id].y + H); b.count++;
      });
    });
    Object.keys(bands).map(function (k) { return bands[k]; }).sort(function (a, b) { return a.top - b.top; }).forEach(function (b) {
      var top = b.top - 28;
      el("rect", { "class": "band", x: 2, y: top, width: width - 4, height: b.bottom - top + 8, rx: 6 }, gb);
      var t = el("text", { "class": "band-label", x: 10, y: top + 17 }, gb);
      t.textContent = LANES[b.key % 10] + " (" + b.count + ")" + (b.key < 10 ? " — văn bản gốc dựa trên" : "");
    });

    edgeEls = [];
    res.edges.forEach(function (re, i) {
      var e = edges[i];
      (re.sections || []).forEach(function (s) {
        var pts = [s.startPoint].concat(s.bendPoints || [], [s.endPoint]);
        var d = pts.map(function (p, j) { return (j ? "L" : "M") + p.x.toFixed(1) + "," + p.y.toFixed(1); }).join(" ");
        var rel = e.relation || "cites";
        var p = el("path", { "class": "edge-line" + (e.via ? " via" : ""), d: d, stroke: "var(--" + rel + ", #999)",
                             "marker-start": "url(#arrow-" + rel + ")", "data-source": e.source, "data-target": e.target }, ge);
        var tt = el("title", {}, p);
        tt.textContent = head(byId[e.source]) + " → " + head(byId[e.target]) + ": " + (REL_LABEL[rel] || rel) + (e.evidence ? " — " + e.evidence : "");
        edgeEls.push({ e: e, el: p });
      });
    });

    nodeEls = {};
    nodes.forEach(function (n) {
      var c = pos[n.id];
      var cls = "node" + (n.in_corpus ? "" : " stub") + (n.root ? " root" : "") + (n.number ? "" : " unnumbered");
      var g = el("g", { "class": cls, transform: "translate(" + c.x.toFixed(1) + "," + c.y.toFixed(1) + ")",
                        "data-id": n.id, "data-w": W, "data-h": H, tabindex: 0 }, gn);
      el("rect", { width: W, height: H }, g);
      var t1 = el("text", { x: 8, y: 19, "class": "head" }, g); t1.textContent = clip(head(n) + (n.in_corpus ? "" : " ◌"), CHARS - 3);
      var t2 = el("text", { x: 8, y: 38 }, g); t2.textContent = clip([n.date || n.year, n.issuer].filter(Boolean).join(" · "), CHARS);
      var t3 = el("text", { x: 8, y: 57, "class": "title" }, g); t3.textContent = clip(n.title || "", CHARS);
      var tip = el("title", {}, g); tip.textContent = [head(n), n.date, n.issuer, n.title].filter(Boolean).join("\n");
      g.addEventListener("click", function () { select(n.id); });
      g.addEventListener("keydown", function (ev) { if (ev.key === "Enter") select(n.id); });
      nodeEls[n.id] = g;
    });
    applyZoom();
    document.body.setAttribute("data-rows-per-lane", String(result.perRow));
    // What a reader gets, for the browser tests: sideways scrolling at 100 %, the smallest text.
    document.body.setAttribute("data-sideways-scroll", String(canvas.scrollWidth > canvas.clientWidth));
    var sizes = Array.prototype.map.call(svg.querySelectorAll("text"), function (t) { return parseFloat(getComputedStyle(t).fontSize); });
    document.body.setAttribute("data-min-font-px", String(Math.min.apply(null, sizes)));
    document.body.setAttribute("data-rendered-nodes", String(gn.childNodes.length));
  }

  // ---- zoom: 100 % keeps the text at its size (13 px); "fit" shows the whole drawing.
  function applyZoom() {
    if (!laid) return;
    svg.setAttribute("width", (Number(svg.dataset.width) * zoom).toFixed(0));
    svg.setAttribute("height", (Number(svg.dataset.height) * zoom).toFixed(0));
    document.getElementById("zoom-level").textContent = Math.round(zoom * 100) + "%";
  }
  function setZoom(z) { zoom = Math.max(0.2, Math.min(3, z)); applyZoom(); }
  document.getElementById("zoom-in").addEventListener("click", function () { setZoom(zoom * 1.25); });
  document.getElementById("zoom-out").addEventListener("click", function () { setZoom(zoom / 1.25); });
  document.getElementById("zoom-fit").addEventListener("click", function () {
    var w = Number(svg.dataset.width), h = Number(svg.dataset.height);
    setZoom(Math.min(1, (canvas.clientWidth - 8) / w, (canvas.clientHeight - 8) / h));
  });
  document.getElementById("zoom-reset").addEventListener("click", function () { setZoom(1); });
  canvas.addEventListener("wheel", function (ev) {
    if (!ev.ctrlKey) return;
    ev.preventDefault();
    setZoom(zoom * (ev.deltaY < 0 ? 1.1 : 1 / 1.1));
  }, { passive: false });

  // ---- search: number, type, issuer, date, title; accents and case do not matter.
  var search = document.getElementById("search");
  function runSearch() {
    var q = fold(search.value).trim();
    matches = [];
    matchAt = -1;
    nodes.forEach(function (n) {
      var hit = q && fold([n.doc_type, n.number, n.issuer, n.date, n.title, n.place].join(" ")).indexOf(q) >= 0;
      if (hit) matches.push(n.id);
      if (nodeEls[n.id]) {
        nodeEls[n.id].classList.toggle("match", !!hit);
        nodeEls[n.id].classList.toggle("faded", !!q && !hit);
      }
    });
    document.getElementById("search-count").textContent = q ? matches.length + " văn bản" : "";
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" || !matches.length) return;
    matchAt = (matchAt + 1) % matches.length;
    select(matches[matchAt]);
    nodeEls[matches[matchAt]].scrollIntoView({ block: "center", inline: "center" });
  });

  // ---- details
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
      var a = document.createElement("a"); a.href = "#"; a.textContent = head(o) + (o.number ? "" : " — " + (o.issuer || ""));
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
    var h = document.createElement("h2"); h.textContent = head(n); box.appendChild(h);
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

  function fail(err) {
    document.body.setAttribute("data-layout-error", String(err && err.message || err));
    document.getElementById("details").textContent = "Không vẽ được đồ thị: " + (err && err.message || err);
  }
  if (typeof ELK === "undefined") { fail("ELK is missing"); return; }
  var meta = document.getElementById("meta"), counts = meta.textContent;
  meta.textContent = counts + " — đang sắp xếp…";  // a large graph takes seconds
  layoutFitting(new ELK()).then(function (result) {
    meta.textContent = counts;
    draw(result);
    if (root) select(root.id);
    if (/\bfit\b/.test(location.hash)) document.getElementById("zoom-fit").click();  // page.html#fit
  }).catch(fail);
})();

/* kg viewer: filters, time slider, search and the statement panel over vis-network.
   Data comes only from the JSON block; text reaches the page through textContent. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var DASHES = { solid: false, dashed: [8, 6], dotted: [2, 5] };
  var RANK = { solid: 0, dashed: 1, dotted: 2 };
  var relations = {};
  data.relations.forEach(function (r) { relations[r.key] = r; });
  var types = {};
  data.types.forEach(function (t) { types[t.key] = t; });
  var state = { relations: {}, types: {}, modalities: {}, from: null, to: null };
  var edgeShown = data.edges.map(function () { return true; });
  var edgeStyle = data.edges.map(function () { return "solid"; });
  var nodeShown = data.nodes.map(function () { return true; });
  var selection = null;
  var timer = null;
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function nodeName(n) { return n.en ? n.ko + " (" + n.en + ")" : n.ko; }
  function dayNumber(iso) { return Math.round(Date.parse(iso + "T00:00:00Z") / 86400000); }
  function isoDay(n) { return new Date(n * 86400000).toISOString().slice(0, 10); }
  function endOfMonth(iso) {
    return new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7), 0)).toISOString().slice(0, 10);
  }
  function nextMonth(iso) {
    return new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7), 1)).toISOString().slice(0, 10);
  }

  var dates = [];
  data.statements.forEach(function (s) { if (s.start) dates.push(s.start, s.end); });
  dates.sort();
  var minDate = dates.length ? dates[0] : null;
  var maxDate = dates.length ? dates[dates.length - 1] : null;
  state.from = minDate;
  state.to = maxDate;

  function statementVisible(s) {
    if (state.modalities[s.modality] === false) return false;
    if (s.start === null || minDate === null) return true;
    return s.start <= state.to && s.end >= state.from;
  }

  function visNode(n) {
    var t = types[n.type] || types.Other;
    return {
      id: n.id, x: n.x, y: n.y, value: n.degree + 1, shape: t.shape,
      label: n.en ? n.ko + "\n" + n.en : n.ko,
      color: { background: t.color, border: "#333", highlight: { background: t.color, border: "#000" } },
    };
  }
  function visEdge(e) {
    var r = relations[e.rel];
    var smooth = e.bend
      ? { enabled: true, type: e.bend % 2 ? "curvedCW" : "curvedCCW", roundness: 0.15 * Math.ceil(e.bend / 2) }
      : false;
    return {
      id: e.id, from: e.from, to: e.to, smooth: smooth, dashes: false,
      color: { color: r.color, highlight: r.color, hover: r.color },
      arrows: { to: { enabled: r.directed, scaleFactor: 0.6 } },
      width: 1 + Math.min(4, Math.log2(1 + e.statements.length)),
    };
  }

  var nodes = new vis.DataSet(data.nodes.map(visNode));
  var edges = new vis.DataSet(data.edges.map(visEdge));
  var big = data.edges.length > 2000;
  var network = new vis.Network($("network"), { nodes: nodes, edges: edges }, {
    physics: false,
    layout: { improvedLayout: false },
    interaction: { hover: !big, hideEdgesOnDrag: big, hideEdgesOnZoom: big },
    nodes: {
      borderWidth: 1,
      font: { size: 13 },
      scaling: { min: 8, max: 30, label: { enabled: true, min: 12, max: 24, drawThreshold: 6 } },
    },
    edges: { smooth: false, selectionWidth: 2 },
  });
  network.once("afterDrawing", function () {
    window.kgReadyAt = performance.now();
    document.body.dataset.ready = "1";
  });

  function applyFilters() {
    var touched = data.nodes.map(function () { return false; });
    var edgeUpdates = [];
    var shownEdges = 0;
    var shownStatements = 0;
    data.edges.forEach(function (e, i) {
      var fromType = data.nodes[e.from].type, toType = data.nodes[e.to].type;
      var on = state.relations[e.rel] !== false && state.types[fromType] !== false &&
        state.types[toType] !== false;
      var rank = e.statements.length ? 3 : 0;
      if (on) {
        e.statements.forEach(function (k) {
          var s = data.statements[k];
          if (statementVisible(s)) {
            shownStatements += 1;
            rank = Math.min(rank, RANK[data.modalities[s.modality] || "solid"]);
          }
        });
      }
      var show = on && rank < 3;
      var style = show ? ["solid", "dashed", "dotted"][rank] : edgeStyle[i];
      if (show !== edgeShown[i] || style !== edgeStyle[i]) {
        edgeUpdates.push({ id: e.id, hidden: !show, dashes: DASHES[style || "solid"] });
      }
      edgeShown[i] = show;
      edgeStyle[i] = style;
      if (show) {
        shownEdges += 1;
        touched[e.from] = true;
        touched[e.to] = true;
      }
    });
    var nodeUpdates = [];
    var shownNodes = 0;
    data.nodes.forEach(function (n, i) {
      var show = state.types[n.type] !== false && (touched[i] || n.degree === 0);
      if (show !== nodeShown[i]) nodeUpdates.push({ id: n.id, hidden: !show });
      nodeShown[i] = show;
      if (show) shownNodes += 1;
    });
    if (edgeUpdates.length) edges.update(edgeUpdates);
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    $("count-nodes").textContent = shownNodes;
    $("count-edges").textContent = shownEdges;
    $("count-statements").textContent = shownStatements;
    if (selection) renderPanel();
  }

  /* time */
  var fromInput = $("range-from"), toInput = $("range-to"), playButton = $("play");
  function showRange() {
    $("range-label").textContent = state.from + " – " + state.to;
    fromInput.value = dayNumber(state.from) - dayNumber(minDate);
    toInput.value = dayNumber(state.to) - dayNumber(minDate);
  }
  function setRange(from, to) {
    state.from = from < minDate ? minDate : from;
    state.to = to > maxDate ? maxDate : to;
    showRange();
    applyFilters();
  }
  function stopPlaying() {
    clearInterval(timer);
    timer = null;
    playButton.textContent = "▶ Play by month";
  }
  if (minDate === null) {
    $("time").hidden = true;
  } else {
    fromInput.max = toInput.max = dayNumber(maxDate) - dayNumber(minDate);
    showRange();
    fromInput.addEventListener("input", function () {
      var from = isoDay(dayNumber(minDate) + +fromInput.value);
      setRange(from, from > state.to ? from : state.to);
    });
    toInput.addEventListener("input", function () {
      var to = isoDay(dayNumber(minDate) + +toInput.value);
      setRange(to < state.from ? to : state.from, to);
    });
    playButton.addEventListener("click", function () {
      if (timer) { stopPlaying(); return; }
      var cursor = endOfMonth(minDate);
      setRange(minDate, cursor);
      playButton.textContent = "❚❚ Pause";
      timer = setInterval(function () {
        cursor = endOfMonth(nextMonth(cursor));
        setRange(minDate, cursor);
        if (cursor >= maxDate) stopPlaying();
      }, 800);
    });
  }

  /* toggles */
  function bindToggles(selector, attribute, target) {
    document.querySelectorAll(selector).forEach(function (box) {
      box.addEventListener("change", function () {
        target[box.getAttribute(attribute)] = box.checked;
        applyFilters();
      });
    });
  }
  bindToggles("#relation-toggles input", "data-relation", state.relations);
  bindToggles("#type-toggles input", "data-type", state.types);
  bindToggles("#modality-toggles input", "data-modality", state.modalities);

  /* search */
  var names = data.nodes.map(function (n) {
    return [n.ko, n.en].concat(n.alt).filter(Boolean).map(function (x) { return x.toLowerCase(); });
  });
  var seen = {};
  var list = $("actor-names");
  data.nodes.forEach(function (n) {
    [n.ko, n.en].forEach(function (name) {
      if (name && !seen[name]) {
        seen[name] = true;
        var option = el("option");
        option.value = name;
        list.appendChild(option);
      }
    });
  });
  function find() {
    var query = $("search").value.trim().toLowerCase();
    if (!query) return;
    var hit = null;
    data.nodes.forEach(function (n, i) {
      var exact = names[i].indexOf(query) >= 0;
      var partial = names[i].some(function (x) { return x.indexOf(query) >= 0; });
      var score = exact ? 2 : partial ? 1 : 0;
      if (score && (!hit || score > hit.score || (score === hit.score && n.degree > hit.node.degree))) {
        hit = { node: n, score: score };
      }
    });
    if (!hit) {
      $("search-status").textContent = "No actor matches “" + $("search").value + "”";
      return;
    }
    network.selectNodes([hit.node.id]);
    network.focus(hit.node.id, { scale: 1.2, animation: { duration: 400 } });
    selection = { node: hit.node.id };
    renderPanel();
    $("search-status").textContent =
      nodeName(hit.node) + (nodeShown[hit.node.id] ? "" : " (hidden by the current filters)");
  }
  $("search").addEventListener("change", find);
  $("search").addEventListener("keydown", function (event) { if (event.key === "Enter") find(); });

  /* panel */
  function highlight(parent, text, cues) {
    var at = 0;
    while (at < text.length) {
      var best = -1, cue = "";
      cues.forEach(function (c) {
        var k = text.indexOf(c, at);
        if (k >= 0 && (best < 0 || k < best || (k === best && c.length > cue.length))) { best = k; cue = c; }
      });
      if (best < 0) break;
      parent.appendChild(document.createTextNode(text.slice(at, best)));
      parent.appendChild(el("mark", null, cue));
      at = best + cue.length;
    }
    parent.appendChild(document.createTextNode(text.slice(at)));
  }
  function timeOf(s) {
    if (s.dated_by === "report") return "no event time · reported " + s.start;
    if (s.dated_by === null) return "undated";
    var span = s.valid_from && s.valid_until ? s.valid_from + " – " + s.valid_until
      : s.valid_from ? "from " + s.valid_from : "until " + s.valid_until;
    return span + (s.precision ? " (" + s.precision + ")" : "") + (s.time_text ? " · “" + s.time_text + "”" : "");
  }
  function statementCard(k) {
    var s = data.statements[k], e = data.edges[s.edge], r = relations[e.rel];
    var card = el("div", "stmt");
    if (!edgeShown[s.edge] || !statementVisible(s)) card.classList.add("outside");
    card.appendChild(el("div", "rel",
      nodeName(data.nodes[e.from]) + (r.directed ? " —" + e.rel + "→ " : " —" + e.rel + "— ") + nodeName(data.nodes[e.to])));
    var meta = el("div", "meta");
    meta.appendChild(el("span", "badge", s.modality));
    meta.appendChild(document.createTextNode(" " + timeOf(s) + (s.confidence ? " · confidence " + s.confidence : "")));
    card.appendChild(meta);
    s.evidence.forEach(function (sentence) {
      var quote = el("blockquote");
      highlight(quote, sentence, s.cues);
      card.appendChild(quote);
    });
    if (s.article !== null) {
      var a = data.articles[s.article];
      var source = el("div", "meta");
      var title = el("a", null, a.title || a.identifier || a.iri);
      if (a.url && /^https?:\/\//i.test(a.url)) {
        title.href = a.url;
        title.target = "_blank";
        title.rel = "noopener noreferrer";
      }
      source.appendChild(title);
      source.appendChild(document.createTextNode(
        [a.source, a.issued, a.identifier].filter(Boolean).map(function (x) { return " · " + x; }).join("")));
      card.appendChild(source);
    }
    return card;
  }
  function renderPanel() {
    var body = $("panel-body");
    body.replaceChildren();
    var ids = [];
    if (selection.node !== undefined) {
      var n = data.nodes[selection.node];
      body.appendChild(el("h2", null, nodeName(n)));
      body.appendChild(el("div", "meta", n.type + " · " + n.degree + " relations"));
      if (n.alt.length) body.appendChild(el("div", "meta", "also: " + n.alt.join(", ")));
      body.appendChild(el("div", "meta", n.iri));
      data.edges.forEach(function (e) {
        if (e.from === n.id || e.to === n.id) ids = ids.concat(e.statements);
      });
    } else {
      var e = data.edges[selection.edge];
      body.appendChild(el("h2", null, nodeName(data.nodes[e.from]) + " · " + e.rel + " · " + nodeName(data.nodes[e.to])));
      ids = e.statements;
    }
    ids = ids.slice().sort(function (a, b) {
      var x = data.statements[a].start || "", y = data.statements[b].start || "";
      return x < y ? -1 : x > y ? 1 : a - b;
    });
    body.appendChild(el("div", "meta", ids.length + " statements"));
    ids.slice(0, 200).forEach(function (k) { body.appendChild(statementCard(k)); });
    if (ids.length > 200) body.appendChild(el("p", "meta", "… and " + (ids.length - 200) + " more"));
    $("panel").hidden = false;
  }
  network.on("click", function (params) {
    if (params.nodes.length) selection = { node: params.nodes[0] };
    else if (params.edges.length) selection = { edge: params.edges[0] };
    else selection = null;
    if (selection) renderPanel();
    else $("panel").hidden = true;
  });
  $("panel-close").addEventListener("click", function () {
    selection = null;
    $("panel").hidden = true;
  });

  applyFilters();
  window.kgViewer = { network: network, nodes: nodes, edges: edges, setRange: setRange };
})();

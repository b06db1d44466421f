// threatgraph report: the network as Graphviz laid it out, its evidence, a path finder,
// "remove and watch" and the analyses' tables. Everything it needs is in the page: no request
// leaves it. Text from the data is always set as text, never parsed as HTML.
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("tg-data").textContent);
  var SVG = "http://www.w3.org/2000/svg";
  var entities = data.entities;
  var relations = data.relations;
  var kindById = {}, typeById = {}, domainById = {}, sourceById = {};
  data.kinds.forEach(function (k) { kindById[k.id] = k; });
  data.types.forEach(function (t) { typeById[t.id] = t; });
  data.domains.forEach(function (d) { domainById[d.id] = d; });
  data.sources.forEach(function (s) { sourceById[s.id] = s; });

  // Relations at each entity, either way.
  var incident = entities.map(function () { return []; });
  relations.forEach(function (r, i) {
    incident[r.s].push(i);
    if (r.t !== r.s) incident[r.t].push(i);
  });

  // A network brought as a file has no confidences (every tie 1): nothing to print then.
  var graded = relations.some(function (r) { return r.confidence !== 1; });

  var state = {
    hiddenKinds: {}, hiddenDomains: {}, hiddenTypes: {}, minConfidence: 0,
    removed: {},          // entity index -> true
    selected: null,       // {what: "entity"|"relation", index}
    path: null,           // {nodes: [...], relations: [...]}
    transform: {k: 1, x: 0, y: 0}
  };

  // ---- small helpers ------------------------------------------------------------------------
  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    if (attributes) Object.keys(attributes).forEach(function (name) {
      if (name === "text") node.textContent = attributes[name];
      else if (name === "className") node.className = attributes[name];
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }
  function svg(tag, attributes) {
    var node = document.createElementNS(SVG, tag);
    if (attributes) Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function number(x, digits) {
    if (x === null || x === undefined || !isFinite(x)) return "-";
    var text = x.toFixed(digits === undefined ? 3 : digits);
    return text.indexOf(".") >= 0 ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
  }
  // Names compared as the command line compares them (fold_key): case, accents, hyphens and
  // spaces ignored, Latin letters folded by the command line's own table, other scripts kept.
  function normalized(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var cp = text.codePointAt(i);
      if (cp > 0xFFFF) i++;
      if (cp < 0x80) {
        var c = String.fromCharCode(cp);
        if (c >= "A" && c <= "Z") out += c.toLowerCase();
        else if ((c >= "a" && c <= "z") || (c >= "0" && c <= "9")) out += c;
      } else if (cp >= 0xC0 && cp <= 0x17F) {
        out += data.fold[cp - 0xC0];
      } else if (cp >= 0x180 && !(cp >= 0x2000 && cp <= 0x206F) && !(cp >= 0x3000 && cp <= 0x303F)) {
        out += String.fromCodePoint(cp);
      }
    }
    return out;
  }
  function kindLabel(id) { return kindById[id] ? kindById[id].label : id; }
  function typeLabel(id) { return typeById[id] ? typeById[id].label : id; }
  function download(name, blob) {
    var url = URL.createObjectURL(blob);
    var link = el("a", {href: url, download: name});
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  // ---- what the filters show -------------------------------------------------------------------
  function entityShown(i) {
    var e = entities[i];
    if (state.hiddenKinds[e.kind]) return false;
    if (e.domains.length > 0 && e.domains.every(function (d) { return state.hiddenDomains[d]; })) return false;
    return true;
  }
  function relationShown(i) {
    var r = relations[i];
    return !state.hiddenTypes[r.type] && r.confidence >= state.minConfidence - 1e-9 && entityShown(r.s) && entityShown(r.t);
  }
  // The network the analyses in the page work on: what the filters show, less what was removed.
  function liveEntity(i) { return entityShown(i) && !state.removed[i]; }
  function liveRelation(i) { var r = relations[i]; return relationShown(i) && liveEntity(r.s) && liveEntity(r.t); }

  // Borgatti's fragmentation and the components, read without direction (as `disrupt` does).
  function cohesion(entityOk, relationOk) {
    var parent = {}, n = 0;
    function find(x) { while (parent[x] !== x) { parent[x] = parent[parent[x]]; x = parent[x]; } return x; }
    entities.forEach(function (e, i) { if (entityOk(i)) { parent[i] = i; n++; } });
    var pairs = {};
    relations.forEach(function (r, i) {
      if (!relationOk(i) || r.s === r.t) return;
      var a = Math.min(r.s, r.t), b = Math.max(r.s, r.t);
      pairs[a + " " + b] = true;
      var ra = find(a), rb = find(b);
      if (ra !== rb) parent[ra] = rb;
    });
    var sizes = {};
    Object.keys(parent).forEach(function (i) { var root = find(+i); sizes[root] = (sizes[root] || 0) + 1; });
    var list = Object.keys(sizes).map(function (k) { return sizes[k]; });
    var largest = list.length ? Math.max.apply(null, list) : 0;
    var connected = list.reduce(function (sum, s) { return sum + s * (s - 1); }, 0);
    var largestRoot = null;
    Object.keys(sizes).forEach(function (root) { if (largestRoot === null && sizes[root] === largest) largestRoot = +root; });
    return {
      entities: n, ties: Object.keys(pairs).length, components: list.length, largest: largest,
      fragmentation: n < 2 ? 1 : 1 - connected / (n * (n - 1)),
      inLargest: function (i) { return parent[i] !== undefined && find(i) === largestRoot; }
    };
  }

  // ---- the drawing ---------------------------------------------------------------------------------
  var network = document.getElementById("network");
  var viewport = document.getElementById("viewport");
  var nodeLayer = document.getElementById("nodes");
  var edgeLayer = document.getElementById("edges");
  var labelLayer = document.getElementById("edge-labels");
  var nodeElements = [], edgeElements = [];

  function shapePath(shape, w, h) {
    var x = w / 2, y = h / 2;
    function polygon(points) { return "M" + points.map(function (p) { return p[0].toFixed(1) + "," + p[1].toFixed(1); }).join("L") + "Z"; }
    function regular(sides, turn) {
      var points = [];
      for (var i = 0; i < sides; i++) {
        var a = turn + 2 * Math.PI * i / sides;
        points.push([x * 1.08 * Math.cos(a), y * 1.15 * Math.sin(a)]);
      }
      return polygon(points);
    }
    switch (shape) {
      case "box": case "rect": case "rectangle": case "square": case "plain": case "plaintext": case "component": case "cylinder":
        return polygon([[-x, -y], [x, -y], [x, y], [-x, y]]);
      case "note": return polygon([[-x, -y], [x - 6, -y], [x, -y + 6], [x, y], [-x, y]]);
      case "cds": return polygon([[-x, -y], [x - 8, -y], [x + 2, 0], [x - 8, y], [-x, y]]);
      case "parallelogram": return polygon([[-x + 6, -y], [x + 6, -y], [x - 6, y], [-x - 6, y]]);
      case "diamond": return polygon([[0, -y * 1.35], [x * 1.2, 0], [0, y * 1.35], [-x * 1.2, 0]]);
      case "hexagon": return polygon([[-x, 0], [-x + 8, -y], [x - 8, -y], [x, 0], [x - 8, y], [-x + 8, y]]);
      case "octagon": case "doubleoctagon": return regular(8, Math.PI / 8);
      case "house": return polygon([[0, -y * 1.3], [x, -y * 0.3], [x, y], [-x, y], [-x, -y * 0.3]]);
      case "pentagon": return regular(5, -Math.PI / 2);
      case "triangle": return polygon([[0, -y * 1.4], [x * 1.2, y], [-x * 1.2, y]]);
      default: return null; // an ellipse
    }
  }
  function drawShape(group, shape, w, h, fill) {
    var path = shapePath(shape, w, h);
    var node = path ? svg("path", {d: path}) : svg("ellipse", {rx: w / 2 + 2, ry: h / 2 + 2});
    node.setAttribute("class", "shape");
    node.setAttribute("fill", fill);
    group.appendChild(node);
    return node;
  }

  function buildNodes() {
    entities.forEach(function (e, i) {
      var kind = kindById[e.kind] || {color: "#56B4E9", shape: "ellipse"};
      var group = svg("g", {"class": "node", "data-id": e.id, "data-index": i, transform: "translate(" + e.x + "," + e.y + ")"});
      drawShape(group, kind.shape, e.w, e.h, kind.color);
      var first = -(e.lines.length - 1) * 6 + 3.5;
      e.lines.forEach(function (line, k) {
        var text = svg("text", {x: 0, y: (first + 12 * k).toFixed(1)});
        text.textContent = line;
        group.appendChild(text);
      });
      var title = svg("title");
      title.textContent = e.name + " (" + kindLabel(e.kind) + ")";
      group.appendChild(title);
      group.addEventListener("click", function (event) { event.stopPropagation(); select("entity", i); });
      nodeLayer.appendChild(group);
      nodeElements.push(group);
    });
  }

  // Where the line from a's centre towards b's leaves a's box.
  function border(a, b) {
    var dx = b.x - a.x, dy = b.y - a.y;
    if (dx === 0 && dy === 0) return {x: a.x, y: a.y};
    var t = Math.min(dx ? (a.w / 2 + 3) / Math.abs(dx) : Infinity, dy ? (a.h / 2 + 3) / Math.abs(dy) : Infinity);
    t = Math.min(t, 0.5);
    return {x: a.x + dx * t, y: a.y + dy * t};
  }

  function buildEdges() {
    relations.forEach(function (r, i) {
      var type = typeById[r.type] || {color: "#666666", style: "solid", symmetric: false};
      var a = entities[r.s], b = entities[r.t];
      var group = svg("g", {"class": "edge", "data-id": r.id, "data-index": i});
      var from = border(a, b), to = border(b, a);
      var width = 0.6 + 1.8 * r.confidence;
      var line = svg("line", {"class": "line", x1: from.x.toFixed(1), y1: from.y.toFixed(1), x2: to.x.toFixed(1), y2: to.y.toFixed(1),
        stroke: type.color, "stroke-width": width.toFixed(2)});
      var dash = r.confidence < 0.5 || type.style === "dashed" ? "6 4" : type.style === "dotted" ? "2 3" : null;
      if (dash) line.setAttribute("stroke-dasharray", dash);
      if (type.style === "bold") line.setAttribute("stroke-width", (width + 1.5).toFixed(2));
      group.appendChild(svg("line", {"class": "hit", x1: from.x, y1: from.y, x2: to.x, y2: to.y}));
      group.appendChild(line);
      var directed = data.directed && !type.symmetric && r.s !== r.t;
      if (directed) {
        var dx = to.x - from.x, dy = to.y - from.y, length = Math.sqrt(dx * dx + dy * dy) || 1;
        var ux = dx / length, uy = dy / length, size = 7 + width;
        var p1 = [to.x - ux * size - uy * size * 0.45, to.y - uy * size + ux * size * 0.45];
        var p2 = [to.x - ux * size + uy * size * 0.45, to.y - uy * size - ux * size * 0.45];
        group.appendChild(svg("path", {"class": "head", fill: type.color,
          d: "M" + to.x.toFixed(1) + "," + to.y.toFixed(1) + "L" + p1[0].toFixed(1) + "," + p1[1].toFixed(1) + "L" + p2[0].toFixed(1) + "," + p2[1].toFixed(1) + "Z"}));
      }
      var title = svg("title");
      title.textContent = a.name + " " + typeLabel(r.type) + " " + b.name + " (confidence " + number(r.confidence, 2) + ")";
      group.appendChild(title);
      group.addEventListener("click", function (event) { event.stopPropagation(); select("relation", i); });
      edgeLayer.appendChild(group);
      edgeElements.push(group);
    });
  }

  function setClass(node, name, on) { if (on) node.classList.add(name); else node.classList.remove(name); }

  // Labels on the relations that matter now: the path found, the selected entity's or relation.
  function drawEdgeLabels(list) {
    clear(labelLayer);
    list.forEach(function (i) {
      var r = relations[i], a = entities[r.s], b = entities[r.t];
      var text = svg("text", {"class": "edge-label", x: ((a.x + b.x) / 2).toFixed(1), y: ((a.y + b.y) / 2 - 3).toFixed(1)});
      text.textContent = typeLabel(r.type);
      labelLayer.appendChild(text);
    });
  }

  var baseline = null;
  function refresh() {
    var before = cohesion(entityShown, relationShown);
    var now = cohesion(liveEntity, liveRelation);
    var anyRemoved = Object.keys(state.removed).length > 0;
    baseline = before;
    var onPath = {}, pathRelations = {};
    if (state.path) {
      state.path.nodes.forEach(function (i) { onPath[i] = true; });
      state.path.relations.forEach(function (i) { pathRelations[i] = true; });
    }
    var shown = 0;
    entities.forEach(function (e, i) {
      var node = nodeElements[i], visible = entityShown(i);
      node.style.display = visible ? "" : "none";
      if (visible) shown++;
      setClass(node, "removed", !!state.removed[i]);
      // Cut off: in the largest component before the removals, and no longer in the largest now.
      setClass(node, "cut-off", anyRemoved && visible && !state.removed[i] && before.inLargest(i) && !now.inLargest(i));
      setClass(node, "on-path", !!onPath[i]);
      setClass(node, "selected", !!state.selected && state.selected.what === "entity" && state.selected.index === i);
    });
    var shownRelations = 0, labelled = [];
    // The selected entity's relations are labelled when there are few enough to read.
    var crowded = !!state.selected && state.selected.what === "entity" && incident[state.selected.index].length > 12;
    relations.forEach(function (r, i) {
      var edge = edgeElements[i], visible = relationShown(i);
      edge.style.display = visible ? "" : "none";
      if (visible) shownRelations++;
      setClass(edge, "removed", visible && (!!state.removed[r.s] || !!state.removed[r.t]));
      setClass(edge, "on-path", !!pathRelations[i]);
      var selected = !!state.selected && ((state.selected.what === "relation" && state.selected.index === i) ||
        (state.selected.what === "entity" && (r.s === state.selected.index || r.t === state.selected.index)));
      setClass(edge, "selected", selected);
      if (visible && (pathRelations[i] || (selected && !crowded))) labelled.push(i);
    });
    drawEdgeLabels(labelled);
    document.getElementById("view-count").textContent = "Showing " + shown + " of " + entities.length + " entities and " +
      shownRelations + " of " + relations.length + " relations.";
    document.getElementById("view-count").setAttribute("data-entities", shown);
    document.getElementById("view-count").setAttribute("data-relations", shownRelations);
    ["entities", "ties", "components", "largest", "fragmentation"].forEach(function (key) {
      var b = document.querySelector("[data-before=" + key + "]"), n = document.querySelector("[data-now=" + key + "]");
      var format = key === "fragmentation" ? function (x) { return number(x, 4); } : String;
      b.textContent = format(before[key]);
      n.textContent = format(now[key]);
      b.setAttribute("data-value", before[key]);
      n.setAttribute("data-value", now[key]);
      setClass(n, "changed", now[key] !== before[key]);
    });
    var list = document.getElementById("removed-list");
    clear(list);
    Object.keys(state.removed).forEach(function (i) {
      list.appendChild(el("li", null, [entityLink(+i), " ", el("button", {type: "button", "class": "put-back", "data-index": i, text: "put back"})]));
    });
    document.getElementById("remove-selected").disabled = !(state.selected && state.selected.what === "entity" && !state.removed[state.selected.index]);
  }

  // ---- pan and zoom ----------------------------------------------------------------------------------
  function applyTransform() {
    var t = state.transform;
    viewport.setAttribute("transform", "translate(" + t.x.toFixed(2) + "," + t.y.toFixed(2) + ") scale(" + t.k.toFixed(4) + ")");
  }
  function bounds(onlyShown) {
    var box = {x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity};
    entities.forEach(function (e, i) {
      if (onlyShown && !entityShown(i)) return;
      box.x0 = Math.min(box.x0, e.x - e.w / 2); box.x1 = Math.max(box.x1, e.x + e.w / 2);
      box.y0 = Math.min(box.y0, e.y - e.h / 2); box.y1 = Math.max(box.y1, e.y + e.h / 2);
    });
    if (!isFinite(box.x0)) box = {x0: 0, y0: 0, x1: 100, y1: 100};
    return box;
  }
  function fit() {
    var box = bounds(true), rect = network.getBoundingClientRect();
    var width = Math.max(rect.width, 100), height = Math.max(rect.height, 100), margin = 20;
    var k = Math.min((width - 2 * margin) / (box.x1 - box.x0 || 1), (height - 2 * margin) / (box.y1 - box.y0 || 1));
    k = Math.max(0.05, Math.min(k, 2.5));
    state.transform = {k: k, x: (width - k * (box.x1 + box.x0)) / 2, y: (height - k * (box.y1 + box.y0)) / 2};
    applyTransform();
  }
  function centerOn(i) {
    var e = entities[i], rect = network.getBoundingClientRect();
    var k = Math.max(state.transform.k, 1);
    state.transform = {k: k, x: rect.width / 2 - k * e.x, y: rect.height / 2 - k * e.y};
    applyTransform();
  }
  function setupPanZoom() {
    var drag = null;
    network.addEventListener("mousedown", function (event) {
      drag = {x: event.clientX, y: event.clientY, tx: state.transform.x, ty: state.transform.y, moved: false};
      network.classList.add("panning");
    });
    window.addEventListener("mousemove", function (event) {
      if (!drag) return;
      var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      state.transform.x = drag.tx + dx;
      state.transform.y = drag.ty + dy;
      applyTransform();
    });
    window.addEventListener("mouseup", function () { network.classList.remove("panning"); setTimeout(function () { drag = null; }, 0); });
    network.addEventListener("click", function () { if (!drag || !drag.moved) { state.selected = null; showNothing(); refresh(); } });
    network.addEventListener("wheel", function (event) {
      event.preventDefault();
      var rect = network.getBoundingClientRect();
      var px = event.clientX - rect.left, py = event.clientY - rect.top;
      var factor = Math.exp(-event.deltaY * 0.0015);
      var t = state.transform, k = Math.max(0.02, Math.min(t.k * factor, 12));
      state.transform = {k: k, x: px - (px - t.x) * k / t.k, y: py - (py - t.y) * k / t.k};
      applyTransform();
    }, {passive: false});
  }

  // ---- details ---------------------------------------------------------------------------------------
  var detail = document.getElementById("detail-body");
  function entityLink(i) {
    var link = el("a", {"class": "entity", "data-index": i, text: entities[i].name});
    link.addEventListener("click", function (event) { event.preventDefault(); select("entity", i); centerOn(i); });
    return link;
  }
  function relationLink(i, text) {
    var link = el("a", {"class": "relation", "data-index": i, text: text});
    link.addEventListener("click", function (event) { event.preventDefault(); select("relation", i); });
    return link;
  }
  var reliability = {A: "completely reliable", B: "usually reliable", C: "fairly reliable", D: "not usually reliable", E: "unreliable", F: "reliability cannot be judged"};
  var credibility = {"1": "confirmed by other sources", "2": "probably true", "3": "possibly true", "4": "doubtful", "5": "improbable", "6": "truth cannot be judged"};
  function gradeText(code) {
    if (!code) return null;
    return el("span", null, [el("span", {"class": "grade", text: code}), " source " + (reliability[code[0]] || "?") + ", information " + (credibility[code.slice(1)] || "?")]);
  }
  function evidenceBlock(e) {
    var source = sourceById[e.source];
    var section = source && Object.prototype.hasOwnProperty.call(source.sections, e.section) ? source.sections[e.section] : null;
    var where = (source ? source.title : e.source) + ", section " + e.section + (section ? " (" + section + ")" : "") + ", bytes " + e.start + "-" + e.end;
    var children = [el("div", {"class": "where", text: where}), el("div", {"class": "paraphrase", text: e.paraphrase})];
    if (e.refers_to) children.push(el("div", {"class": "where", text: "how the passage names it: " + e.refers_to}));
    if (e.quote) children.push(el("blockquote", {"class": "quote", text: "\u201c" + e.quote + "\u201d"}));
    else children.push(el("div", {"class": "missing", text: "The exact passage was not at hand when this report was written (see threatgraph --sources)."}));
    return el("div", {"class": "evidence"}, children);
  }
  function attributeList(attributes) {
    if (!attributes.length) return null;
    var list = el("div", {"class": "attributes"});
    attributes.forEach(function (a) {
      var value = String(a.value) + (a.unit ? " " + a.unit : "") + (a.year ? " (" + a.year + ")" : "") + (a.note ? " - " + a.note : "");
      list.appendChild(el("p", {"class": "attribute"}, [el("span", {"class": "name", text: a.name.replace(/_/g, " ")}), " " + value]));
      a.evidence.forEach(function (e) { list.appendChild(evidenceBlock(e)); });
    });
    return list;
  }
  function showNothing() {
    clear(detail);
    detail.appendChild(el("p", {"class": "note", text: "Click an entity or a relation, or search for a name."}));
  }
  function showEntity(i) {
    var e = entities[i];
    clear(detail);
    detail.appendChild(el("h3", {text: e.name}));
    detail.appendChild(el("p", {"class": "sub", text: kindLabel(e.kind) + " \u00b7 " + e.id}));
    var facts = el("dl");
    if (e.aliases.length) { facts.appendChild(el("dt", {text: "aliases"})); facts.appendChild(el("dd", {text: e.aliases.join("; ")})); }
    if (e.domains.length) {
      facts.appendChild(el("dt", {text: "threat domains"}));
      facts.appendChild(el("dd", {text: e.domains.map(function (d) { return domainById[d] ? domainById[d].label : d; }).join(", ")}));
    }
    facts.appendChild(el("dt", {text: "relations"}));
    facts.appendChild(el("dd", {text: String(incident[i].length)}));
    detail.appendChild(facts);
    var buttons = el("div", {"class": "row"});
    var remove = el("button", {type: "button", id: "detail-remove", text: state.removed[i] ? "Put back" : "Remove and watch"});
    remove.addEventListener("click", function () { toggleRemoved(i); showEntity(i); });
    var from = el("button", {type: "button", text: "Path from here"});
    from.addEventListener("click", function () { setPathEnd("path-from", i); });
    var to = el("button", {type: "button", text: "Path to here"});
    to.addEventListener("click", function () { setPathEnd("path-to", i); });
    buttons.appendChild(remove); buttons.appendChild(from); buttons.appendChild(to);
    detail.appendChild(buttons);
    var attributes = attributeList(e.attributes);
    if (attributes) { detail.appendChild(el("h4", {text: "attributes"})); detail.appendChild(attributes); }
    if (e.evidence.length) {
      detail.appendChild(el("h4", {text: "evidence"}));
      e.evidence.forEach(function (x) { detail.appendChild(evidenceBlock(x)); });
    }
    detail.appendChild(el("h4", {text: "relations"}));
    var list = el("ul", {"class": "relations"});
    incident[i].forEach(function (ri) {
      var r = relations[ri], outgoing = r.s === i, other = outgoing ? r.t : r.s;
      var type = typeById[r.type], symmetric = type && type.symmetric;
      var arrow = symmetric || !data.directed ? " \u2014 " : outgoing ? " \u2192 " : " \u2190 ";
      list.appendChild(el("li", null, [relationLink(ri, typeLabel(r.type)), arrow, entityLink(other),
        graded ? el("span", {"class": "note", text: "  confidence " + number(r.confidence, 2) + (r.grading ? ", " + r.grading : "")}) : null]));
    });
    detail.appendChild(list);
  }
  function showRelation(i) {
    var r = relations[i], a = entities[r.s], b = entities[r.t];
    clear(detail);
    detail.appendChild(el("h3", null, [entityLink(r.s), " " + typeLabel(r.type) + " ", entityLink(r.t)]));
    detail.appendChild(el("p", {"class": "sub", text: "relation \u00b7 " + r.id}));
    var facts = el("dl");
    facts.appendChild(el("dt", {text: "reads"}));
    facts.appendChild(el("dd", {text: a.name + " (" + kindLabel(a.kind) + ") " + typeLabel(r.type) + " " + b.name + " (" + kindLabel(b.kind) + ")"}));
    facts.appendChild(el("dt", {text: "confidence"}));
    facts.appendChild(el("dd", {text: number(r.confidence, 2)}));
    if (r.grading) { facts.appendChild(el("dt", {text: "Admiralty grade"})); facts.appendChild(el("dd", null, [gradeText(r.grading)])); }
    if (r.period) {
      facts.appendChild(el("dt", {text: "holds"}));
      facts.appendChild(el("dd", {text: r.period.from && r.period.to ? r.period.from + " to " + r.period.to : r.period.from ? "from " + r.period.from : "until " + r.period.to}));
    }
    detail.appendChild(facts);
    var attributes = attributeList(r.attributes);
    if (attributes) { detail.appendChild(el("h4", {text: "attributes"})); detail.appendChild(attributes); }
    detail.appendChild(el("h4", {text: "evidence"}));
    if (!r.evidence.length) detail.appendChild(el("p", {"class": "note", text: "No evidence recorded: a tie of a network brought as a file."}));
    r.evidence.forEach(function (x) { detail.appendChild(evidenceBlock(x)); });
  }
  function select(what, index) {
    state.selected = {what: what, index: index};
    if (what === "entity") showEntity(index); else showRelation(index);
    refresh();
  }

  // ---- search ----------------------------------------------------------------------------------------
  var names = entities.map(function (e) { return e.keys; });
  // The entity a path end names: the one the "Path from/to here" button chose, else the one of
  // exactly that name, else the first whose name, alias or id folds the same.
  function findEntity(text, chosen) {
    if (chosen >= 0 && chosen < entities.length && entities[chosen].name === text) return chosen;
    for (var k = 0; k < entities.length; k++) if (entities[k].name === text) return k;
    var wanted = normalized(text);
    if (!wanted) return -1;
    for (var i = 0; i < entities.length; i++) if (names[i].indexOf(wanted) >= 0) return i;
    return -1;
  }
  function searchMatches(text) {
    var wanted = normalized(text);
    if (!wanted) return [];
    var exact = [], starts = [], inside = [];
    names.forEach(function (list, i) {
      if (list.indexOf(wanted) >= 0) exact.push(i);
      else if (list.some(function (n) { return n.indexOf(wanted) === 0; })) starts.push(i);
      else if (list.some(function (n) { return n.indexOf(wanted) > 0; })) inside.push(i);
    });
    return exact.concat(starts, inside).slice(0, 12);
  }
  function setupSearch() {
    var input = document.getElementById("search"), results = document.getElementById("search-results");
    function choose(i) {
      results.hidden = true;
      input.value = entities[i].name;
      reveal(i);
      select("entity", i);
      centerOn(i);
    }
    input.addEventListener("input", function () {
      clear(results);
      var matches = searchMatches(input.value);
      matches.forEach(function (i) {
        var e = entities[i];
        var alias = e.aliases.filter(function (a) { return normalized(a).indexOf(normalized(input.value)) >= 0; })[0];
        var item = el("li", {"data-index": i}, [e.name, alias ? " (" + alias + ")" : "", " ", el("span", {"class": "kind", text: kindLabel(e.kind)})]);
        item.addEventListener("mousedown", function (event) { event.preventDefault(); choose(i); });
        results.appendChild(item);
      });
      if (!matches.length && input.value) results.appendChild(el("li", {"class": "none", text: "no entity matches"}));
      results.hidden = !input.value;
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { var m = searchMatches(input.value); if (m.length) choose(m[0]); }
      if (event.key === "Escape") results.hidden = true;
    });
    input.addEventListener("blur", function () { results.hidden = true; });
    var datalist = document.getElementById("entity-names");
    entities.forEach(function (e) { datalist.appendChild(el("option", {value: e.name})); });
  }

  // ---- filters and key ----------------------------------------------------------------------------------
  var filterBoxes = [];
  function check(container, label, swatch, onChange, attributes) {
    var box = el("input", Object.assign({type: "checkbox"}, attributes));
    box.checked = true;
    box.addEventListener("change", function () { onChange(box.checked); forgetPath(); refresh(); });
    container.appendChild(el("label", null, [box, swatch, label]));
    return box;
  }
  function kindSample(kind) {
    var sample = svg("svg", {width: 26, height: 18, viewBox: "-13 -9 26 18"});
    drawShape(sample, kind.shape, 18, 10, kind.color);
    return sample;
  }
  function typeSample(type) {
    var sample = svg("svg", {width: 26, height: 10, viewBox: "0 0 26 10"});
    var line = svg("line", {x1: 1, y1: 5, x2: 25, y2: 5, stroke: type.color, "stroke-width": 2.4});
    if (type.style === "dashed") line.setAttribute("stroke-dasharray", "6 4");
    if (type.style === "dotted") line.setAttribute("stroke-dasharray", "2 3");
    sample.appendChild(line);
    return sample;
  }
  function setupFilters() {
    var count = {};
    entities.forEach(function (e) { count[e.kind] = (count[e.kind] || 0) + 1; });
    data.kinds.forEach(function (k) {
      filterBoxes.push({box: check(document.getElementById("kind-filter"), k.label + " (" + count[k.id] + ")", kindSample(k),
        function (on) { state.hiddenKinds[k.id] = !on; }, {"data-kind": k.id}), kind: k.id});
    });
    data.domains.forEach(function (d) {
      filterBoxes.push({box: check(document.getElementById("domain-filter"), d.label, null,
        function (on) { state.hiddenDomains[d.id] = !on; }, {"data-domain": d.id}), domain: d.id});
    });
    data.types.forEach(function (t) {
      check(document.getElementById("type-filter"), t.label, typeSample(t), function (on) { state.hiddenTypes[t.id] = !on; }, {"data-type": t.id});
    });
    if (!data.domains.length) document.getElementById("domain-filter").appendChild(el("p", {"class": "note", text: "No threat domains in this network."}));
    var slider = document.getElementById("min-confidence"), shown = document.getElementById("min-confidence-value");
    slider.addEventListener("input", function () { state.minConfidence = +slider.value; shown.textContent = slider.value; forgetPath(); refresh(); });
    var kindKey = document.getElementById("kind-key"), typeKey = document.getElementById("type-key");
    data.kinds.forEach(function (k) { kindKey.appendChild(kindSample(k)); kindKey.appendChild(el("span", {text: k.label})); });
    data.types.forEach(function (t) { typeKey.appendChild(typeSample(t)); typeKey.appendChild(el("span", {text: t.label + (t.symmetric ? " (both ways)" : "")})); });
  }
  function syncFilterBoxes() {
    filterBoxes.forEach(function (f) {
      f.box.checked = f.kind ? !state.hiddenKinds[f.kind] : !state.hiddenDomains[f.domain];
    });
  }
  // Shows an entity the filters hid: its kind, and its domains when all of them were hidden.
  function reveal(i) {
    if (entityShown(i)) return;
    var e = entities[i];
    state.hiddenKinds[e.kind] = false;
    if (e.domains.length && e.domains.every(function (d) { return state.hiddenDomains[d]; }))
      e.domains.forEach(function (d) { state.hiddenDomains[d] = false; });
    syncFilterBoxes();
    forgetPath();
    refresh();
  }

  // ---- path finder -------------------------------------------------------------------------------------
  // The cheapest path over the live network: by hops, or by -ln(confidence) (the most credible
  // chain, as `threatgraph paths` finds it). Parallel relations: the most confident one.
  function shortestPath(from, to, byConfidence, followArrows) {
    var cost = entities.map(function () { return Infinity; }), via = entities.map(function () { return -1; }), done = {};
    cost[from] = 0;
    var queue = [from];
    while (queue.length) {
      var best = 0;
      for (var q = 1; q < queue.length; q++) if (cost[queue[q]] < cost[queue[best]]) best = q;
      var u = queue.splice(best, 1)[0];
      if (done[u]) continue;
      done[u] = true;
      if (u === to) break;
      incident[u].forEach(function (ri) {
        if (!liveRelation(ri)) return;
        var r = relations[ri], type = typeById[r.type];
        var forward = r.s === u, w = forward ? r.t : r.s;
        // A finished entity keeps its way in: changing it (a tie through a relation of
        // confidence 1 costs nothing) could make two entities each other's way back.
        if (w === u || done[w]) return;
        if (followArrows && data.directed && !forward && !(type && type.symmetric)) return;
        var step = byConfidence ? (r.confidence > 0 ? -Math.log(r.confidence) : Infinity) : 1;
        if (!isFinite(step)) return;
        var c = cost[u] + step;
        if (c < cost[w] - 1e-12 || (Math.abs(c - cost[w]) <= 1e-12 && via[w] >= 0 && relations[via[w]].confidence < r.confidence)) {
          cost[w] = c;
          via[w] = ri;
          queue.push(w);
        }
      });
    }
    if (!isFinite(cost[to])) return null;
    var nodes = [to], path = [];
    for (var v = to; v !== from;) {
      var ri = via[v], r = relations[ri];
      path.unshift(ri);
      v = r.s === v ? r.t : r.s;
      nodes.unshift(v);
    }
    var chain = path.reduce(function (p, i) { return p * relations[i].confidence; }, 1);
    return {nodes: nodes, relations: path, cost: cost[to], confidence: chain};
  }
  function setPathEnd(field, i) {
    var input = document.getElementById(field);
    input.value = entities[i].name;
    input.setAttribute("data-index", i);
  }
  function chosenEnd(field) {
    var index = document.getElementById(field).getAttribute("data-index");
    return index === null ? -1 : +index;
  }
  function setupPathFinder() {
    ["path-from", "path-to"].forEach(function (field) {
      document.getElementById(field).addEventListener("input", function () { this.removeAttribute("data-index"); });
    });
    var result = document.getElementById("path-result");
    document.getElementById("path-find").addEventListener("click", function () {
      clear(result);
      var fromText = document.getElementById("path-from").value, toText = document.getElementById("path-to").value;
      var from = findEntity(fromText, chosenEnd("path-from")), to = findEntity(toText, chosenEnd("path-to"));
      if (from < 0 || to < 0) {
        result.appendChild(el("p", {"class": "note", text: "No entity called \u201c" + (from < 0 ? fromText : toText) + "\u201d: pick a name from the list."}));
        return;
      }
      if (from === to) { result.appendChild(el("p", {"class": "note", text: "The two ends of a path must differ."})); return; }
      var byConfidence = document.getElementById("path-by").value === "confidence";
      var found = shortestPath(from, to, byConfidence, document.getElementById("path-arrows").checked);
      state.path = found;
      refresh();
      if (!found) {
        result.appendChild(el("p", {"class": "note", id: "path-none", text: "No path from " + entities[from].name + " to " + entities[to].name +
          " in the network shown (filters and removals apply)."}));
        return;
      }
      var summary = el("p", {id: "path-summary", "data-hops": found.relations.length, "data-confidence": found.confidence,
        text: found.relations.length + " hop" + (found.relations.length === 1 ? "" : "s") + (graded ? ", chain confidence " + number(found.confidence, 3) : "")});
      result.appendChild(summary);
      var steps = el("ol");
      found.relations.forEach(function (ri, k) {
        var r = relations[ri], here = found.nodes[k], there = found.nodes[k + 1];
        var type = typeById[r.type], both = !data.directed || (type && type.symmetric);
        var arrow = both ? " \u2014 " : r.s === here ? " \u2192 " : " \u2190 ";
        steps.appendChild(el("li", null, [entityLink(here), arrow, relationLink(ri, typeLabel(r.type)), arrow, entityLink(there)]));
      });
      result.appendChild(steps);
    });
    document.getElementById("path-clear").addEventListener("click", function () { state.path = null; clear(result); refresh(); });
  }

  // ---- remove and watch ------------------------------------------------------------------------------------
  function toggleRemoved(i) {
    if (state.removed[i]) delete state.removed[i]; else state.removed[i] = true;
    forgetPath();
    refresh();
  }
  // A path found before the network changed may no longer exist: it is dropped, with a note.
  function forgetPath() {
    if (!state.path) return;
    state.path = null;
    var result = document.getElementById("path-result");
    clear(result);
    result.appendChild(el("p", {"class": "note", text: "The network changed: find the path again."}));
  }
  function setupRemoval() {
    document.getElementById("remove-selected").addEventListener("click", function () {
      if (state.selected && state.selected.what === "entity") { toggleRemoved(state.selected.index); showEntity(state.selected.index); }
    });
    document.getElementById("remove-reset").addEventListener("click", function () { state.removed = {}; forgetPath(); refresh(); });
    document.getElementById("removed-list").addEventListener("click", function (event) {
      var index = event.target.getAttribute("data-index");
      if (event.target.classList.contains("put-back") && index !== null) toggleRemoved(+index);
    });
  }

  // ---- tables ------------------------------------------------------------------------------------------------
  function table(headings, rows, numeric) {
    var head = el("tr", null, headings.map(function (h) { return el("th", {text: h}); }));
    var body = el("tbody");
    rows.forEach(function (row) {
      var tr = el("tr", {"data-index": row.entity}, row.cells.map(function (c, k) { return el("td", {"class": numeric[k] ? "number" : "", text: c}); }));
      tr.addEventListener("click", function () {
        Array.prototype.forEach.call(body.children, function (other) { other.classList.remove("active"); });
        tr.classList.add("active");
        reveal(row.entity);
        select("entity", row.entity);
        centerOn(row.entity);
      });
      body.appendChild(tr);
    });
    return el("table", {"class": "results"}, [el("thead", null, [head]), body]);
  }
  function setupTables() {
    var kp = data.keyplayers, tab = document.getElementById("tab-keyplayers");
    tab.setAttribute("data-title", "Key players");
    if (kp.members) {
      tab.appendChild(el("p", {"class": "note", text: "The " + kp.members.length + " entities whose removal most fragments the network (Borgatti's key players, " +
        kp.objective + "): fragmentation " + number(kp.score, 4) + " without them."}));
      var remove = el("button", {type: "button", id: "remove-keyplayers", text: "Remove them all and watch"});
      remove.addEventListener("click", function () { kp.members.forEach(function (m) { state.removed[m.e] = true; }); forgetPath(); refresh(); });
      tab.appendChild(remove);
      tab.appendChild(table(["rank", "entity", "kind", "contribution"], kp.members.map(function (m, k) {
        return {entity: m.e, cells: [String(k + 1), entities[m.e].name, kindLabel(entities[m.e].kind), number(m.contribution, 4)]};
      }), [true, false, false, true]));
    } else tab.appendChild(el("p", {"class": "note", text: "Not available for this network: " + kp.note + "."}));

    var br = data.brokers; tab = document.getElementById("tab-brokers");
    tab.setAttribute("data-title", "Convergence brokers");
    if (br.rows) {
      tab.appendChild(el("p", {"class": "note", text: "Where " + br.groups.join(", ") + " meet: the share of shortest paths between actors of different groups through each entity, and its Gould-Fernandez brokerage roles."}));
      tab.appendChild(table(["rank", "entity", "kind", "group", "score", "roles", "gatekeeper", "liaison", "constraint"], br.rows.slice(0, 25).map(function (row, k) {
        return {entity: row.e, cells: [String(k + 1), entities[row.e].name, kindLabel(entities[row.e].kind), row.group || "-", number(row.score, 4),
          String(row.roles), String(row.gatekeeper), String(row.liaison), number(row.constraint, 3)]};
      }), [true, false, false, false, true, true, true, true, true]));
    } else tab.appendChild(el("p", {"class": "note", text: "Not available for this network: " + br.note + " (convergence needs threat domains)."}));

    var gaps = data.gaps; tab = document.getElementById("tab-gaps");
    tab.setAttribute("data-title", "Counter-network gaps");
    if (gaps.uncovered) {
      tab.appendChild(el("p", {"class": "note", text: gaps.covered + " of " + gaps.targets + " threat actors, activities and routes are countered by one of the " +
        gaps.members + " coalition members (in " + gaps.components + (gaps.components === 1 ? " component" : " components") + "). Not countered by anyone:"}));
      tab.appendChild(table(["entity", "kind", "gap"], gaps.uncovered.map(function (i) {
        return {entity: i, cells: [entities[i].name, kindLabel(entities[i].kind), "countered by no member"]};
      }).concat(gaps.isolated.map(function (i) {
        return {entity: i, cells: [entities[i].name, kindLabel(entities[i].kind), "acts alone: tied to no other member"]};
      })), [false, false, false]));
    } else tab.appendChild(el("p", {"class": "note", text: "Not available for this network: " + gaps.note + " (the counter-network needs states, agencies and initiatives)."}));

    var buttons = document.querySelectorAll("#tabs button");
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener("click", function () {
        Array.prototype.forEach.call(buttons, function (b) {
          b.setAttribute("aria-selected", b === button ? "true" : "false");
          document.getElementById("tab-" + b.getAttribute("data-tab")).hidden = b !== button;
        });
      });
    });
  }

  // ---- export ----------------------------------------------------------------------------------------------
  var exportStyle = ".node text{font:10px Helvetica,Arial,sans-serif;fill:#111;text-anchor:middle}.node .shape{stroke:#333;stroke-width:1.2}" +
    ".node.selected .shape,.node.on-path .shape{stroke:#000;stroke-width:3.5}.node.removed .shape{fill:#f2f2f2;stroke:#aaa;stroke-dasharray:3 2}" +
    ".node.removed text{fill:#999}.node.cut-off .shape{fill:#fff;stroke:#777}.edge .hit{display:none}.edge.on-path .line,.edge.selected .line{stroke:#000;stroke-width:4.5}" +
    ".edge.on-path .head,.edge.selected .head{fill:#000}.edge.removed .line{stroke:#ccc;stroke-dasharray:2 3}.edge.removed .head{fill:#ccc}" +
    ".edge-label{font:9px Helvetica,Arial,sans-serif;fill:#222;text-anchor:middle;paint-order:stroke;stroke:#fff;stroke-width:3px}";
  // The network view as it is on screen, as a standalone SVG document.
  function viewSvg() {
    var rect = network.getBoundingClientRect(), width = Math.round(rect.width) || 800, height = Math.round(rect.height) || 600;
    var copy = network.cloneNode(true);
    copy.removeAttribute("id");
    copy.setAttribute("width", width);
    copy.setAttribute("height", height);
    copy.setAttribute("viewBox", "0 0 " + width + " " + height);
    Array.prototype.forEach.call(copy.querySelectorAll("[style]"), function (node) { if (node.style.display === "none") node.parentNode.removeChild(node); });
    var style = svg("style");
    style.textContent = exportStyle;
    copy.insertBefore(style, copy.firstChild);
    copy.insertBefore(svg("rect", {width: width, height: height, fill: "#ffffff"}), style.nextSibling);
    var title = svg("text", {x: 10, y: 20, "font-family": "Helvetica, Arial, sans-serif", "font-size": 14, "font-weight": "bold"});
    title.textContent = data.title;
    copy.appendChild(title);
    return {text: new XMLSerializer().serializeToString(copy), width: width, height: height};
  }
  function exportSvg() { download("threatgraph-view.svg", new Blob([viewSvg().text], {type: "image/svg+xml"})); }
  function exportPng() {
    var view = viewSvg(), image = new Image(), scale = 2;
    image.onload = function () {
      var canvas = document.createElement("canvas");
      canvas.width = view.width * scale;
      canvas.height = view.height * scale;
      var context = canvas.getContext("2d");
      context.scale(scale, scale);
      context.drawImage(image, 0, 0);
      canvas.toBlob(function (blob) { download("threatgraph-view.png", blob); }, "image/png");
    };
    image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(view.text);
  }

  // ---- start ---------------------------------------------------------------------------------------------------
  document.getElementById("title").textContent = data.title;
  document.getElementById("origin").textContent = data.origin + " \u00b7 " + entities.length + " entities, " + relations.length + " relations";
  document.getElementById("footer").textContent = "Written by threatgraph " + data.version + ". Self-contained: it needs no network connection." +
    (data.sources.length ? " Sources: " + data.sources.map(function (s) { return s.title + (s.publisher ? ", " + s.publisher : "") + (s.date ? " (" + s.date + ")" : ""); }).join("; ") + "." : "");
  buildEdges();
  buildNodes();
  setupFilters();
  setupSearch();
  setupPathFinder();
  setupRemoval();
  setupTables();
  setupPanZoom();
  document.getElementById("fit").addEventListener("click", fit);
  document.getElementById("export-svg").addEventListener("click", exportSvg);
  document.getElementById("export-png").addEventListener("click", exportPng);
  document.getElementById("print").addEventListener("click", function () { window.print(); });
  window.addEventListener("resize", fit);
  refresh();
  fit();
  document.body.setAttribute("data-ready", "true");
})();

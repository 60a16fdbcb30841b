"""The stylesheet and script of the HTML report, inlined into every page (no network fetches).

The script never writes markup: it reads the node data from a JSON block and builds the details
panel with ``textContent``, so nothing from a case file can become HTML. Links are made only for
``http(s)`` URLs of authorities. The page's Content-Security-Policy admits exactly these two
inline blocks (by hash), so an injected script could not run even if escaping failed.
"""

from __future__ import annotations

CSS = """
:root { --ink: #1b1b1f; --muted: #5f6368; --line: #d6d9de; --accent: #1f4e8c; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial,
  sans-serif; color: var(--ink); background: #fafafa; }
header, main > section { padding: 14px 22px; }
header { background: #fff; border-bottom: 1px solid var(--line); }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 18px 0 8px; }
.court, .muted { color: var(--muted); }
.ruling { font-size: 18px; margin: 8px 0; }
.ruling strong { color: var(--accent); }
table { border-collapse: collapse; margin: 6px 0 10px; background: #fff; }
th, td { border: 1px solid var(--line); padding: 3px 9px; text-align: left; vertical-align: top; }
th { background: #f0f2f5; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 340px; gap: 16px;
  padding: 0 22px; align-items: start; }
details.request { background: #fff; border: 1px solid var(--line); border-radius: 6px;
  margin: 0 0 10px; }
details.request > summary { cursor: pointer; padding: 7px 12px; font-weight: 600; }
.graph-wrap { overflow: auto; padding: 4px 8px 10px; }
svg.graph { max-width: 100%; height: auto; }
svg.graph text { font: 11px system-ui, Helvetica, Arial, sans-serif; fill: #1b1b1f; }
svg.graph text.caption { font-size: 9px; text-transform: uppercase; letter-spacing: .04em; }
svg.graph .node { cursor: pointer; }
svg.graph .node:focus { outline: none; }
svg.graph .node.selected rect { stroke: #000; stroke-width: 3; }
svg.graph path.edge { fill: none; stroke: #8a94a6; stroke-width: 1.2; }
svg.graph path.edge-derives { stroke: #2e7d32; stroke-width: 1.6; }
svg.graph path.edge-cites { stroke: #6a4c93; stroke-dasharray: 4 3; }
svg.graph path.edge-overrides { stroke: #b3261e; stroke-width: 2; }
svg.graph path.edge-part_of { stroke: #aaaaaa; stroke-dasharray: 2 3; }
aside#details { position: sticky; top: 10px; background: #fff; border: 1px solid var(--line);
  border-radius: 6px; padding: 10px 14px; max-height: calc(100vh - 20px); overflow: auto; }
aside#details dt { font-weight: 600; margin-top: 6px; color: var(--muted); font-size: 12px; }
aside#details dd { margin: 0; white-space: pre-wrap; word-break: break-word; }
.toolbar button { font: inherit; margin-right: 6px; }
.legend span { display: inline-block; padding: 1px 7px; margin-right: 6px; border-radius: 4px;
  border: 1px solid; font-size: 12px; }
.narrative p { max-width: 60em; background: #fff; padding: 8px 12px; border-left: 3px solid
  var(--line); }
"""

JS = """
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('kb-data').textContent);
  var panel = document.getElementById('details-body');
  function add(list, name, value) {
    if (value === undefined || value === null || value === '' ||
        (Array.isArray(value) && value.length === 0)) { return null; }
    var dt = document.createElement('dt');
    dt.textContent = name;
    var dd = document.createElement('dd');
    dd.textContent = Array.isArray(value) ? value.join('\\n') : value;
    list.appendChild(dt);
    list.appendChild(dd);
    return dd;
  }
  function pretty(text) {
    try { return JSON.stringify(JSON.parse(text), null, 2); } catch (e) { return text; }
  }
  function show(id) {
    var node = data.nodes[id];
    if (!node) { return; }
    var marked = document.querySelectorAll('g.node.selected');
    for (var i = 0; i < marked.length; i++) { marked[i].classList.remove('selected'); }
    var all = document.querySelectorAll('g.node');
    for (var j = 0; j < all.length; j++) {
      if (all[j].getAttribute('data-node') === id) { all[j].classList.add('selected'); }
    }
    while (panel.firstChild) { panel.removeChild(panel.firstChild); }
    var list = document.createElement('dl');
    add(list, 'Node', id);
    add(list, 'Kind', node.kind + (node.fact_type ? ' (' + node.fact_type + ')' : ''));
    add(list, 'Rule', node.rule);
    add(list, node.kind === 'rule' ? 'Statement' : 'Label', node.statement || node.label);
    add(list, 'Rule text', node.doc);
    add(list, 'Case-file path', node.path);
    add(list, 'Would be at (case file)', node.where);
    add(list, 'Record cite', node.record);
    add(list, 'Status', node.status);
    add(list, 'Effective', node.effective);
    add(list, 'Premises', node.premises);
    add(list, 'Derives', node.derives);
    add(list, 'Defeated by', node.defeated_by);
    if (node.data) { add(list, 'Fields', pretty(node.data)); }
    if (node.title) { add(list, 'Title', node.title); }
    var cites = node.cites || [];
    if (node.kind === 'authority') { cites = [{citation: node.label, url: node.url}]; }
    if (cites.length) {
      var dd = add(list, 'Authorities', ' ');
      dd.textContent = '';
      for (var k = 0; k < cites.length; k++) {
        var line = document.createElement('div');
        var url = cites[k].url || '';
        if (/^https?:\\/\\//.test(url)) {
          var link = document.createElement('a');
          link.href = url;
          link.rel = 'noopener noreferrer';
          link.target = '_blank';
          link.textContent = cites[k].citation;
          line.appendChild(link);
        } else {
          line.textContent = cites[k].citation;
        }
        dd.appendChild(line);
      }
    }
    panel.appendChild(list);
  }
  var nodes = document.querySelectorAll('g.node');
  for (var n = 0; n < nodes.length; n++) {
    nodes[n].addEventListener('click', function (event) {
      show(event.currentTarget.getAttribute('data-node'));
    });
    nodes[n].addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        show(event.currentTarget.getAttribute('data-node'));
      }
    });
  }
  function setAll(open) {
    var sections = document.querySelectorAll('details.request');
    for (var s = 0; s < sections.length; s++) { sections[s].open = open; }
  }
  document.getElementById('expand-all').addEventListener('click', function () { setAll(true); });
  document.getElementById('collapse-all').addEventListener('click', function () { setAll(false); });
  var match = /^#node=(.+)$/.exec(window.location.hash);
  if (match) {
    var linked = decodeURIComponent(match[1]);
    var candidates = document.querySelectorAll('g.node');
    for (var c = 0; c < candidates.length; c++) {
      if (candidates[c].getAttribute('data-node') === linked) {
        var section = candidates[c].closest('details');
        if (section) { section.open = true; }
      }
    }
    show(linked);
  } else if (data.initial) {
    show(data.initial);
  }
}());
"""

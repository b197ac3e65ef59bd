// SPDX-License-Identifier: MIT
// coterm report.html: recolours the map by the chosen measure, draws the legend, shows
// tooltips, links map and table rows, zooms and pans the map, switches overlays and
// sorts tables. No library,
// no network: everything it needs is in the page (docs/report.md).
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var svg = document.getElementById('map');
  var defs = svg.querySelector('defs');
  var NS = 'http://www.w3.org/2000/svg';
  var paths = [];
  svg.querySelectorAll('#features path').forEach(function (p) { paths[+p.dataset.i] = p; });
  var current = data.default;

  // Hatching of marked features over their class colour; spacing ~6 screen pixels.
  function hatch(id, colour, fixedStep) {
    var old = document.getElementById(id);
    if (old) old.remove();
    var vb = svg.viewBox.baseVal;
    var step = fixedStep || vb.width / Math.max(svg.clientWidth || 800, 200) * 6;
    var p = document.createElementNS(NS, 'pattern');
    p.setAttribute('id', id);
    p.setAttribute('patternUnits', 'userSpaceOnUse');
    p.setAttribute('width', step);
    p.setAttribute('height', step);
    p.setAttribute('patternTransform', 'rotate(45)');
    p.innerHTML = '<rect width="' + step + '" height="' + step + '" fill="' + colour + '"/>' +
      '<line x1="0" y1="0" x2="0" y2="' + step + '" stroke="#1a1a1a" stroke-opacity="0.6" stroke-width="' +
      (step * 0.22) + '"/>';
    defs.appendChild(p);
    return 'url(#' + id + ')';
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function legend(m) {
    var box = document.getElementById('legend');
    box.textContent = '';
    box.appendChild(el('div', 'legend-title', m.label + (m.unit ? ' (' + m.unit + ')' : '')));
    box.appendChild(el('div', 'legend-method', m.method === 'quantiles' ?
      'Quantile classes: about equal numbers of areas in each' : m.method === 'categories' ?
      'One colour per value' : 'One class per value'));
    var missing = m.cls.some(function (c) { return c < 0; });
    var items = m.classes.map(function (c, i) { return { c: c, i: i }; });
    if (missing) items.push({ c: { label: 'No data', colour: data.noData, count: m.cls.filter(function (c) { return c < 0; }).length }, i: -1 });
    items.forEach(function (it) {
      var row = el('div', 'legend-item');
      row.dataset.class = it.i;
      row.dataset.colour = it.c.colour;
      if (it.c.min !== undefined) { row.dataset.min = it.c.min; row.dataset.max = it.c.max; }
      var sw = el('span', 'swatch');
      sw.style.background = it.c.colour;
      row.appendChild(sw);
      row.appendChild(el('span', 'legend-label', it.c.label));
      row.appendChild(el('span', 'count', it.c.count + (it.c.count === 1 ? ' area' : ' areas')));
      box.appendChild(row);
    });
  }

  function apply(k) {
    current = k;
    var m = data.measures[k];
    if (!m) return;
    var fills = {};
    paths.forEach(function (p, i) {
      var c = m.cls[i];
      var colour = c < 0 ? data.noData : m.classes[c].colour;
      var fill = colour;
      if (data.features[i][2]) fill = fills[c] || (fills[c] = hatch('hatch-' + (c + 1), colour));
      p.setAttribute('fill', fill);
      p.dataset.class = c;
    });
    legend(m);
  }

  // Tooltip: the area's name and every figure, the mapped one first.
  var tip = document.getElementById('tooltip');
  var wrap = svg.parentNode;
  function show(i, ev) {
    var f = data.features[i];
    tip.textContent = '';
    tip.appendChild(el('div', 'tip-name', f[1] || f[0]));
    tip.appendChild(el('div', 'tip-code', f[0]));
    var order = [current].concat(data.measures.map(function (m, k) { return k; }).filter(function (k) {
      return k !== current && data.measures[k].tip;
    }));
    var t = el('table');
    order.forEach(function (k) {
      var m = data.measures[k];
      var tr = el('tr', k === current ? 'current' : '');
      tr.appendChild(el('th', '', m.label));
      tr.appendChild(el('td', '', m.text[i]));
      t.appendChild(tr);
    });
    tip.appendChild(t);
    if (f[2]) tip.appendChild(el('div', 'tip-mark', document.querySelector('.marked-key') ?
      document.querySelector('.marked-key').textContent.trim() : ''));
    tip.hidden = false;
    var r = wrap.getBoundingClientRect();
    var x = ev.clientX - r.left + 14, y = ev.clientY - r.top + 14;
    if (x + tip.offsetWidth > r.width) x = Math.max(0, ev.clientX - r.left - tip.offsetWidth - 14);
    if (y + tip.offsetHeight > r.height) y = Math.max(0, ev.clientY - r.top - tip.offsetHeight - 14);
    tip.style.left = x + 'px';
    tip.style.top = y + 'px';
  }
  var features = document.getElementById('features');
  features.addEventListener('mousemove', function (ev) {
    if (ev.target.dataset && ev.target.dataset.i !== undefined) show(+ev.target.dataset.i, ev);
  });
  features.addEventListener('mouseleave', function () { tip.hidden = true; });

  // Selection: the area on the map and its row in every table.
  function select(code, scrollRows) {
    document.querySelectorAll('.selected').forEach(function (e) { e.classList.remove('selected'); });
    paths.forEach(function (p) {
      if (p.dataset.code === code) { p.classList.add('selected'); p.parentNode.appendChild(p); }
    });
    document.querySelectorAll('tr[data-code]').forEach(function (tr) {
      if (tr.dataset.code !== code) return;
      tr.classList.add('selected');
      if (scrollRows) {
        var box = tr.closest('.table-wrap');
        box.scrollTop = tr.offsetTop - box.clientHeight / 2;
      }
    });
  }
  features.addEventListener('click', function (ev) {
    if (ev.target.dataset && ev.target.dataset.code) select(ev.target.dataset.code, true);
  });
  document.querySelectorAll('tbody').forEach(function (tb) {
    tb.addEventListener('click', function (ev) {
      var tr = ev.target.closest('tr');
      if (tr && tr.dataset.code) select(tr.dataset.code, false);
    });
  });

  // Zoom and pan: the wheel zooms about the pointer, a drag pans, the buttons zoom
  // about the centre and reset. Only the SVG viewBox changes: no geometry is redrawn.
  var home = { x: svg.viewBox.baseVal.x, y: svg.viewBox.baseVal.y,
    w: svg.viewBox.baseVal.width, h: svg.viewBox.baseVal.height };
  var cur = { x: home.x, y: home.y, w: home.w, h: home.h }; // the view, in doubles
  var rehatch = null;
  function view(x, y, w, h) {
    w = Math.min(home.w, Math.max(home.w / 64, w));
    h = w * home.h / home.w;
    // Keep part of the map in view: the centre stays inside the full extent.
    x = Math.min(home.x + home.w - w / 2, Math.max(home.x - w / 2, x));
    y = Math.min(home.y + home.h - h / 2, Math.max(home.y - h / 2, y));
    cur = { x: x, y: y, w: w, h: h };
    svg.setAttribute('viewBox', x + ' ' + y + ' ' + w + ' ' + h);
    svg.dataset.zoom = (home.w / w).toFixed(3);
    // Hatching spacing follows the zoom, so it stays ~6 screen pixels.
    clearTimeout(rehatch);
    rehatch = setTimeout(function () { apply(current); }, 120);
  }
  function zoomAt(factor, px, py) { // factor > 1 zooms in, about SVG point (px, py)
    var w = Math.min(home.w, Math.max(home.w / 64, cur.w / factor));
    var k = w / cur.w;
    view(px - (px - cur.x) * k, py - (py - cur.y) * k, w, w * home.h / home.w);
  }
  function toSvg(ev) {
    var pt = svg.createSVGPoint();
    pt.x = ev.clientX;
    pt.y = ev.clientY;
    return pt.matrixTransform(svg.getScreenCTM().inverse());
  }
  svg.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    var p = toSvg(ev);
    var lines = ev.deltaMode === 1 ? 33 : ev.deltaMode === 2 ? 400 : 1;
    zoomAt(Math.exp(-ev.deltaY * lines * 0.0015), p.x, p.y);
  }, { passive: false });
  var drag = null, dragged = false;
  svg.addEventListener('pointerdown', function (ev) {
    if (ev.button !== 0) return;
    drag = { x: ev.clientX, y: ev.clientY, vx: cur.x, vy: cur.y, scale: svg.getScreenCTM().a, id: ev.pointerId };
    dragged = false;
  });
  svg.addEventListener('pointermove', function (ev) {
    if (!drag) return;
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (!dragged && Math.abs(dx) + Math.abs(dy) < 4) return; // a click, not a drag
    if (!dragged) { dragged = true; svg.setPointerCapture(drag.id); svg.classList.add('panning'); tip.hidden = true; }
    view(drag.vx - dx / drag.scale, drag.vy - dy / drag.scale, cur.w, cur.h);
  });
  function endDrag() { drag = null; svg.classList.remove('panning'); }
  svg.addEventListener('pointerup', endDrag);
  svg.addEventListener('pointercancel', endDrag);
  // A drag that ends on a footprint does not select it.
  svg.addEventListener('click', function (ev) {
    if (dragged) { ev.stopPropagation(); dragged = false; }
  }, true);
  var controls = el('div', 'map-controls');
  controls.setAttribute('aria-label', 'Map view');
  [['+', 'Zoom in', function () { zoomAt(1.5, cur.x + cur.w / 2, cur.y + cur.h / 2); }],
   ['\u2212', 'Zoom out', function () { zoomAt(1 / 1.5, cur.x + cur.w / 2, cur.y + cur.h / 2); }],
   ['Reset', 'Show the whole map', function () { view(home.x, home.y, home.w, home.h); }]].forEach(function (b) {
    var button = el('button', '', b[0]);
    button.type = 'button';
    button.title = b[1];
    button.setAttribute('aria-label', b[1]);
    if (b[0] === 'Reset') button.id = 'map-reset';
    button.addEventListener('click', b[2]);
    controls.appendChild(button);
  });
  wrap.appendChild(controls);

  var selector = document.getElementById('measure');
  if (selector) selector.addEventListener('change', function () { apply(+selector.value); });

  document.querySelectorAll('#overlays input').forEach(function (box) {
    box.addEventListener('change', function () {
      var g = svg.querySelector('g.overlay[data-overlay="' + box.dataset.overlay + '"]');
      if (box.checked) g.removeAttribute('display'); else g.setAttribute('display', 'none');
    });
  });

  // Sortable tables: numbers by value (blanks last), text in English order.
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var heads = table.querySelectorAll('th');
    heads.forEach(function (th, col) {
      th.querySelector('button').addEventListener('click', function () {
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var numeric = th.dataset.type === 'number';
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col], y = b.cells[col], r;
          if (numeric) {
            var u = x.dataset.v === '' ? null : +x.dataset.v, v = y.dataset.v === '' ? null : +y.dataset.v;
            if (u === null || v === null) return (u === null) - (v === null);
            r = u - v;
          } else {
            r = x.textContent.localeCompare(y.textContent, 'en-GB', { numeric: true });
          }
          return asc ? r : -r;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });

  hatch('hatch-key', '#ffffff', 6);
  var key = document.querySelector('.hatch-key');
  if (key) key.setAttribute('fill', 'url(#hatch-key)');
  apply(current);
})();

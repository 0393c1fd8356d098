// Draws the report charts from the JSON blocks the page renders next to each canvas. The tables on the page
// carry the same figures and are the primary content; the charts are hidden from assistive technology.
// Category labels never overlap: the funnel and breakdowns are horizontal bars (one row per category, the row
// tall enough for its wrapped label), and year labels wrap onto a second line.
(function () {
  'use strict';
  if (typeof window.Chart === 'undefined') {
    return;
  }

  var nhsBlue = '#005eb8';
  var nhsDarkGrey = '#425563';
  var nhsWarmYellow = '#ffb81c';
  var labelFont = { size: 12, lineHeight: 1.2 };
  var rowHeight = 36;
  var wrapAt = 22;

  function readData(canvas) {
    var source = document.getElementById(canvas.getAttribute('data-chart-source'));
    return source ? JSON.parse(source.textContent) : null;
  }

  // Splits a label into lines of at most wrapAt characters (at spaces; a longer word is cut with a hyphen),
  // two lines at most: a longer one ends with an ellipsis — the table beside the chart has the full text.
  function wrap(label) {
    var words = String(label).split(' ');
    var lines = [];
    var line = '';
    words.forEach(function (word) {
      while (word.length > wrapAt) {
        if (line) { lines.push(line); line = ''; }
        lines.push(word.slice(0, wrapAt - 1) + '-');
        word = word.slice(wrapAt - 1);
      }
      if (!line) { line = word; } else if ((line + ' ' + word).length <= wrapAt) { line += ' ' + word; } else { lines.push(line); line = word; }
    });
    if (line) { lines.push(line); }
    if (lines.length > 2) {
      lines = [lines[0], lines[1].slice(0, wrapAt - 1) + '\u2026'];
    }
    return lines;
  }

  // The non-adverse band's dashed lines, drawn across the value axis at 0.80 and 1.25.
  var bandLines = {
    id: 'jcBandLines',
    afterDatasetsDraw: function (chart, args, options) {
      var scale = chart.scales[options.axis];
      if (!scale) { return; }
      var area = chart.chartArea;
      var ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = nhsDarkGrey;
      ctx.setLineDash([6, 4]);
      ctx.lineWidth = 1;
      options.values.forEach(function (value) {
        if (typeof value !== 'number' || value > scale.max || value < scale.min) { return; }
        var at = scale.getPixelForValue(value);
        ctx.beginPath();
        if (options.axis === 'x') { ctx.moveTo(at, area.top); ctx.lineTo(at, area.bottom); } else { ctx.moveTo(area.left, at); ctx.lineTo(area.right, at); }
        ctx.stroke();
      });
      ctx.restore();
    }
  };

  // A copy of the chart as an image, shown instead of the canvas when the page is printed (a canvas sized for
  // the screen does not resize for paper by itself).
  var printCopy = {
    id: 'jcPrintCopy',
    afterRender: function (chart) {
      // While printing the canvas is hidden and may be redrawn at no size: keep the copy made on screen.
      if (chart.canvas.offsetParent === null || chart.canvas.clientHeight === 0) { return; }
      var holder = chart.canvas.parentNode;
      var image = holder.querySelector('img.jc-chart__print');
      if (!image) {
        image = document.createElement('img');
        image.className = 'jc-chart__print';
        image.alt = '';
        holder.appendChild(image);
      }
      image.src = chart.toBase64Image();
    }
  };

  function categoryChart(canvas, labels) {
    // One row per category, so labels stacked down the axis cannot collide.
    canvas.parentNode.style.height = Math.max(200, labels.length * rowHeight + 90) + 'px';
  }

  function valueAxis(max) {
    var axis = { beginAtZero: true, title: { display: true, text: 'Relative likelihood (BME \u00f7 white)' } };
    if (max !== undefined) { axis.max = max; }
    return axis;
  }

  function categoryAxis() {
    return { ticks: { autoSkip: false, font: labelFont } };
  }

  function trend(canvas, data) {
    return new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: data.labels.map(wrap),
        datasets: [
          { label: '95% confidence interval', data: data.upper, borderColor: 'transparent', backgroundColor: 'rgba(0, 94, 184, 0.15)', pointRadius: 0, fill: '+1' },
          { label: '95% CI lower', data: data.lower, borderColor: 'transparent', pointRadius: 0, fill: false },
          { label: 'Relative likelihood', data: data.rl, borderColor: nhsBlue, backgroundColor: nhsBlue, spanGaps: false },
          { label: 'National figure', data: data.national || [], borderColor: nhsDarkGrey, backgroundColor: nhsDarkGrey, borderDash: [2, 3], pointStyle: 'rectRot', spanGaps: false }
        ]
      },
      plugins: [bandLines, printCopy],
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { x: { ticks: { font: labelFont, maxRotation: 45, autoSkip: true } }, y: valueAxis() },
        plugins: {
          jcBandLines: { axis: 'y', values: [data.bandLower, data.bandUpper] },
          legend: { labels: { filter: function (item) { return item.text.indexOf('95% CI lower') < 0; } } }
        }
      }
    });
  }

  function funnel(canvas, data) {
    var labels = data.labels.map(wrap);
    categoryChart(canvas, labels);
    return new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: labels,
        datasets: [
          { label: 'Against headcount', data: data.againstHeadcount, backgroundColor: nhsBlue },
          { label: 'Of those at the previous stage', data: data.conditional, backgroundColor: nhsWarmYellow }
        ]
      },
      plugins: [bandLines, printCopy],
      options: {
        indexAxis: 'y',
        animation: false,
        maintainAspectRatio: false,
        scales: { x: valueAxis(), y: categoryAxis() },
        plugins: { jcBandLines: { axis: 'x', values: [data.bandLower, data.bandUpper] } }
      }
    });
  }

  // Each category's relative likelihood as a point on its 95% interval (a floating bar); an interval with no upper
  // bound runs to the end of the axis and its label says so.
  function breakdown(canvas, data) {
    var finite = data.upper.concat(data.rl, [data.bandUpper]).filter(function (v) { return typeof v === 'number'; });
    var top = Math.ceil(Math.max.apply(null, finite) * 1.1);
    var labels = data.labels.map(function (label, i) { return wrap(data.open[i] ? label + ' (no upper limit)' : label); });
    categoryChart(canvas, labels);
    return new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: labels,
        datasets: [
          {
            type: 'bar',
            label: '95% confidence interval',
            data: data.lower.map(function (low, i) { return low === null ? null : [low, data.open[i] ? top : data.upper[i]]; }),
            backgroundColor: 'rgba(0, 94, 184, 0.25)'
          },
          { type: 'line', label: 'Relative likelihood', data: data.rl, showLine: false, pointRadius: 6, pointStyle: 'rectRot', borderColor: nhsBlue, backgroundColor: nhsBlue }
        ]
      },
      plugins: [bandLines, printCopy],
      options: {
        indexAxis: 'y',
        animation: false,
        maintainAspectRatio: false,
        plugins: { title: { display: true, text: data.title }, jcBandLines: { axis: 'x', values: [data.bandLower, data.bandUpper] } },
        scales: { x: valueAxis(top), y: categoryAxis() }
      }
    });
  }

  var kinds = { trend: trend, funnel: funnel, breakdown: breakdown };
  document.querySelectorAll('canvas[data-chart-kind]').forEach(function (canvas) {
    var draw = kinds[canvas.getAttribute('data-chart-kind')];
    var data = readData(canvas);
    if (draw && data) {
      draw(canvas, data);
    }
  });
}());

// Printed, collapsed details would hide their warnings: open them all first.
window.addEventListener('beforeprint', function () {
  document.querySelectorAll('details').forEach(function (details) { details.open = true; });
});

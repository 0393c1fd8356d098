// Draws the report charts from the JSON blocks the page renders next to each canvas. The tables on the page
// carry the same figures and are the primary content; the charts are hidden from assistive technology.
(function () {
  'use strict';
  if (typeof window.Chart === 'undefined') {
    return;
  }

  var nhsBlue = '#005eb8';
  var nhsDarkGrey = '#425563';
  var nhsWarmYellow = '#ffb81c';

  function readData(canvas) {
    var source = document.getElementById(canvas.getAttribute('data-chart-source'));
    return source ? JSON.parse(source.textContent) : null;
  }

  function band(labels, value, label) {
    return {
      label: label,
      data: labels.map(function () { return value; }),
      borderColor: nhsDarkGrey,
      borderDash: [6, 4],
      borderWidth: 1,
      pointRadius: 0,
      fill: false
    };
  }

  function trend(canvas, data) {
    return new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: data.labels,
        datasets: [
          { label: '95% confidence interval', data: data.upper, borderColor: 'transparent', backgroundColor: 'rgba(0, 94, 184, 0.15)', pointRadius: 0, fill: '+1' },
          { label: '95% CI lower', data: data.lower, borderColor: 'transparent', pointRadius: 0, fill: false },
          { label: 'Relative likelihood', data: data.rl, borderColor: nhsBlue, backgroundColor: nhsBlue, spanGaps: false },
          band(data.labels, data.bandLower, '0.80'),
          band(data.labels, data.bandUpper, '1.25')
        ]
      },
      options: {
        animation: false,
        scales: { y: { beginAtZero: true, title: { display: true, text: 'Relative likelihood (BME \u00f7 white)' } } },
        plugins: { legend: { labels: { filter: function (item) { return item.text.indexOf('95% CI lower') < 0; } } } }
      }
    });
  }

  function funnel(canvas, data) {
    return new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: [
          { type: 'bar', label: 'Against headcount', data: data.againstHeadcount, backgroundColor: nhsBlue },
          { type: 'bar', label: 'Of those at the previous stage', data: data.conditional, backgroundColor: nhsWarmYellow },
          Object.assign(band(data.labels, data.bandLower, '0.80'), { type: 'line' }),
          Object.assign(band(data.labels, data.bandUpper, '1.25'), { type: 'line' })
        ]
      },
      options: {
        animation: false,
        scales: { y: { beginAtZero: true, title: { display: true, text: 'Relative likelihood (BME \u00f7 white)' } } }
      }
    });
  }

  // Each category's relative likelihood as a point on its 95% interval (a floating bar); an interval with no upper
  // bound runs to the top of the axis and its label says so.
  function breakdown(canvas, data) {
    var finite = data.upper.concat(data.rl, [data.bandUpper]).filter(function (v) { return typeof v === 'number'; });
    var top = Math.ceil(Math.max.apply(null, finite) * 1.1);
    var labels = data.labels.map(function (label, i) { return data.open[i] ? label + ' (no upper limit)' : label; });
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
          { type: 'line', label: 'Relative likelihood', data: data.rl, showLine: false, pointRadius: 6, pointStyle: 'rectRot', borderColor: nhsBlue, backgroundColor: nhsBlue },
          Object.assign(band(labels, data.bandLower, '0.80'), { type: 'line' }),
          Object.assign(band(labels, data.bandUpper, '1.25'), { type: 'line' })
        ]
      },
      options: {
        animation: false,
        plugins: { title: { display: true, text: data.title } },
        scales: { y: { beginAtZero: true, max: top, title: { display: true, text: 'Relative likelihood (BME \u00f7 white)' } } }
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

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

  var kinds = { trend: trend, funnel: funnel };
  document.querySelectorAll('canvas[data-chart-kind]').forEach(function (canvas) {
    var draw = kinds[canvas.getAttribute('data-chart-kind')];
    var data = readData(canvas);
    if (draw && data) {
      draw(canvas, data);
    }
  });
}());

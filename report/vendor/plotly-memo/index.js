'use strict';

// plotly.js with the traces the memo draws (scatter is in the core) and nothing else:
// the official "cartesian" bundle also carries box, violin, histograms, contours, image,
// pie and ternary, and costs Chromium twice the CPU to load.
var Plotly = require('plotly.js/lib/core');

Plotly.register([
    require('plotly.js/lib/bar'),
    require('plotly.js/lib/heatmap'),
    require('plotly.js/lib/calendars'),
]);

module.exports = Plotly;

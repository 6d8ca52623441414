// Bundle index.js the way plotly.js builds its own dist files (its esbuild-config.js),
// minified, with a banner naming what it is: node build.js <out.js>
const esbuild = require('esbuild');
const { environmentPlugin } = require('esbuild-plugin-environment');
const version = require('plotly.js/package.json').version;

const banner = `/**
* plotly.js (bar, heatmap - minified) v${version}
* Copyright 2012-2026, Plotly, Inc.
* All rights reserved.
* Licensed under the MIT license
*/`;

esbuild.build({
    entryPoints: [require.resolve('./index.js')],
    outfile: process.argv[2],
    format: 'iife',
    globalName: 'Plotly',
    bundle: true,
    minify: true,
    sourcemap: false,
    banner: { js: banner },
    plugins: [environmentPlugin({ NODE_DEBUG: false })],
    // registry.js imports maplibre's stylesheet for map traces, which are not bundled
    loader: { '.css': 'empty' },
    alias: { regl: '@plotly/regl', stream: 'stream-browserify' },
    define: { global: 'window', 'define.amd': 'false' },
    target: 'es2016',
    logLevel: 'warning',
}).catch(() => process.exit(1));

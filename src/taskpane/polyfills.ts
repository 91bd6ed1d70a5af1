// What Internet Explorer 11 (the pane's browser in Excel 2016/2019 on Windows) lacks and the bundled
// code uses: Promise for TypeScript's async/await helpers, and the ES2015 library calls of src/core,
// src/adapters/officejs and src/taskpane. test/bundle.test.ts scans those sources and keeps this list exact:
// it fails when a call lacks its polyfill here, and when a polyfill here is no longer needed.

// The Promise constructor with then/catch and its statics: what async/await and the pane use, without
// the later additions (any, allSettled, withResolvers, …) that would weigh on the pane.
import 'core-js/modules/es.promise';
import 'core-js/es/array/find';
import 'core-js/es/array/fill';
import { installNormalizeFallback } from './normalize-fallback';

installNormalizeFallback();

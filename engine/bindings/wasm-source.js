// Linked into the glue with --pre-js (engine/bindings/CMakeLists.txt): where the glue takes
// nlp_engine.wasm from, unless its caller passed Module.wasmBinary or Module.instantiateWasm.
//  - A page that began loading the module before its script ran (web/wasm-loader.js: fetched over
//    http, or from base64 where it cannot fetch, LZMA-decoded and compiled) left globalThis.__nlpWasm, a promise of the compiled WebAssembly.Module: instantiate it.
//    If it is the first part of a split module (web/engine-later.js), Module.nlpLater loads the other.
//  - Under Node, read the file next to the glue (build/wasm/), or next to the bundle that holds
//    the glue (dist/engine.mjs, whose banner defines require and __dirname). Emscripten 3.1.6
//    would hand the path to Node's fetch(), which fails (docs/toolchain.md).
//  - Anywhere else (dist/engine.mjs imported by a browser page) the glue fetches the file itself,
//    from the URL the bundle's banner computed from import.meta.url (__nlpWasmURL).
if (!Module['wasmBinary'] && !Module['instantiateWasm']) {
  if (typeof globalThis == 'object' && globalThis['__nlpWasm'] && typeof globalThis['__nlpWasm'].then == 'function') {
    Module['instantiateWasm'] = function (imports, receive) {
      globalThis['__nlpWasm']
        .then(function (module) {
          // The first part of a split module (web/engine-later.js) imports a placeholder for each
          // entry of the later part: web/engine.js refuses those entries until Module.nlpLater has
          // loaded it, so a placeholder only ever says so
          var split = WebAssembly.Module.imports(module).some(function (i) { return i.module == 'placeholder'; });
          if (split) {
            imports['placeholder'] = new Proxy({}, { get: function () {
              return function () { throw new Error('engine: this entry is in nlp_engine.later.wasm.lzma, which has not loaded yet'); };
            } });
          }
          return WebAssembly.instantiate(module, imports).then(function (instance) {
            if (split) Module['nlpLater'] = laterPart(instance);
            return instance;
          });
        })
        .then(function (instance) { receive(instance); }, function (e) {
          try { abort(e && e.message ? e.message : e); } catch (_) { /* abort rejects the module's promise, then throws */ }
        });
      return {};
    };
    // { pending, load() }: load() fetches the later part (web/wasm-loader.js: __nlpWasmLater) and
    // instantiates it against the first, whose table slots it fills; a failed load is tried again
    // by the next call
    var laterPart = function (first) {
      var loading = null;
      var part = {
        'pending': true,
        'load': function () {
          if (!loading) {
            loading = Promise.resolve().then(function () { return globalThis['__nlpWasmLater'](); })
              .then(function (module) { return WebAssembly.instantiate(module, { 'primary': first.exports }); })
              .then(function () { part['pending'] = false; }, function (e) { loading = null; throw e; });
          }
          return loading;
        },
      };
      return part;
    };
  } else if (typeof process == 'object' && process.versions && process.versions.node && typeof require == 'function') {
    Module['wasmBinary'] = require('fs').readFileSync(require('path').join(__dirname, 'nlp_engine.wasm'));
  } else if (typeof __nlpWasmURL == 'string') {
    Module['locateFile'] = function (path, prefix) { return path == 'nlp_engine.wasm' ? __nlpWasmURL : prefix + path; };
  }
}

// Starts loading and compiling the engine's WebAssembly before the page's script runs, so that
// both proceed at once. A classic script, not a module: scripts/build-web.mjs minifies it and
// inlines it at the top of <head> (web/index.html, <!--WASM-->), in one of two forms:
//  - dist/index.html: over http(s) the module is in two files beside the page (web/engine-later.js):
//    nlp_engine.first.wasm, fetched and compiled while it streams in (WebAssembly.compileStreaming),
//    and nlp_engine.later.wasm, the analyses' part, which the page asks for with nlp-later.js
//    (self.__nlpWasmLater; the glue instantiates it against the first). Where a page may not
//    fetch (file://, or an opaque origin such as an <iframe sandbox="allow-scripts">), a classic
//    script may still load: nlp_engine.wasm.js beside the page hands over the whole module as
//    gzip-compressed base64 by calling __nlpWasmScript(base64).
//  - dist/nonlinear-playground.html, the single offline file: an inline script just before this
//    one sets self.__nlpWasmInline to the compressed base64, so the file needs nothing beside it.
// Either way it leaves globalThis.__nlpWasm, a promise of the compiled WebAssembly.Module, which
// the glue instantiates (engine/bindings/wasm-source.js).
(function () {
  var FILE = 'nlp_engine.wasm'; // the whole module, as nlp_engine.wasm.js
  var FIRST = 'nlp_engine.first.wasm', LATER = 'nlp_engine.later.wasm'; // web/engine-later.js
  var inline = self.__nlpWasmInline;
  delete self.__nlpWasmInline;

  // gzip-compressed bytes, in base64 -> the compiled module (DecompressionStream: Chromium 80+,
  // Firefox 113+, Safari 16.4+)
  function inflate(base64) {
    var bytes;
    if (Uint8Array.fromBase64) bytes = Uint8Array.fromBase64(base64); // native where the browser has it (Chromium 156 here): 1 ms, not 20
    else {
      var text = atob(base64);
      bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    }
    var wasm = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(wasm).arrayBuffer().then(function (buffer) { return WebAssembly.compile(buffer); });
  }

  function viaScript() {
    return new Promise(function (resolve, reject) {
      self.__nlpWasmScript = function (base64) { resolve(Promise.resolve(base64).then(inflate)); };
      var script = document.createElement('script');
      script.src = FILE + '.js';
      script.onerror = function () {
        reject(new Error(FILE + '.js did not load: keep it beside index.html, or use nonlinear-playground.html (one file)'));
      };
      document.head.appendChild(script);
    });
  }

  function viaFetch(file) {
    var compiled = WebAssembly.compileStreaming
      ? WebAssembly.compileStreaming(fetch(file))
      : Promise.reject(new Error('no WebAssembly.compileStreaming'));
    // compileStreaming needs the type application/wasm: a server that sends another one costs a
    // second request, read whole and compiled
    return compiled.catch(function () {
      return fetch(file).then(function (r) {
        if (!r.ok) throw new Error(file + ': HTTP ' + r.status);
        return r.arrayBuffer();
      }).then(function (buffer) { return WebAssembly.compile(buffer); });
    });
  }

  var canFetch = (location.protocol === 'http:' || location.protocol === 'https:') && self.origin !== 'null';
  self.__nlpWasm = typeof inline === 'string' ? Promise.resolve(inline).then(inflate) : canFetch ? viaFetch(FIRST).catch(viaScript) : viaScript();
  // the later part of a split module, compiled (asked for once, by the glue: engine/bindings/wasm-source.js)
  self.__nlpWasmLater = function () {
    return viaFetch(LATER).catch(function (e) {
      throw new Error(LATER + ' did not load (' + (e && e.message ? e.message : e) + '): keep it beside index.html, or use nonlinear-playground.html (one file)');
    });
  };
  self.__nlpWasm.catch(function () { /* reported by the engine's loader (web/main.js shows it) */ });
})();

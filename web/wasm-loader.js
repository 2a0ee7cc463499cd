// Starts loading and compiling the engine's WebAssembly before the page's script runs, so that
// both proceed at once. A classic script, not a module: scripts/build-web.mjs bundles it with the
// LZMA decoder (web/lzma-decoder.js and the WebAssembly it runs, web/lzma-decode.c compiled, which
// the build hands over as the module 'nlp:lzma-decoder'), minifies it and inlines it at the top of
// <head> (web/index.html, <!--WASM-->), in one of two forms. The engine's module always travels
// LZMA-compressed (xz -9e: 22 % smaller than gzip -9, docs/toolchain.md fact 25) and is decoded
// here:
//  - dist/index.html: over http(s) the module is in two files beside the page (web/engine-later.js):
//    nlp_engine.first.wasm.lzma, fetched, decoded and compiled, and nlp_engine.later.wasm.lzma,
//    the analyses' part, which the page asks for with nlp-later.js (self.__nlpWasmLater; the glue
//    instantiates it against the first). Where a page may not fetch (file://, or an opaque origin
//    such as an <iframe sandbox="allow-scripts">), a classic script may still load:
//    nlp_engine.wasm.js beside the page hands over the whole module, compressed, in base64, by
//    calling __nlpWasmScript(base64).
//  - dist/nonlinear-playground.html, the single offline file: an inline script just before this
//    one sets self.__nlpWasmInline to that base64, so the file needs nothing beside it; its own
//    script comes LZMA-compressed too, and this one unpacks and runs it (__nlpScriptInline).
// Either way it leaves globalThis.__nlpWasm, a promise of the compiled WebAssembly.Module, which
// the glue instantiates (engine/bindings/wasm-source.js).
import DECODER_BASE64 from 'nlp:lzma-decoder';
import { decodeLzma, decodeLzmaNow } from './lzma-decoder.js';
import { FIRST_WASM as FIRST, LATER_WASM as LATER } from './engine-later.js';

(function () {
  var FILE = 'nlp_engine.wasm'; // the whole module, as nlp_engine.wasm.js
  var inline = self.__nlpWasmInline;
  delete self.__nlpWasmInline;
  var DECODER = fromBase64(DECODER_BASE64);

  // LZMA-compressed bytes -> the module, compiled (the decoder compiled at once, while the
  // engine's module is on its way); rejects with the decoder's message. Here, on the main thread:
  // in a Worker the decoding took longer to come back (the worker's start and the page's
  // script compete for the same cores), and the first frame came later (bench/README.md). A
  // browser without WebAssembly gets the engine's message for it (web/main.js shows it).
  var decoder = typeof WebAssembly === 'object' ? WebAssembly.compile(DECODER) : Promise.reject(new Error('this browser runs no WebAssembly'));
  decoder.catch(function () { /* reported where it is used */ });
  function unpack(bytes) {
    return decoder.then(function (d) { return decodeLzma(bytes, d); }).then(function (wasm) { return WebAssembly.compile(wasm); });
  }

  // the same in base64
  function fromBase64(base64) {
    if (Uint8Array.fromBase64) return Uint8Array.fromBase64(base64); // native where the browser has it (Chromium 156 here): 1 ms, not 20
    var text = atob(base64);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }
  function inflate(base64) {
    return unpack(fromBase64(base64));
  }

  // `first`: why the first part over http did not come, if it did not (said too if this fails)
  function viaScript(first) {
    return new Promise(function (resolve, reject) {
      self.__nlpWasmScript = function (base64) { resolve(Promise.resolve(base64).then(inflate)); };
      var script = document.createElement('script');
      script.src = FILE + '.js';
      script.onerror = function () {
        reject(new Error(FILE + '.js did not load' + (first ? ', nor ' + FIRST + ' (' + first.message + ')' : '') +
          ': keep it beside index.html, or use nonlinear-playground.html (one file)'));
      };
      document.head.appendChild(script);
    });
  }

  function viaFetch(file) {
    return fetch(file).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.arrayBuffer();
    }).then(function (buffer) { return unpack(new Uint8Array(buffer)); });
  }

  // The single file's own script, LZMA-compressed in base64 like its module (its inline script at
  // the end of <body> calls this): decoded and run as an inline script at once, while the page is
  // parsed, as the script itself ran before (so a host's first messages find the page listening
  // when its frame's load event comes); where this browser may not compile the decoder at once on
  // the main thread (Chromium before 2023: 4 kB at most), a moment later. Where it cannot be, the
  // loading line says so. Only in the single file's copy of this script (SINGLE_FILE: true,
  // scripts/build-web.mjs).
  if (SINGLE_FILE) self.__nlpScriptInline = function (base64) {
    var runScript = function (bytes) {
      var script = document.createElement('script');
      script.textContent = new TextDecoder().decode(bytes);
      document.body.appendChild(script);
    };
    var bytes = fromBase64(base64), now;
    try {
      now = decodeLzmaNow(bytes, new WebAssembly.Module(DECODER));
    } catch (e) {
      decoder.then(function (d) { return decodeLzma(bytes, d); }).then(runScript).catch(function (e) {
        var line = document.getElementById('loading');
        line.className = 'loading error';
        var why = e && e.message ? e.message : String(e);
        line.textContent = 'The page\'s script could not be unpacked: ' + why + '. 页面脚本解压失败：' + why + '。';
      });
      return;
    }
    runScript(now);
  };

  var canFetch = (location.protocol === 'http:' || location.protocol === 'https:') && self.origin !== 'null';
  self.__nlpWasm = typeof inline === 'string' ? Promise.resolve(inline).then(inflate) : canFetch ? viaFetch(FIRST).catch(viaScript) : viaScript(null);
  // the later part of a split module, compiled (asked for once, by the glue: engine/bindings/wasm-source.js)
  self.__nlpWasmLater = function () {
    return viaFetch(LATER).catch(function (e) {
      throw new Error(LATER + ' did not load (' + (e && e.message ? e.message : e) + '): keep it beside index.html, or use nonlinear-playground.html (one file)');
    });
  };
  self.__nlpWasm.catch(function () { /* reported by the engine's loader (web/main.js shows it) */ });
})();

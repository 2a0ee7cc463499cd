// The checks of the entry layer: what every public entry (engine/bindings/bindings.cpp, and the
// fuzz harness tests/fuzz/fuzz_entries.cpp, which calls the engine the way the bindings do)
// applies to its arguments before it allocates anything by their size. Each throws
// std::invalid_argument naming the field, in the format of docs/api.md ("Errors"):
//   <field>: <what was given> <what is wrong> (engine.limits.<limit>)
// and quotes at most kQuoteLength characters of a bad value.
#pragma once

#include <Eigen/Core>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "engine_limits.h"
#include "kernels.h"

namespace nlp {

// A number for a message, as printf's %g writes it: 0.5, 1e+06, -1.
inline std::string num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// Characters of a bad value an error message quotes.
inline constexpr size_t kQuoteLength = 60;

// Code points of UTF-8 text (bytes that do not continue a sequence).
inline size_t utf8_length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// `s` quoted for a message: whole if it has at most kQuoteLength characters, else its first
// kQuoteLength and an ellipsis: 'abc…'. Never splits a UTF-8 sequence.
inline std::string quote(const std::string& s) {
  size_t chars = 0, end = 0;
  while (end < s.size()) {
    const auto c = static_cast<unsigned char>(s[end]);
    if ((c & 0xC0) != 0x80 && chars++ == kQuoteLength) break;
    ++end;
  }
  return "'" + s.substr(0, end) + (end < s.size() ? "\xE2\x80\xA6'" : "'");
}

// A name (activation, loss, dataset, dataset kind, optimizer) of at most kMaxNameLength characters.
NLP_COLD inline void check_name(const std::string& name, const std::string& field) {
  const size_t n = utf8_length(name);
  if (n > size_t(kMaxNameLength))
    throw std::invalid_argument(field + ": " + quote(name) + " (" + std::to_string(n) + " characters) is longer than " +
                                std::to_string(kMaxNameLength) + " characters (engine.limits.nameLength)");
}

// A list of layer sizes of at most kMaxLayers entries.
NLP_COLD inline void check_layer_count(size_t count, const std::string& field) {
  if (count > size_t(kMaxLayers))
    throw std::invalid_argument(field + ": " + std::to_string(count) + " sizes, at most " + std::to_string(kMaxLayers) +
                                " (engine.limits.layers: inputs, up to " + std::to_string(kMaxHidden) +
                                " hidden, outputs)");
}

// `samples` x `width` values of one result or workspace fit in kMaxWorkspaceFloats; `what` names
// the width ("units", "outputs", "columns").
NLP_COLD inline void check_samples(double samples, double width, const std::string& field, const char* what) {
  if (samples * width > kMaxWorkspaceFloats)
    throw std::invalid_argument(field + ": " + std::to_string(std::llround(samples)) + " samples x " +
                                std::to_string(std::llround(width)) + " " + what + " need more than " +
                                std::to_string(std::llround(kMaxWorkspaceFloats)) +
                                " floats of workspace (engine.limits.workspaceFloats)");
}

// A call's work (multiply-adds, kMaxCallWork's units) within the limit; else
// std::invalid_argument naming the call and how the work was counted, e.g.
// "fit: 1000 epochs x 4096 samples x 4417 parameters = 1.8e10 multiply-adds, more than ...".
NLP_COLD inline void check_work(double work, const std::string& call, const std::string& how, double limit = kMaxCallWork,
                       const char* name = "callWork") {
  if (!(work <= limit)) {
    char amount[32];
    std::snprintf(amount, sizeof amount, "%.2g", work);
    throw std::invalid_argument(call + ": " + how + " = " + amount + " multiply-adds, more than " +
                                std::to_string(std::llround(limit)) + " (engine.limits." + name +
                                "); split the work into smaller calls");
  }
}

// A float as JS prints it, for the only values reported: NaN, Infinity, -Infinity.
inline std::string js_number(float v) { return std::isnan(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity"; }

// `count` floats at x, every one finite; else std::invalid_argument naming the first other one,
// e.g. "x[3]: NaN is not a finite number".
inline const float* finite(const float* x, size_t count, const std::string& field) {
  const auto i = kernels::first_non_finite(x, Eigen::Index(count));
  if (i >= 0)
    throw std::invalid_argument(field + "[" + std::to_string(i) + "]: " + js_number(x[i]) + " is not a finite number");
  return x;
}

}  // namespace nlp

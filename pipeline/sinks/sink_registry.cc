#include "pipeline/sinks/sink_registry.h"

#include <stdexcept>

#include "pipeline/sinks/postgres_sink.h"

namespace vnie {
namespace {

bool IsScheme(const std::string& form) { return form.ends_with("://"); }
bool IsSuffix(const std::string& form) { return form.starts_with("."); }

std::string StripSlashes(std::string s) {
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

// "a, b or c".
std::string JoinOr(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += items[i];
  }
  return out;
}

// A form as a user writes it: "*.db", "postgresql://...", "'-'".
std::string FormText(const std::string& form) {
  if (IsSuffix(form)) return "*" + form;
  if (IsScheme(form)) return form + "...";
  return "'" + form + "'";
}

bool Fits(const std::string& form, const std::string& target, const std::string& stripped) {
  if (IsScheme(form)) return target.starts_with(form);
  if (IsSuffix(form)) return stripped.ends_with(form);
  return stripped == form;
}

}  // namespace

void SinkRegistry::Register(SinkInfo info) {
  for (auto& s : sinks_) {
    if (s.name == info.name) {
      s = std::move(info);
      return;
    }
  }
  sinks_.push_back(std::move(info));
}

const SinkInfo* SinkRegistry::Choose(const std::string& target, const std::string& format,
                                     std::string* error) const {
  const std::string stripped = StripSlashes(target);
  for (const auto& s : sinks_) {
    for (const auto& form : s.forms) {
      if (IsScheme(form) && Fits(form, target, stripped)) return &s;
    }
  }
  if (!format.empty()) {
    for (const auto& s : sinks_) {
      if (s.name == format && !s.default_target.empty()) return &s;
    }
    *error = "unknown format '" + format + "': use " + FormatHelp();
    return nullptr;
  }
  for (const auto& s : sinks_) {
    for (const auto& form : s.forms) {
      if (Fits(form, target, stripped)) return &s;
    }
  }
  *error = "no sink for output '" + RedactPassword(target) + "': use " + TargetHelp();
  return nullptr;
}

std::unique_ptr<Sink> SinkRegistry::Open(const std::string& target, const SinkOptions& options,
                                         const std::string& format) const {
  std::string error;
  const SinkInfo* info = Choose(target, format, &error);
  if (info == nullptr) throw std::invalid_argument(error);
  return info->factory(target, options);
}

std::string SinkRegistry::DefaultTarget(const std::string& format) const {
  for (const auto& s : sinks_) {
    if (!s.default_target.empty() && (format.empty() || s.name == format)) return s.default_target;
  }
  return "";
}

bool SinkRegistry::IsUri(const std::string& target) const {
  for (const auto& s : sinks_) {
    for (const auto& form : s.forms) {
      if (IsScheme(form) && target.starts_with(form)) return true;
    }
  }
  return false;
}

std::vector<std::string> SinkRegistry::FormatNames() const {
  std::vector<std::string> names;
  for (const auto& s : sinks_) {
    if (!s.default_target.empty()) names.push_back(s.name);
  }
  return names;
}

std::string SinkRegistry::TargetHelp() const {
  std::vector<std::string> parts;
  const std::string default_target = DefaultTarget("");
  for (const auto& s : sinks_) {
    std::vector<std::string> forms;
    for (const auto& f : s.forms) forms.push_back(FormText(f));
    std::string part = JoinOr(forms) + " (" + s.description;
    if (!default_target.empty() && s.default_target == default_target) part += ", default " + default_target;
    parts.push_back(part + ")");
  }
  std::string help;
  for (const auto& p : parts) help += (help.empty() ? "" : "; ") + p;
  return help;
}

std::string SinkRegistry::FormatHelp() const { return JoinOr(FormatNames()); }

}  // namespace vnie

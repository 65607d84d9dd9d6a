#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/commands.h"

namespace vnie {
namespace {

// %j: the message as a JSON string (quoted and escaped), for log shippers.
class JsonMessageFlag : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&, spdlog::memory_buf_t& dest) override {
    std::string s = nlohmann::json(std::string(msg.payload.data(), msg.payload.size()))
                        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    dest.append(s.data(), s.data() + s.size());
  }
  std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<JsonMessageFlag>(); }
};

// %E: the message with control characters escaped (\n, \r, \t, \xNN; C1
// controls and the Unicode line and paragraph separators as \uNNNN), so
// that a file name cannot break a text log line or forge another one.
class EscapedMessageFlag : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&, spdlog::memory_buf_t& dest) override {
    const auto* s = reinterpret_cast<const unsigned char*>(msg.payload.data());
    const size_t n = msg.payload.size();
    char buf[8];
    for (size_t i = 0; i < n; ++i) {
      unsigned char c = s[i];
      if (c == '\n' || c == '\r' || c == '\t') {
        const char* e = c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t";
        dest.append(e, e + 2);
      } else if (c < 0x20 || c == 0x7F) {
        int len = std::snprintf(buf, sizeof buf, "\\x%02x", c);
        dest.append(buf, buf + len);
      } else if (c == 0xC2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F) {  // U+0080..U+009F
        int len = std::snprintf(buf, sizeof buf, "\\u%04x", s[i + 1]);
        dest.append(buf, buf + len);
        ++i;
      } else if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
        const char* e = s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029";
        dest.append(e, e + 6);
        i += 2;
      } else {
        dest.push_back(static_cast<char>(c));
      }
    }
  }
  std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<EscapedMessageFlag>(); }
};

}  // namespace

bool ConfigureLogging(const std::string& level, const std::string& format) {
  auto logger = std::make_shared<spdlog::logger>("vnie", std::make_shared<spdlog::sinks::stderr_sink_mt>());
  spdlog::level::level_enum lvl = spdlog::level::from_str(level);
  if (lvl == spdlog::level::off && level != "off") {
    std::cerr << "vnie: unknown --log-level '" << level << "' (trace, debug, info, warn, error, off)\n";
    return false;
  }
  logger->set_level(lvl);
  if (format == "json") {
    auto formatter = std::make_unique<spdlog::pattern_formatter>();
    formatter->add_flag<JsonMessageFlag>('j').set_pattern(
        R"({"time":"%Y-%m-%dT%H:%M:%S.%e%z","level":"%l","logger":"%n","message":%j})");
    logger->set_formatter(std::move(formatter));
  } else if (format == "text") {
    auto formatter = std::make_unique<spdlog::pattern_formatter>();
    formatter->add_flag<EscapedMessageFlag>('E').set_pattern("%Y-%m-%d %H:%M:%S.%e vnie %l: %E");
    logger->set_formatter(std::move(formatter));
  } else {
    std::cerr << "vnie: unknown --log-format '" << format << "' (text, json)\n";
    return false;
  }
  spdlog::set_default_logger(logger);
  return true;
}

}  // namespace vnie

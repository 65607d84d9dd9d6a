// JSON text written straight into a string, byte for byte as
// nlohmann::json's dump() writes it (no spaces, UTF-8 kept, control
// characters as \u00xx): a record line then builds no tree of nodes, which
// cost as much as normalizing the article.
//
//   std::string out;
//   JsonWriter w(&out);
//   w.BeginObject();
//   w.Key("doc_id"); w.String(id);
//   w.Key("dates"); w.BeginArray(); ... w.EndArray();
//   w.EndObject();
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vnie {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // An object's key; its value follows.
  void Key(std::string_view key);
  // A string that is not valid UTF-8 is written as dump() writes it with
  // error_handler_t::replace (each bad sequence as U+FFFD).
  void String(std::string_view s);
  void OptionalString(const std::optional<std::string>& s) { s ? String(*s) : Null(); }
  // "" as null.
  void StringOrNull(std::string_view s) { s.empty() ? Null() : String(s); }
  void Int(int64_t v);
  void UInt(uint64_t v);
  void Null();

 private:
  void Open(char c);
  void Close(char c);
  // A comma before any value but an object's or array's first.
  void BeforeValue();
  void Quoted(std::string_view s);

  std::string* out_;
  std::vector<bool> first_;  // per open object or array: nothing written yet
  bool after_key_ = false;
};

}  // namespace vnie

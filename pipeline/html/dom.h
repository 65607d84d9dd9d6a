// Small reads of a libxml2 HTML tree shared by the page readers.
#pragma once

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <string>
#include <string_view>

namespace vnie::dom {

inline bool IsElement(const xmlNode* node) { return node != nullptr && node->type == XML_ELEMENT_NODE; }

// The tag name, lowercase (libxml2's HTML parser lowercases it).
inline std::string_view Tag(const xmlNode* node) {
  return node->name ? std::string_view(reinterpret_cast<const char*>(node->name)) : std::string_view();
}

// The attribute NAME's value, or "" when absent.
std::string Attr(const xmlNode* node, const char* name);

// Appends the text of NODE and its descendants to *OUT with every run of
// white space as one space (leading space dropped when *OUT is empty or ends
// in a space).
void AppendCollapsedText(const xmlNode* node, std::string* out);

// Appends TEXT to *OUT with white space collapsed as above.
void AppendCollapsed(std::string_view text, std::string* out);

// TEXT without leading and trailing spaces.
std::string_view Trim(std::string_view text);

}  // namespace vnie::dom

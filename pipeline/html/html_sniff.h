// Telling an HTML page from plain text, and reading the charset it declares,
// before the bytes are decoded.
//
//   LooksHtml("<!DOCTYPE html><html lang=vi>...")                  -> true
//   LooksHtml("Hà Nội, ngày 5/8 - <b> is rare in plain text")      -> false
//   DeclaredCharset("<meta charset=\"windows-1258\">")             -> "windows-1258"
//   DeclaredCharset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">") -> "utf-8"
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vnie {

// True when BYTES start (after a BOM, spaces and comments) with a doctype,
// an <html>, <head> or <body> tag, or when PATH ends in .html, .htm or .xhtml.
bool LooksHtml(std::string_view bytes, std::string_view path = {});

// The charset an HTML page declares in its first 4096 bytes: <meta charset>,
// or <meta http-equiv="Content-Type" content="...; charset=X">, as the HTML
// standard's prescan reads them.  Lowercase; nullopt when none.
std::optional<std::string> DeclaredCharset(std::string_view bytes);

// The charset parameter of a Content-Type value ("text/html; charset=UTF-8"
// -> "utf-8"), lowercase; nullopt when none.
std::optional<std::string> CharsetParameter(std::string_view content_type);

}  // namespace vnie

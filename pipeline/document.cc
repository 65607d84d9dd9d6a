#include "pipeline/document.h"

namespace vnie {

TextSpan Document::SpanOfBytes(size_t begin, size_t end) const {
  TextSpan span;
  span.text = text.substr(begin, end - begin);
  span.start = index.CodePointAt(text, begin);
  span.end = index.CodePointAt(text, end);
  return span;
}

}  // namespace vnie

#include "pipeline/html/main_content.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "pipeline/data/embedded_data.h"
#include "pipeline/html/dom.h"
#include "pipeline/text/unicode_text.h"

namespace vnie {
namespace {

enum class ClassKind { kDrop, kAlways, kKeep };

struct ClassWord {
  std::string word;
  ClassKind kind;
  bool whole_word;
};

const std::vector<ClassWord>& ClassWords() {
  static const std::vector<ClassWord> words = [] {
    std::vector<ClassWord> out;
    for (const auto& row : ParseTsv(EmbeddedData("pipeline/html/page_classes.tsv"))) {
      if (row.size() < 3) continue;
      ClassKind kind = row[1] == "always" ? ClassKind::kAlways : row[1] == "keep" ? ClassKind::kKeep : ClassKind::kDrop;
      out.push_back({std::string(row[0]), kind, row[2] == "word"});
    }
    return out;
  }();
  return words;
}

bool IsWordChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

bool ContainsWord(std::string_view s, std::string_view word, bool whole) {
  for (size_t at = s.find(word); at != std::string_view::npos; at = s.find(word, at + 1)) {
    if (!whole) return true;
    bool left = at == 0 || !IsWordChar(s[at - 1]);
    bool right = at + word.size() == s.size() || !IsWordChar(s[at + word.size()]);
    if (left && right) return true;
  }
  return false;
}

struct ClassVerdict {
  bool drop = false, always = false, keep = false;
};

ClassVerdict ReadClass(const xmlNode* node) {
  ClassVerdict v;
  std::string names = LowerCase(dom::Attr(node, "class") + " " + dom::Attr(node, "id"));
  if (names.size() <= 1) return v;
  for (const auto& w : ClassWords()) {
    if (!ContainsWord(names, w.word, w.whole_word)) continue;
    if (w.kind == ClassKind::kKeep) v.keep = true;
    else if (w.kind == ClassKind::kAlways) v.always = true;
    else v.drop = true;
  }
  return v;
}

// Elements that never hold article text.
bool IsNeverText(std::string_view tag) {
  static const std::unordered_set<std::string_view> kTags = {
      "script", "style",  "noscript", "template", "iframe", "svg",    "canvas", "button", "input",  "select",
      "textarea", "option", "nav",    "aside",    "footer", "object", "embed",  "audio",  "video",  "map",
      "dialog", "head",   "menu",   "label",    "picture", "source", "link",   "meta"};
  return kTags.contains(tag);
}

bool IsBlock(std::string_view tag) {
  static const std::unordered_set<std::string_view> kTags = {
      "address", "article", "blockquote", "body", "center", "dd", "details", "div",  "dl",   "dt",
      "fieldset", "figcaption", "figure", "form", "h1",     "h2", "h3",      "h4",   "h5",   "h6",
      "header",  "hgroup",  "hr",         "html", "li",     "main", "ol",    "p",    "pre",  "section",
      "summary", "table",   "tbody",      "thead", "tfoot", "tr", "ul",      "caption", "legend", "br"};
  return kTags.contains(tag);
}

bool IsHidden(const xmlNode* node) {
  if (xmlHasProp(node, BAD_CAST "hidden") != nullptr) return true;
  if (LowerCase(dom::Attr(node, "aria-hidden")) == "true") return true;
  std::string style = LowerCase(dom::Attr(node, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

bool IsFurnitureRole(const xmlNode* node) {
  static const std::unordered_set<std::string> kRoles = {"navigation", "complementary", "banner", "contentinfo",
                                                          "dialog",     "alert",         "menu",   "menubar",
                                                          "search",     "alertdialog"};
  return kRoles.contains(LowerCase(dom::Attr(node, "role")));
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 && c != ' ';
  return n;
}

size_t Commas(std::string_view s) {
  size_t n = std::count(s.begin(), s.end(), ',');
  for (std::string_view wide : {"，", "、"}) {
    for (size_t at = s.find(wide); at != std::string_view::npos; at = s.find(wide, at + 1)) ++n;
  }
  return n;
}

struct Block {
  std::string text;
  size_t link_chars = 0;
};

class ContentReader {
 public:
  explicit ContentReader(xmlDoc* doc) : root_(xmlDocGetRootElement(doc)) {}

  std::vector<std::string> Read() {
    if (root_ == nullptr) return {};
    std::vector<std::string> out = ReadOnce(/*use_classes=*/true);
    // Class names mislead on some pages (a wrapper named for an ad slot
    // holding the article): a short result is read again with only the
    // "always" words (comments, share bars...), and the longer kept.
    if (TextSize(out) < kShortArticle) {
      std::vector<std::string> again = ReadOnce(/*use_classes=*/false);
      if (TextSize(again) > TextSize(out)) out = std::move(again);
    }
    return out;
  }

 private:
  // Fewer letters than this in the article found: try again without classes.
  static constexpr size_t kShortArticle = 500;
  // A block this long met a second time is a copy, not the article's own.
  static constexpr size_t kRepeatedBlock = 50;

  static size_t TextSize(const std::vector<std::string>& blocks) {
    size_t n = 0;
    for (const auto& b : blocks) n += CodePoints(b);
    return n;
  }

  std::vector<std::string> ReadOnce(bool use_classes) {
    set_aside_.clear();
    counts_.clear();
    scores_.clear();
    use_classes_ = use_classes;
    // Text sizes before anything is set aside: furniture named by a weak
    // class word is set aside only when it holds under half the page.
    Measure(root_, false);
    page_text_ = counts_[root_].text;
    SetAside(root_);
    counts_.clear();
    Measure(root_, false);
    ScoreParagraphs(root_);
    const xmlNode* top = TopCandidate();
    std::vector<Block> blocks;
    if (top == nullptr) {
      Emit(root_, blocks);
    } else {
      for (const xmlNode* part : WithSiblings(top)) Emit(part, blocks);
    }
    std::vector<std::string> out;
    std::unordered_set<std::string> seen;
    for (auto& b : blocks) {
      size_t chars = CodePoints(b.text);
      if (chars == 0) continue;
      // A block that is mostly links is a list of other articles or a menu.
      if (b.link_chars * 2 > chars) continue;
      // A caption repeated by a gallery or a second layout; short lines such
      // as a recipe's "Eat before your workout" may repeat in an article.
      if (chars >= kRepeatedBlock && !seen.insert(b.text).second) continue;
      out.push_back(std::move(b.text));
    }
    return out;
  }

  struct Counts {
    size_t text = 0;       // letters and digits (code points, no spaces) not set aside
    size_t link_text = 0;  // of which inside links
  };

  // Marks the subtrees that are never article text.
  void SetAside(const xmlNode* node) {
    for (const xmlNode* n = node; n != nullptr; n = n->next) {
      if (!dom::IsElement(n)) continue;
      std::string_view tag = dom::Tag(n);
      bool container = tag == "html" || tag == "body" || tag == "main" || tag == "article";
      bool aside = IsNeverText(tag) || IsHidden(n) || IsFurnitureRole(n);
      if (!aside && !container && LowerCase(dom::Attr(n, "itemprop")) != "articlebody") {
        ClassVerdict v = ReadClass(n);
        auto it = counts_.find(n);
        bool minor = it == counts_.end() || it->second.text * 2 < page_text_;
        aside = v.always || (use_classes_ && v.drop && !v.keep && minor);
      }
      if (aside) {
        set_aside_.insert(n);
        continue;
      }
      SetAside(n->children);
    }
  }

  Counts Measure(const xmlNode* node, bool in_link) {
    Counts total;
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        size_t c = n->content ? CodePoints(reinterpret_cast<const char*>(n->content)) : 0;
        total.text += c;
        if (in_link) total.link_text += c;
      } else if (dom::IsElement(n) && !set_aside_.contains(n) && !IsNeverText(dom::Tag(n))) {
        Counts child = Measure(n, in_link || dom::Tag(n) == "a");
        total.text += child.text;
        total.link_text += child.link_text;
      }
    }
    counts_[node] = total;
    return total;
  }

  double LinkDensity(const xmlNode* node) const {
    auto it = counts_.find(node);
    if (it == counts_.end() || it->second.text == 0) return 0;
    return static_cast<double>(it->second.link_text) / static_cast<double>(it->second.text);
  }

  // A line break inside a paragraph does not make it a container.
  bool HasBlockChild(const xmlNode* node) const {
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
      if (dom::IsElement(n) && !set_aside_.contains(n) && IsBlock(dom::Tag(n)) && dom::Tag(n) != "br" &&
          dom::Tag(n) != "hr") {
        return true;
      }
    }
    return false;
  }

  // The text of NODE outside its block children: a container's own lines.
  void AppendOwnText(const xmlNode* node, std::string* out) const {
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content) dom::AppendCollapsed(reinterpret_cast<const char*>(n->content), out);
      } else if (dom::IsElement(n) && !set_aside_.contains(n) && !IsBlock(dom::Tag(n))) {
        AppendText(n, out);
      }
    }
  }

  // Adds a paragraph of TEXT to the scores of its container FIRST and the
  // four levels above it: all of it to FIRST, half to the next, a third of
  // that per level above.
  void ScoreParagraph(const std::string& text, const xmlNode* first) {
    size_t chars = CodePoints(text);
    if (chars < 25) return;
    double score = 1 + static_cast<double>(Commas(text)) + std::min(static_cast<double>(chars) / 100.0, 3.0);
    int level = 0;
    for (const xmlNode* a = first; dom::IsElement(a) && level < 5; a = a->parent, ++level) {
      auto [it, fresh] = scores_.try_emplace(a, 0.0);
      if (fresh) it->second = BaseScore(a);
      it->second += level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
    }
  }

  double BaseScore(const xmlNode* node) const {
    std::string_view tag = dom::Tag(node);
    double score = 0;
    if (tag == "div" || tag == "article" || tag == "main" || tag == "section") score += 5;
    else if (tag == "pre" || tag == "td" || tag == "blockquote") score += 3;
    else if (tag == "address" || tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" || tag == "dt" ||
             tag == "li" || tag == "form") score -= 3;
    else if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') score -= 5;
    if (tag == "article" || LowerCase(dom::Attr(node, "itemprop")) == "articlebody") score += 25;
    ClassVerdict v = ReadClass(node);
    if (use_classes_ && v.keep) score += 25;
    if (use_classes_ && v.drop) score -= 25;
    return score;
  }

  // Each paragraph scores the elements around it (ScoreParagraph).  A
  // paragraph is a p, pre or td, a div or section with no blocks inside, or
  // the lines a container holds outside its blocks (text broken by <br>).
  void ScoreParagraphs(const xmlNode* node) {
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
      if (!dom::IsElement(n) || set_aside_.contains(n)) continue;
      std::string_view tag = dom::Tag(n);
      bool has_blocks = HasBlockChild(n);
      bool paragraph = tag == "p" || tag == "pre" || tag == "td" ||
                       ((tag == "div" || tag == "section" || tag == "span") && !has_blocks);
      if (paragraph) {
        std::string text;
        AppendText(n, &text);
        ScoreParagraph(text, n->parent);
        continue;
      }
      if (has_blocks && (tag == "div" || tag == "section" || tag == "article" || tag == "main" || tag == "td")) {
        std::string own;
        AppendOwnText(n, &own);
        ScoreParagraph(own, n);
      }
      ScoreParagraphs(n);
    }
  }

  const xmlNode* TopCandidate() {
    std::vector<std::pair<double, const xmlNode*>> ranked;
    for (auto& [node, score] : scores_) {
      score *= 1 - LinkDensity(node);
      ranked.emplace_back(score, node);
    }
    if (ranked.empty()) return nullptr;
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    const xmlNode* top = ranked[0].second;
    const double top_score = ranked[0].first;
    // Paragraphs split over several containers: when other near-best
    // candidates exist, the nearest ancestor that holds three of them.
    std::vector<const xmlNode*> near;
    for (size_t i = 1; i < std::min<size_t>(ranked.size(), 5); ++i) {
      if (ranked[i].first >= 0.75 * top_score) near.push_back(ranked[i].second);
    }
    if (near.size() >= 3) {
      for (const xmlNode* a = top->parent; dom::IsElement(a) && dom::Tag(a) != "body"; a = a->parent) {
        int held = 0;
        for (const xmlNode* c : near) {
          for (const xmlNode* p = c; p != nullptr; p = p->parent) {
            if (p == a) {
              ++held;
              break;
            }
          }
        }
        if (held >= 3) {
          top = a;
          break;
        }
      }
    }
    // An article split into chunks of one template (the same tag and class,
    // ads between them): the nearest ancestor that holds every chunk.
    const std::string top_class = dom::Attr(top, "class");
    if (!top_class.empty()) {
      for (const auto& [score, node] : ranked) {
        if (node == top || score < 0.2 * top_score || dom::Tag(node) != dom::Tag(top) ||
            dom::Attr(node, "class") != top_class) {
          continue;
        }
        std::unordered_set<const xmlNode*> above;
        for (const xmlNode* a = top; a != nullptr; a = a->parent) above.insert(a);
        const xmlNode* common = node;
        while (common != nullptr && !above.contains(common)) common = common->parent;
        if (dom::IsElement(common) && dom::Tag(common) != "body" && dom::Tag(common) != "html") top = common;
      }
    }
    // An ancestor that scores higher than the container below it holds more
    // of the article (paragraphs split over sibling containers); the walk
    // up stops where scores fall under a third.
    {
      double last = ScoreOf(top);
      const double floor = last / 3;
      for (const xmlNode* a = top->parent; dom::IsElement(a) && dom::Tag(a) != "body"; a = a->parent) {
        if (!scores_.contains(a)) continue;
        double score = ScoreOf(a);
        if (score < floor) break;
        if (score > last) {
          top = a;
          break;
        }
        last = score;
      }
    }
    // A wrapper with nothing else in it is the same container.
    while (dom::IsElement(top->parent) && dom::Tag(top->parent) != "body" && OnlyElementChild(top->parent) == top) {
      top = top->parent;
    }
    return top;
  }

  const xmlNode* OnlyElementChild(const xmlNode* node) const {
    const xmlNode* only = nullptr;
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
      if (n->type == XML_TEXT_NODE && n->content && !dom::Trim(reinterpret_cast<const char*>(n->content)).empty()) {
        return nullptr;
      }
      if (!dom::IsElement(n) || set_aside_.contains(n)) continue;
      if (only != nullptr) return nullptr;
      only = n;
    }
    return only;
  }

  double ScoreOf(const xmlNode* node) const {
    auto it = scores_.find(node);
    return it == scores_.end() ? 0 : it->second;
  }

  // TOP and the siblings that read as part of the same article.
  std::vector<const xmlNode*> WithSiblings(const xmlNode* top) const {
    if (!dom::IsElement(top->parent)) return {top};
    const double threshold = std::max(10.0, ScoreOf(top) * 0.2);
    const std::string top_class = dom::Attr(top, "class");
    std::vector<const xmlNode*> parts;
    for (const xmlNode* s = top->parent->children; s != nullptr; s = s->next) {
      if (!dom::IsElement(s) || set_aside_.contains(s)) continue;
      if (s == top) {
        parts.push_back(s);
        continue;
      }
      double bonus = !top_class.empty() && dom::Attr(s, "class") == top_class ? ScoreOf(top) * 0.2 : 0;
      bool take = scores_.contains(s) && ScoreOf(s) + bonus >= threshold;
      if (!take && dom::Tag(s) == "p") {
        std::string text;
        AppendText(s, &text);
        size_t chars = CodePoints(text);
        double density = LinkDensity(s);
        std::string_view t = dom::Trim(text);
        take = (chars > 80 && density < 0.25) ||
               (chars > 0 && density == 0 && (t.ends_with(".") || t.find(". ") != std::string_view::npos));
      }
      if (take) parts.push_back(s);
    }
    return parts;
  }

  // The collapsed text of NODE, without the parts set aside.
  void AppendText(const xmlNode* node, std::string* out) const {
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content) dom::AppendCollapsed(reinterpret_cast<const char*>(n->content), out);
      } else if (dom::IsElement(n) && !set_aside_.contains(n)) {
        AppendText(n, out);
      }
    }
  }

  void Flush(std::vector<Block>& blocks) {
    std::string_view t = dom::Trim(current_.text);
    if (!t.empty()) blocks.push_back({std::string(t), current_.link_chars});
    current_ = Block{};
  }

  void Emit(const xmlNode* node, std::vector<Block>& blocks) {
    EmitNode(node, blocks, false);
    Flush(blocks);
  }

  void EmitNode(const xmlNode* node, std::vector<Block>& blocks, bool in_link) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content == nullptr) return;
      size_t before = current_.text.size();
      dom::AppendCollapsed(reinterpret_cast<const char*>(node->content), &current_.text);
      if (in_link) current_.link_chars += CodePoints(std::string_view(current_.text).substr(before));
      return;
    }
    if (!dom::IsElement(node) || set_aside_.contains(node)) return;
    std::string_view tag = dom::Tag(node);
    bool block = IsBlock(tag);
    if (block) Flush(blocks);
    bool link = in_link || tag == "a";
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
      EmitNode(n, blocks, link);
      // Table cells of one row stay on one line.
      if (dom::IsElement(n) && (dom::Tag(n) == "td" || dom::Tag(n) == "th") && !current_.text.empty()) {
        while (current_.text.ends_with(' ')) current_.text.pop_back();
        if (!current_.text.ends_with(" |")) current_.text += " | ";
      }
    }
    if (tag == "tr") {
      while (current_.text.ends_with(' ')) current_.text.pop_back();
      if (current_.text.ends_with(" |")) current_.text.resize(current_.text.size() - 2);
    }
    if (block) Flush(blocks);
  }

  const xmlNode* root_;
  bool use_classes_ = true;
  size_t page_text_ = 0;
  std::unordered_set<const xmlNode*> set_aside_;
  std::unordered_map<const xmlNode*, Counts> counts_;
  std::unordered_map<const xmlNode*, double> scores_;
  Block current_;
};

}  // namespace

std::vector<std::string> MainContentBlocks(xmlDoc* doc) { return ContentReader(doc).Read(); }

}  // namespace vnie

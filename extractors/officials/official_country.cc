#include "extractors/officials/official_country.h"

#include <map>

namespace vnie {
namespace {

// Whether WORD is one of the space-separated words of LIST.
bool IsWordOf(const std::string& word, const std::string& list) {
  for (size_t at = list.find(word); at != std::string::npos; at = list.find(word, at + 1)) {
    bool starts = at == 0 || list[at - 1] == ' ';
    bool ends = at + word.size() == list.size() || list[at + word.size()] == ' ';
    if (starts && ends) return true;
  }
  return false;
}

// Whether vnie reads the officials of CODE by the shape of their names.
bool ReadByShape(const std::string& code) { return code == "VN" || code == "KR" || code == "CN" || code == "JP"; }

}  // namespace

std::string ShapeCountry(NameShape shape) {
  switch (shape) {
    case NameShape::kVietnamese: return "VN";
    case NameShape::kKorean: return "KR";
    case NameShape::kChinese: return "CN";
    case NameShape::kJapanese:
    case NameShape::kJapaneseFamilyFirst: return "JP";
    default: return "";
  }
}

ArticleCountries CountArticleCountries(std::vector<std::pair<size_t, std::string>> cues,
                                       const std::vector<std::string>& stated) {
  ArticleCountries a;
  a.cues = std::move(cues);
  std::vector<std::string> named;
  for (const auto& [at, code] : a.cues) named.push_back(code);
  if (named.empty()) named = stated;
  std::map<std::string, int> count;
  int best = 0, best_western = 0;
  for (const std::string& code : named) {
    if (code.empty()) continue;
    a.cited.insert(code);
    // Strictly more: on a tie the state named first stays the subject.
    int n = ++count[code];
    if (n > best) best = n, a.subject = code;
    if (n > best_western && !ReadByShape(code)) best_western = n, a.western_subject = code;
  }
  return a;
}

std::string OfficialCountry(const CountryEvidence& e, const ArticleCountries& article) {
  if (!e.text.empty()) return e.text;
  if (!e.title.empty()) {
    // "Treasury Secretary John Mbadi" in a Kenyan budget story is Kenyan.
    if (!article.subject.empty() && article.subject != e.title && IsWordOf(article.subject, e.title_also))
      return article.subject;
    return e.title;
  }
  switch (e.shape) {
    case NameShape::kVietnamese: return "VN";
    case NameShape::kKorean: {
      if (!article.cited.count("KP")) return article.cited.count("KR") ? "KR" : "";
      std::string first, nearest;
      for (const auto& [k, code] : article.cues) {
        if (code != "KR" && code != "KP") continue;
        if (first.empty()) first = code;
        if (k >= e.paragraph && k < e.at) nearest = code;
      }
      return !nearest.empty() ? nearest : first;
    }
    case NameShape::kChinese: return article.cited.count("CN") ? "CN" : "";
    case NameShape::kJapanese:
    case NameShape::kJapaneseFamilyFirst: return article.cited.count("JP") ? "JP" : "";
    default:
      // "President William Ruto" in a Kenyan story; "Tổng thống Donald
      // Trump" in a story on China that names the US too.
      return e.international ? "" : article.western_subject;
  }
}

void ApplyStateOffices(std::string& title, std::string& organization, const std::string& country,
                       const std::string& title_country, const OfficialsLexicon& lex) {
  if (!country.empty()) {
    auto body = lex.state_body.find({organization, country});
    if (body != lex.state_body.end()) {
      organization = body->second;
    } else if (!title_country.empty() && country != title_country) {
      // "Treasury Secretary" of a state the table does not list: the title's
      // body is another state's.
      for (size_t i = 0; i < lex.org_info.size(); ++i) {
        if (lex.org_info[i].english == organization && lex.org_info[i].country == title_country) {
          organization.clear();
          break;
        }
      }
    }
    auto t = lex.state_title.find({country, title});
    if (t != lex.state_title.end()) title = t->second;
  }
  auto head = lex.head_title.find({organization, title});
  // Britain's Ministry of Defence is headed by a Secretary, Thailand's by a Minister.
  if (head != lex.head_title.end() && (head->second.second.empty() || head->second.second == country))
    title = head->second.first;
}

bool CalledByFirstWord(const std::string& country, const OfficialsLexicon& lex) {
  return lex.first_word_countries.count(country) > 0;
}

}  // namespace vnie

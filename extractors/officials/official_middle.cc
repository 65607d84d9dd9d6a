// What stands between a title and the name that follows it: a body ("of the
// Ministry of Industry and Trade", "Bộ Công Thương"; local forms such as
// "UBND tỉnh Quảng Nam" are read in official_local_forms.cc),
// a country or host ("Hàn Quốc", "to Vietnam", "tại Việt Nam"), honorifics,
// a second title of the same person, and the name after them.
#include <algorithm>
#include <cctype>

#include "extractors/officials/official_matcher_parts.h"

namespace vnie::matcher {
namespace {

constexpr size_t kMaxMiddle = 18;

// A lowercase word that names a body by its kind ("the authority", "the
// ministry's": kBodyKind in function_words.tsv).
bool IsAnaphorKind(const NameToken& t, const OfficialsLexicon& lex) {
  return t.word && !t.capitalized && (lex.RolesOf(t.fold) & kBodyKind);
}

}  // namespace

// "the ministry", "the central bank", "the same department" at token K:
// the number of tokens, 0 for none.
size_t AnaphorAt(const std::vector<NameToken>& tokens, size_t k, size_t end, const OfficialsLexicon& lex) {
  if (k + 1 >= end || !tokens[k].word || tokens[k].fold != "the") return 0;
  size_t q = k + 1;
  if (q + 1 < end && tokens[q].word && !tokens[q].capitalized && (lex.RolesOf(tokens[q].fold) & kKindAdjective)) ++q;
  return IsAnaphorKind(tokens[q], lex) ? q + 1 - k : 0;
}

namespace {

// What one step of the scan did at the current token.
enum class Step {
  kNoMatch,  // the step does not apply here: the next one is tried
  kNext,     // it consumed tokens: the scan goes on from the new position
  kStop,     // the middle ends here
  kDone,     // the name is found: the middle is complete
};

// The scan from the end of a title to its name, one named step per form
// the middle may hold (see the file comment).  Each step looks at token j_
// and says what it did; Run tries them in order.
class MiddleScan {
 public:
  MiddleScan(const std::vector<NameToken>& tokens, size_t start, size_t end, const OfficialsLexicon& lex,
             const std::string& first_title)
      : tokens_(tokens), start_(start), end_(end), lex_(lex), first_title_(first_title), j_(start) {}

  Middle Run() {
    while (j_ < end_ && j_ < start_ + kMaxMiddle) {
      Look();
      Step step = Honorifics();
      if (step == Step::kNoMatch) step = tokens_[j_].word ? Word() : Punctuation();
      if (step == Step::kDone) return m_;
      if (step == Step::kStop) break;
    }
    m_.stop = j_;
    return m_;
  }

 private:
  // The lexicon phrases that start at j_, looked up once per token.
  void Look() {
    roles_ = lex_.RolesOf(tokens_[j_]);
    org_ = lex_.organizations.Match(tokens_, j_, end_);
    country_ = lex_.countries.Match(tokens_, j_, end_);
    place_ = lex_.places.Match(tokens_, j_, end_);
    lexicon_len_ = std::max({org_.length, country_.length, place_.length});
  }

  // Unlisted words of a body ("Vụ Thị trường châu Á"), while the body is open.
  void ExtendRaw(size_t k) {
    if (!raw_open_) return;
    if (m_.raw_begin == kNone) m_.raw_begin = k;
    m_.raw_end = k + 1;
  }

  Step Word() {
    for (Step (MiddleScan::*step)() : {&MiddleScan::BodyKindThenName, &MiddleScan::SecondTitle, &MiddleScan::Host,
                                       &MiddleScan::AreaOfPost, &MiddleScan::LocalForm, &MiddleScan::ListedBody,
                                       &MiddleScan::Country, &MiddleScan::Place, &MiddleScan::NameWithInitialsHere,
                                       &MiddleScan::Name, &MiddleScan::CapitalizedWord, &MiddleScan::KindPossessive,
                                       &MiddleScan::NameParticle, &MiddleScan::NameThenBody, &MiddleScan::Connector,
                                       &MiddleScan::LowercaseBodyWord}) {
      Step done = (this->*step)();
      if (done != Step::kNoMatch) return done;
    }
    return Step::kStop;
  }

  Step Punctuation() {
    for (Step (MiddleScan::*step)() : {&MiddleScan::Possessive, &MiddleScan::Brackets, &MiddleScan::DashInBody,
                                       &MiddleScan::ClosingComma, &MiddleScan::Separator}) {
      Step done = (this->*step)();
      if (done != Step::kNoMatch) return done;
    }
    return Step::kStop;
  }

  // Honorifics and ranks (", Đại tá", "Mr."), unless a lexicon phrase
  // starting here is longer.
  Step Honorifics() {
    size_t h = lexicon_len_ > lex_.honorifics.Match(tokens_, j_, end_).length ? j_
                                                                              : SkipHonorifics(tokens_, j_, end_, lex_);
    if (h == j_) return Step::kNoMatch;
    j_ = h;
    raw_open_ = false;
    return Step::kNext;
  }

  // "Deputy Governor of the central bank Dang Thanh Binh": a body named by
  // its kind, then the name.
  Step BodyKindThenName() {
    if (j_ != start_ + 1 || tokens_[start_].key != "of") return Step::kNoMatch;
    size_t len = AnaphorAt(tokens_, j_, end_, lex_);
    PersonName name = len ? MatchPersonName(tokens_, j_ + len, end_, lex_) : PersonName{};
    if (!name.length || name.shape == NameShape::kWestern) return Step::kNoMatch;
    m_.last_content = j_ + len - 1;
    m_.name = name;
    m_.stop = j_ + len;
    return Step::kDone;
  }

  // A second title of the same person ("Deputy Prime Minister and Foreign
  // Minister Bui Thanh Son"): the first one is reported.  Any other title
  // starts the next mention.
  Step SecondTitle() {
    PhraseMatch other_title = lex_.titles.Match(tokens_, j_, end_);
    if (!other_title.length || lexicon_len_ >= other_title.length || j_ == start_) return Step::kNoMatch;
    if (!SameHolder(other_title)) {
      // Back to the connector before it, over its country ("Meynardo
      // Montealegre and Vietnamese Deputy Foreign Minister ..."); so does a
      // comma in a list ("Vivian Balakrishnan, Japanese Foreign Minister
      // ..."): a country or body after it is the next person's.
      size_t back = j_;
      while (back > start_ && Claimed(m_, back - 1)) --back;
      if (back > start_ && ((lex_.RolesOf(tokens_[back - 1]) & kConnector) || IsPunct(tokens_[back - 1], ",")))
        j_ = back - 1;
      if (m_.country_pos != kNone && m_.country_pos >= j_) m_.country.clear(), m_.country_pos = m_.country_end = kNone;
      if (m_.org_pos != kNone && m_.org_pos >= j_) m_.org = -1, m_.org_pos = m_.org_end = kNone;
      return Step::kStop;
    }
    m_.claimed.push_back({j_, j_ + other_title.length});
    if (m_.second_title == kNone) {
      m_.second_title = j_;
      m_.second_title_value = other_title.value;
    }
    if (m_.raw_begin != kNone) raw_open_ = false;
    j_ += other_title.length;
    return Step::kNext;
  }

  // Whether the title at j_ is a second office of the first title's holder.
  bool SameHolder(const PhraseMatch& other_title) const {
    // A comma joins a Deputy Prime Minister's concurrent cabinet post
    // ("Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn"); before another
    // office it lists the next person ("Phó Thủ tướng, Chủ tịch UBND TP Cần
    // Thơ Trần Việt Trường").  The same holds for a party leader who is also
    // head of state ("Tổng Bí thư, Chủ tịch nước Lào Thongloun Sisoulith").
    const std::string& second = lex_.title_info[other_title.value].title;
    bool concurrent = j_ == start_ + 1 && IsPunct(tokens_[start_], ",") &&
                      ((first_title_.find("Prime Minister") != std::string::npos &&
                        second.find("Minister") != std::string::npos && second.find("Prime") == std::string::npos) ||
                       (first_title_ == "General Secretary" && (second == "President" || second == "Prime Minister")));
    if (concurrent) return true;
    // "Ambassador to Belgium and head of the Vietnamese Mission to the EU
    // Nguyen Van Thao": "and" right after the first title, or after its
    // host or body.
    if (j_ == start_ + 1 && (lex_.RolesOf(tokens_[start_]) & kConnector)) return true;
    if (j_ > start_ + 1 && (lex_.RolesOf(tokens_[j_ - 1]) & kListJoin)) {
      for (size_t q = start_; q + 1 < j_; ++q) {
        if (!Claimed(m_, q)) return false;
      }
      return true;
    }
    return false;
  }

  // The host right after the title or a country: "Ambassador to South
  // Korea", "Consul General in Busan", "tại Hàn Quốc"; not "Sar Sokha in
  // Phnom Penh".
  Step Host() {
    if (!(roles_ & kHost) ||
        !(j_ == start_ || Claimed(m_, j_ - 1) || (lex_.RolesOf(tokens_[j_ - 1]) & kOrgHead)))
      return Step::kNoMatch;
    size_t k = j_ + 1;
    if (k < end_ && (lex_.RolesOf(tokens_[k]) & kModifier)) ++k;
    // "tại thành phố Hồ Chí Minh": the kind of place before its name.
    size_t unit = k + 1 < end_ && (lex_.RolesOf(tokens_[k]) & kBlockBefore) ? 1
                  : k + 2 < end_ && (lex_.RolesOf(tokens_[k].key + " " + tokens_[k + 1].key) & kBlockBefore) ? 2
                                                                                                          : 0;
    if (unit && lex_.places.Match(tokens_, k + unit, end_).length) k += unit;
    PhraseMatch host_place = lex_.places.Match(tokens_, k, end_);
    size_t len = std::max(lex_.countries.Match(tokens_, k, end_).length, host_place.length);
    if (len) {
      if (host_place.length == len && m_.host_place.empty()) m_.host_place = lex_.place_english[host_place.value];
      m_.claimed.push_back({j_, k + len});
      m_.last_content = k + len - 1;
      j_ = k + len;
      raw_open_ = false;
      return Step::kNext;
    }
    return tokens_[j_].capitalized ? Step::kNoMatch : Step::kStop;
  }

  // "Country Director for Vietnam": the country a post covers, right after
  // the title, is not the one the official serves; "Minister for Foreign
  // Affairs" names a body.
  Step AreaOfPost() {
    if (tokens_[j_].key != "for" || j_ != start_) return Step::kNoMatch;
    size_t len = lex_.countries.Match(tokens_, j_ + 1, end_).length;
    if (!len || len < lex_.organizations.Match(tokens_, j_ + 1, end_).length) return Step::kNoMatch;
    m_.claimed.push_back({j_, j_ + 1 + len});
    m_.last_content = j_ + len;
    j_ += 1 + len;
    raw_open_ = false;
    return Step::kNext;
  }

  // A Vietnamese local body form and its place (official_local_forms.cc).
  Step LocalForm() {
    PhraseMatch form = lex_.org_forms.Match(tokens_, j_, end_);
    if (!form.length) return Step::kNoMatch;
    // "UBND TP.HCM": when no place follows the longest form ("UBND TP."),
    // a shorter one may be followed by a place that holds the rest.
    for (size_t len = form.length; len > 1; --len) {
      if (lex_.places.Match(tokens_, j_ + len, end_).length) break;
      PhraseMatch shorter = lex_.org_forms.Match(tokens_, j_, j_ + len - 1);
      if (shorter.length && lex_.places.Match(tokens_, j_ + shorter.length, end_).length) {
        form = shorter;
        break;
      }
    }
    FormStep step = ScanLocalForm(tokens_, j_, start_, end_, form, lex_, m_);
    if (step == FormStep::kDone) return Step::kDone;
    if (step == FormStep::kAdvanced) {
      raw_open_ = false;
      return Step::kNext;
    }
    return Step::kNoMatch;
  }

  // A body of organizations.tsv, longer than any country or place here.
  Step ListedBody() {
    if (!org_.length || org_.length < country_.length || org_.length < place_.length) return Step::kNoMatch;
    size_t org_end = j_ + org_.length;
    m_.claimed.push_back({j_, org_end});
    m_.last_content = org_end - 1;
    if (OpensLongerName(org_end)) {
      if (m_.raw_begin == kNone) m_.raw_begin = j_;
      m_.raw_end = org_end;
      m_.last_content = org_end - 1;
      j_ = org_end;
      return Step::kNext;
    }
    // A listed body is complete: lowercase words after it are not its name
    // ("Bộ trưởng Ngoại giao Australia Penny Wong vào tuần tới").
    bool after_head_only = m_.raw_begin != kNone && m_.raw_begin + 1 == j_ &&
                           (lex_.RolesOf(tokens_[m_.raw_begin]) & kOrgHead);
    if (m_.raw_begin != kNone && raw_open_ && j_ > start_ &&
        ((lex_.RolesOf(tokens_[j_ - 1]) & kConnector) || after_head_only)) {
      // "Hanoi Department of Industry and Trade", "Sở Y tế", "Cục Y tế dự
      // phòng": part of a longer name.
      ExtendRaw(j_);
      ExtendRaw(org_end - 1);
    } else if (m_.raw_begin == kNone && org_end < end_ && IsPunct(tokens_[org_end], "'s")) {
      if (UnitAfterPossessive(org_end)) return Step::kNext;
      ++org_end;
    } else {
      KeepListedBody(org_end);
      if (m_.raw_begin != kNone) raw_open_ = false;
    }
    j_ = org_end;
    return Step::kNext;
  }

  void KeepListedBody(size_t org_end) {
    if (m_.org_pos != kNone) return;
    m_.org = org_.value;
    m_.org_pos = j_;
    m_.org_end = org_end;
  }

  // Whether the listed body at j_ (ending at ORG_END) opens a longer name:
  // "the National Assembly's Finance and Budget Committee" (a portfolio word
  // that opens a longer body's name), "the Soc Trang Department of
  // Agriculture" (a Vietnamese place before a listed department names the
  // province's own department).
  bool OpensLongerName(size_t org_end) {
    if (!raw_open_) return false;
    bool head_inside = false;
    for (size_t q = j_; q < org_end; ++q) head_inside |= (lex_.RolesOf(tokens_[q]) & kOrgHead) != 0;
    for (size_t q = org_end; !head_inside && q < end_ && q < org_end + 5 && tokens_[q].word; ++q) {
      uint32_t r = lex_.RolesOf(tokens_[q]);
      if (tokens_[q].capitalized && (r & kOrgHead)) return true;
      if (!tokens_[q].capitalized && !(r & kConnector)) break;
      if (MatchPersonName(tokens_, q, end_, lex_).length) break;
    }
    if (m_.raw_begin != kNone && m_.raw_end == j_ && j_ > start_ && Claimed(m_, j_ - 1) && m_.place_country == "VN" &&
        lex_.org_info[org_.value].english.rfind("Department", 0) == 0) {
      m_.claimed.pop_back();  // the words are the body's name as written
      return true;
    }
    return false;
  }

  // "the Ministry of Industry and Trade's Asia-Africa Market Department":
  // the body after the possessive is the one.  A unit named in lowercase
  // ("the State Bank of Vietnam's second inspection department") leaves
  // the listed body; true when that is so.
  bool UnitAfterPossessive(size_t org_end) {
    size_t q = org_end + 1;
    while (q < end_ && q < org_end + 6 && tokens_[q].word && !tokens_[q].capitalized &&
           !(lex_.RolesOf(tokens_[q]) & kStop) && !IsAnaphorKind(tokens_[q], lex_))
      ++q;
    if (q == org_end + 1 || q >= end_ || !IsAnaphorKind(tokens_[q], lex_)) return false;
    KeepListedBody(org_end);
    m_.claimed.push_back({org_end, q + 1});
    m_.last_content = q;
    j_ = q + 1;
    return true;
  }

  // A country: the official's, the first one named.  "the Vietnamese Mission
  // to the EU": a country may open a body's name; after one it ends it
  // ("Bộ Ngoại giao Nhật Bản").
  Step Country() {
    if (!country_.length || country_.length < place_.length) return Step::kNoMatch;
    if (m_.country.empty()) {
      m_.country = lex_.country_code[country_.value];
      m_.country_pos = j_;
      m_.country_end = j_ + country_.length;
    }
    m_.claimed.push_back({j_, j_ + country_.length});
    m_.last_content = j_ + country_.length - 1;
    if (m_.raw_begin == kNone && raw_open_) {
      ExtendRaw(j_);
      ExtendRaw(j_ + country_.length - 1);
    } else {
      raw_open_ = false;
    }
    j_ += country_.length;
    return Step::kNext;
  }

  // A place: the first one named gives its English name and state.
  Step Place() {
    if (!place_.length) return Step::kNoMatch;
    if (m_.place.empty()) {
      m_.place = lex_.place_english[place_.value];
      m_.place_country = lex_.place_country[place_.value];
    }
    m_.claimed.push_back({j_, j_ + place_.length});
    ExtendRaw(j_);
    ExtendRaw(j_ + place_.length - 1);
    m_.last_content = j_ + place_.length - 1;
    j_ += place_.length;
    return Step::kNext;
  }

  // "Judge James R. Spencer", "the Minister of Finance, S. K. Rao": a name
  // with initials right after the office, or after a comma that follows it.
  Step NameWithInitialsHere() {
    bool after_office = j_ == start_ || Claimed(m_, j_ - 1) ||
                        (j_ >= start_ + 2 && IsPunct(tokens_[j_ - 1], ",") && Claimed(m_, j_ - 2));
    if (m_.raw_begin != kNone || !after_office) return Step::kNoMatch;
    size_t len = NameWithInitials(tokens_, j_, end_, lex_);
    if (!len) return Step::kNoMatch;
    m_.name = {len, NameShape::kWestern};
    m_.stop = j_;
    return Step::kDone;
  }

  // A name recognized by its family name.
  Step Name() {
    PersonName name = MatchPersonName(tokens_, j_, end_, lex_);
    if (!name.length) return Step::kNoMatch;
    // "Secretary-General Kao Kim Hourn": one unknown capitalized word right
    // after the title (or its country or body) opens the name whose later
    // words an East Asian family name would start.
    if (name.shape != NameShape::kVietnamese && name.shape != NameShape::kJapanese && raw_open_ &&
        m_.raw_begin != kNone && m_.raw_begin + 1 == j_ && (j_ - 1 == start_ || Claimed(m_, j_ - 2)) &&
        CouldBeGivenOrSurname(tokens_, j_ - 1, lex_) && !tokens_[j_ - 1].marked &&
        !lex_.FamilyCultures(tokens_[j_ - 1])) {
      m_.name = {name.length + 1, NameShape::kWestern};
      m_.stop = j_ - 1;
      m_.raw_begin = m_.raw_end = kNone;
      return Step::kDone;
    }
    if (size_t lead = PlaceBeforeName(tokens_, j_, name, lex_)) {
      ExtendRaw(j_);
      ExtendRaw(j_ + lead - 1);
      m_.last_content = j_ + lead - 1;
      name.length -= lead;
      j_ += lead;
    }
    m_.name = name;
    m_.stop = j_;
    return Step::kDone;
  }

  // A capitalized word no lexicon knows: a word of an unlisted body, or of a
  // Western name that the matcher reads back from the end of the middle.
  Step CapitalizedWord() {
    if (!tokens_[j_].capitalized) return Step::kNoMatch;
    if (roles_ & kOrgHead) org_head_since_punct_ = true;
    lowercase_run_ = 0;
    ExtendRaw(j_);
    m_.last_content = j_;
    ++j_;
    return Step::kNext;
  }

  // "head of the ministry's Medical Services Administration": the body
  // after the possessive is the one.
  Step KindPossessive() {
    if (tokens_[j_].key != "the" || j_ + 3 >= end_ || !IsAnaphorKind(tokens_[j_ + 1], lex_) ||
        !IsPunct(tokens_[j_ + 2], "'s") || !tokens_[j_ + 3].capitalized || m_.raw_begin != kNone)
      return Step::kNoMatch;
    m_.claimed.push_back({j_, j_ + 3});
    j_ += 3;
    return Step::kNext;
  }

  // "Ursula von der Leyen": a lowercase particle between the words of a
  // Western name.
  Step NameParticle() {
    auto name_side = [&](size_t k) {
      return tokens_[k].capitalized || (lex_.RolesOf(tokens_[k]) & kNameParticle);
    };
    if (!(roles_ & kNameParticle) || tokens_[j_].marked || j_ <= start_ || !tokens_[j_ - 1].word || j_ + 1 >= end_ ||
        !tokens_[j_ + 1].word || tokens_[j_ + 1].marked || !name_side(j_ - 1) || !name_side(j_ + 1))
      return Step::kNoMatch;
    ExtendRaw(j_);
    ++j_;
    return Step::kNext;
  }

  // "Spokesman Dmitry Peskov of the Kremlin", "Người phát ngôn Dmitry
  // Peskov của Điện Kremlin": two or three name words right after the title
  // or its country, then "of" and a listed body or a country, are the name;
  // the matcher reads the body after it.
  Step NameThenBody() {
    if (!(roles_ & kConnector) || (roles_ & kListJoin) || m_.raw_begin == kNone || !raw_open_ || m_.raw_end != j_ ||
        m_.org != -1 || m_.form_pos != kNone || j_ - m_.raw_begin < 2 || j_ - m_.raw_begin > 3 ||
        !(m_.raw_begin == start_ || Claimed(m_, m_.raw_begin - 1)))
      return Step::kNoMatch;
    for (size_t q = m_.raw_begin; q < j_; ++q) {
      if (!CouldBeGivenOrSurname(tokens_, q, lex_)) return Step::kNoMatch;
    }
    size_t b = j_ + 1;
    if (b < end_ && tokens_[b].key == "the") ++b;
    if (!lex_.organizations.Match(tokens_, b, end_).length && !lex_.countries.Match(tokens_, b, end_).length)
      return Step::kNoMatch;
    m_.name = {j_ - m_.raw_begin, NameShape::kWestern};
    m_.stop = m_.raw_begin;
    m_.raw_begin = m_.raw_end = kNone;
    return Step::kDone;
  }

  // A connector inside a name ("of", "and", "và") followed by more of it.
  Step Connector() {
    bool next_continues = j_ + 1 < end_ && !(lex_.RolesOf(tokens_[j_ + 1]) & kStop) &&
                          (tokens_[j_ + 1].capitalized || (lex_.RolesOf(tokens_[j_ + 1]) & kConnector) ||
                           lex_.titles.Match(tokens_, j_ + 1, end_).length);
    if (!(roles_ & kConnector) || !next_continues || (roles_ & kStop)) return Step::kNoMatch;
    if (m_.raw_begin != kNone) ExtendRaw(j_);
    ++j_;
    return Step::kNext;
  }

  // A lowercase word of a Vietnamese body's name after its head ("Cục Xuất
  // nhập khẩu"), at most five in a row.
  Step LowercaseBodyWord() {
    if (!org_head_since_punct_ || (roles_ & (kStop | kConnector)) || lowercase_run_ >= 5 || m_.raw_begin == kNone)
      return Step::kNoMatch;
    ++lowercase_run_;
    ExtendRaw(j_);
    m_.last_content = j_;
    ++j_;
    return Step::kNext;
  }

  // A possessive: before a lowercase word it ends a name ("President Uhuru
  // Kenyatta's last budget"); else it stays in a body's name.
  Step Possessive() {
    if (!IsPunct(tokens_[j_], "'s") || m_.raw_begin == kNone) return Step::kNoMatch;
    if (j_ + 1 < end_ && tokens_[j_ + 1].word && !tokens_[j_ + 1].capitalized && !IsAnaphorKind(tokens_[j_ + 1], lex_))
      return Step::kStop;
    // "director of NOAA's National Water Center": after an abbreviation's
    // possessive the unit named next is the body.
    if (raw_open_ && m_.raw_end == j_ && m_.raw_begin + 1 == j_ && tokens_[m_.raw_begin].all_caps && j_ + 1 < end_ &&
        tokens_[j_ + 1].capitalized) {
      m_.raw_begin = m_.raw_end = kNone;
      ++j_;
      return Step::kNext;
    }
    ExtendRaw(j_);
    ++j_;
    return Step::kNext;
  }

  // Brackets: a title's own abbreviation ("Managing Director (MD) of the
  // IMF") is skipped; any other bracket closes an unlisted body's words.
  Step Brackets() {
    const NameToken& t = tokens_[j_];
    if (IsPunct(t, "(") && j_ == start_ && j_ + 2 < end_ && tokens_[j_ + 1].all_caps && IsPunct(tokens_[j_ + 2], ")") &&
        !lex_.organizations.Match(tokens_, j_ + 1, j_ + 2).length && !lex_.countries.Match(tokens_, j_ + 1, j_ + 2).length) {
      m_.claimed.push_back({j_, j_ + 3});
      j_ += 3;
      return Step::kNext;
    }
    if (!IsPunct(t, "(") && !IsPunct(t, ")")) return Step::kNoMatch;
    if (m_.raw_begin != kNone) raw_open_ = false;
    org_head_since_punct_ = false;
    ++j_;
    return Step::kNext;
  }

  // "Vụ Thị trường châu Á - châu Phi": a dash inside a Vietnamese body's name.
  Step DashInBody() {
    if (!IsPunct(tokens_[j_], "-") || !org_head_since_punct_ || m_.raw_begin == kNone || !raw_open_ || j_ + 1 >= end_ ||
        !tokens_[j_ + 1].word || (lex_.RolesOf(tokens_[j_ + 1]) & kStop))
      return Step::kNoMatch;
    ExtendRaw(j_);
    ++j_;
    return Step::kNext;
  }

  // "the head of the European Commission, Jean Dupont, and ...": a name set
  // off by commas after the office ends at its closing comma.
  Step ClosingComma() {
    if (!IsPunct(tokens_[j_], ",") || m_.raw_begin == kNone || !raw_open_ || m_.raw_end != j_) return Step::kNoMatch;
    size_t q = j_;
    while (q > m_.raw_begin && j_ - q < 3 && tokens_[q - 1].word && CouldBeGivenOrSurname(tokens_, q - 1, lex_)) --q;
    if (j_ - q < 2) return Step::kNoMatch;
    if (q > start_ + 1 && IsPunct(tokens_[q - 1], ",")) return Step::kStop;
    // "Foreign Minister Jean Dupont, Mr. Smith and ...": an honorific after
    // the comma starts another person.
    bool after_office = q == start_ || Claimed(m_, q - 1);
    return after_office && lex_.honorifics.Match(tokens_, j_ + 1, end_).length ? Step::kStop : Step::kNoMatch;
  }

  // A comma, dash or ampersand before a capitalized word goes on; a
  // country's possessive after a comma opens the next official ("Commerce
  // Minister Pichai Naripthaphan, Indonesia's Trade Minister").
  Step Separator() {
    const NameToken& t = tokens_[j_];
    bool next_cap = j_ + 1 < end_ && (tokens_[j_ + 1].capitalized || lex_.honorifics.Match(tokens_, j_ + 1, end_).length);
    if (!next_cap || !(IsPunct(t, ",") || IsPunct(t, "-") || IsPunct(t, "&"))) return Step::kStop;
    if (IsPunct(t, ",") && j_ > start_) {
      size_t c = lex_.countries.Match(tokens_, j_ + 1, end_).length;
      if (c && j_ + 1 + c < end_ && IsPunct(tokens_[j_ + 1 + c], "'s")) return Step::kStop;
    }
    if (IsPunct(t, "-")) raw_open_ = m_.raw_begin == kNone;
    org_head_since_punct_ = false;
    if (m_.raw_begin != kNone && IsPunct(t, "&")) ExtendRaw(j_);
    ++j_;
    return Step::kNext;
  }

  const std::vector<NameToken>& tokens_;
  const size_t start_, end_;
  const OfficialsLexicon& lex_;
  const std::string& first_title_;
  size_t j_;
  Middle m_;
  bool raw_open_ = true;              // unlisted words still extend the body's name
  bool org_head_since_punct_ = false;  // a body's head word since the last punctuation
  int lowercase_run_ = 0;             // lowercase body words in a row
  // At j_: its roles and the lexicon phrases that start there.
  uint32_t roles_ = 0;
  PhraseMatch org_, country_, place_;
  size_t lexicon_len_ = 0;
};

}  // namespace

Middle ScanMiddle(const std::vector<NameToken>& tokens, size_t start, size_t end, const OfficialsLexicon& lex,
                  const std::string& first_title) {
  return MiddleScan(tokens, start, end, lex, first_title).Run();
}

}  // namespace vnie::matcher

// A time of day next to a date ("11:03, 2020/02/24", "10:27 a.m. on June
// 22", "10h30 ngày 15/3", "hôm nay lúc 2 giờ chiều"), and the start of a time
// range before it.
#include <algorithm>
#include <cctype>

#include "extractors/dates/date_grammar_impl.h"

namespace vnie::dates {

bool DateGrammar::AttachTime(std::string_view text, size_t* begin, size_t* end, int* hour, int* minute,
                             int* from_hour, int* from_minute) const {
  if (from_hour) *from_hour = -1;
  if (from_minute) *from_minute = -1;
  // Submatches: 1 hh, 2 mi, 3 hh2, 4 mi2, 5 hh3, 6 ap3, 7 hh4, 8 mi4, 9 ap.
  constexpr int kSubs = 10;
  re2::StringPiece subs[kSubs];
  auto read = [&](int* h, int* mi) {
    auto num = [](const re2::StringPiece& s) { return ToInt(std::string_view(s.data(), s.size())); };
    const re2::StringPiece* minutes = nullptr;
    if (subs[1].data()) *h = num(subs[1]), minutes = &subs[2];
    else if (subs[3].data()) *h = num(subs[3]), minutes = &subs[4];
    else if (subs[7].data()) *h = num(subs[7]), minutes = &subs[8];
    else *h = num(subs[5]);
    *mi = minutes && minutes->data() ? num(*minutes) : 0;
    const re2::StringPiece& ap = subs[6].data() ? subs[6] : subs[9];
    if (ap.data() && *h <= 12) {
      const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(ap[0])));
      if (c == 'p' && *h < 12) *h += 12;
      if (c == 'a' && *h == 12) *h = 0;
    } else if (*h < 12) {
      // "8 giờ tối 15/3", "7h chiều 2/9": the part of the day that opens the
      // date says afternoon or night.
      const std::string pod = LowerCase(text.substr(*begin, 8));
      for (const Word& w : impl_->Pods("PODBEFORE")) {
        if (pod.rfind(w.lower, 0) != 0) continue;
        if (*h >= ToInt(w.value) && *h <= ToInt(w.value.substr(w.value.find('-') + 1))) *h += 12;
        break;
      }
    }
    return true;
  };
  const size_t window = std::min<size_t>(*begin, 40);
  re2::StringPiece before(text.data() + *begin - window, window);
  // Every time has a digit: a window with none is not searched.
  const bool digit = std::any_of(before.begin(), before.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digit && impl_->time_before->Match(before, 0, before.size(), RE2::UNANCHORED, subs, kSubs)) {
    const size_t tb = subs[0].data() - text.data();
    int h, mi;
    if (StartsClean(text, tb) && read(&h, &mi)) {
      const size_t date_begin = *begin;
      *begin = tb;
      *hour = h;
      *minute = mi;
      const size_t range_window = std::min<size_t>(tb, 40);
      re2::StringPiece head(text.data() + tb - range_window, range_window);
      if (from_hour && from_minute &&
          impl_->time_range_start->Match(head, 0, head.size(), RE2::UNANCHORED, subs, kSubs)) {
        const size_t rb = subs[0].data() - text.data();
        int fh, fmi;
        // "chiều"/"tối" opening the date make both hours afternoon ones.
        size_t keep = *begin;
        *begin = date_begin;
        const bool ok = StartsClean(text, rb) && read(&fh, &fmi);
        *begin = keep;
        if (ok && fh * 60 + fmi < h * 60 + mi) {
          *begin = rb;
          *from_hour = fh;
          *from_minute = fmi;
        }
      }
      return true;
    }
  }
  re2::StringPiece after(text.data() + *end, text.size() - *end);
  // Asked for groups, RE2 readies its submatch engine for the whole rest of
  // the text; asked only whether a time follows, its DFA stops within a few
  // bytes.  Most dates have no time after them.
  if (impl_->time_after->Match(after, 0, after.size(), RE2::ANCHOR_START, nullptr, 0) &&
      impl_->time_after->Match(after, 0, after.size(), RE2::ANCHOR_START, subs, kSubs)) {
    size_t te = subs[0].data() - text.data() + subs[0].size();
    int h, mi;
    if (EndsClean(text, te) && read(&h, &mi)) {
      // "hôm nay lúc 2 giờ chiều": a part of the day after the time.
      if (!subs[6].data() && !subs[9].data()) {
        size_t w = te;
        while (w < text.size() && (text[w] == ' ' || text[w] == '\t')) ++w;
        for (const Word& pod : impl_->Pods("PODAFTER")) {
          if (LowerCase(text.substr(w, pod.text.size())) != pod.lower || IsWordChar(At(text, w + pod.text.size())))
            continue;
          const size_t dash = pod.value.find('-');
          const int from = ToInt(pod.value), to = dash == std::string::npos ? -1 : ToInt(pod.value.substr(dash + 1));
          if (h >= from && h <= to) h += 12;
          te = w + pod.text.size();
          break;
        }
      }
      // "a.m." at a sentence end keeps its full stop.
      *end = te;
      *hour = h;
      *minute = mi;
      return true;
    }
  }
  return false;
}

}  // namespace vnie::dates

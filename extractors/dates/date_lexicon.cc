#include "extractors/dates/date_lexicon.h"

#include <cctype>

#include "pipeline/data/embedded_data.h"

namespace vnie::dates {

std::vector<std::vector<std::string_view>> Table(std::string_view file) {
  return ParseTsv(EmbeddedData("extractors/dates/" + std::string(file)));
}

Lexicon LoadLexicon() {
  Lexicon lex;
  // A month written "year" names a month only before a year (MONTHY); an
  // English month name also has its lower-case form (MONTHLOW), for the rules
  // where a day and a year leave no doubt.
  for (const auto& r : Table("months.tsv")) {
    if (r.at(3) == "year") {
      lex.Add(r.at(0), "MONTHY", r.at(1), r.at(2), false);
      continue;
    }
    lex.Add(r.at(0), "MONTH", r.at(1), r.at(2), r.at(3) == "exact");
    if (r.at(0) == "en") lex.Add(r.at(0), "MONTHLOW", LowerCase(r.at(1)), r.at(2), true);
  }
  // A weekday written "dir" names a day only with a week word after it.
  for (const auto& r : Table("weekdays.tsv"))
    lex.Add(r.at(0), r.at(3) == "dir" ? "WEEKDAYDIR" : "WEEKDAY", r.at(1), r.at(2), r.at(3) != "any");
  for (const auto& r : Table("mods.tsv")) lex.Add(r.at(0), "MOD", r.at(1), r.at(2), false);
  for (const auto& r : Table("relative.tsv")) {
    std::string value = std::string(r.at(2)) + ":" + std::string(r.at(3));
    if (r.at(4) == "alone") lex.Add(r.at(0), "REL", r.at(1), value, false);
    if (r.at(2) == "year" || r.at(2) == "namedyear") lex.Add(r.at(0), "RELYEAR", r.at(1), r.at(3), false);
    if (r.at(2) == "month") lex.Add(r.at(0), "RELMONTH", r.at(1), r.at(3), false);
  }
  for (const auto& r : Table("numbers.tsv")) {
    std::string cls = r.at(1) == "ordinal" ? "ORD" : std::string(r.at(1));
    for (char& c : cls) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    lex.Add(r.at(0), cls, r.at(2), r.at(3), cls == "ROMAN");
  }
  for (const auto& r : Table("words.tsv")) {
    std::string cls(r.at(1));
    for (char& c : cls) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    lex.Add(r.at(0), cls, r.at(2), r.at(3), cls == "UNIT");
  }
  return lex;
}

}  // namespace vnie::dates

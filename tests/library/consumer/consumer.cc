// Extracts one sentence with the installed library and prints what it found.
#include <vnie/vnie.h>

#include <iostream>

int main() {
  vnie::api::Pipeline pipeline;
  vnie::api::Article article;
  article.published = "2024-07-02";
  vnie::api::Record r =
      pipeline.ExtractText("Last year the Ministry of Finance spent 3,000 billion dong on roads.", article);
  if (r.rejected || r.money.empty() || r.dates.empty()) {
    std::cerr << "unexpected record: " << r.json << "\n";
    return 1;
  }
  std::cout << vnie::api::Version() << " " << r.money[0].amount << " " << r.money[0].currency << " "
            << r.dates[0].value.value_or("null") << "\n";
  return 0;
}

// The Python module `vnie` on the library (include/vnie/vnie.h):
//
//   import vnie
//   vnie.extract("On 3 May the ministry spent $5 million.", published="2024-05-04")  # the record, a dict
//   p = vnie.Pipeline(stages=["decode", "normalize", "metadata", "segment", "money"])
//   p.extract(text)            # reused across calls, and across threads: the GIL is released while it works
//   vnie.normalize("Thuỷ điện Hoà Bình")   # 'Thủy điện Hòa Bình'
//
// Records are the SPEC.md records as dicts (json.loads of the JSON line), so
// they are what `vnie extract` writes.  A bad `published` or `lang` raises
// ValueError.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <vnie/vnie.h>

#include <optional>
#include <string>
#include <vector>

namespace py = pybind11;
using vnie::api::Article;
using vnie::api::Options;
using vnie::api::Pipeline;

namespace {

Article ArticleOf(std::optional<std::string> published, std::optional<std::string> lang,
                  std::optional<std::string> url, std::optional<std::string> id, std::optional<std::string> title) {
  Article a;
  a.published = std::move(published);
  a.lang = std::move(lang);
  a.url = std::move(url);
  a.id = std::move(id);
  a.title = std::move(title);
  return a;
}

py::object Loads(const std::string& json) {
  static py::object loads = py::module_::import("json").attr("loads");
  return loads(py::str(json));
}

// TEXT (str) or BYTES (bytes, any supported encoding) through PIPELINE,
// without the GIL while the chain runs.
py::object Run(const Pipeline& pipeline, std::string input, bool utf8_text, const Article& article) {
  std::string json;
  {
    py::gil_scoped_release release;
    json = utf8_text ? pipeline.ExtractText(input, article).json : pipeline.Extract(input, article).json;
  }
  return Loads(json);
}

const Pipeline& DefaultPipeline() {
  static const Pipeline* pipeline = new Pipeline();  // built on first use, kept for the process
  return *pipeline;
}

}  // namespace

PYBIND11_MODULE(vnie, m) {
  m.doc() = "Dates, monetary amounts and named officials from English and Vietnamese news articles.";
  m.attr("__version__") = vnie::api::Version();
  m.attr("STAGES") = Pipeline::AllStages();

  py::class_<Pipeline>(m, "Pipeline", "A chain of stages, built once and reused; safe to share across threads.")
      .def(py::init([](std::optional<std::vector<std::string>> stages, bool emit_text,
                       std::optional<std::string> encoding) {
             Options o;
             if (stages) o.stages = *stages;
             o.emit_text = emit_text;
             o.encoding = std::move(encoding);
             return new Pipeline(o);
           }),
           py::arg("stages") = py::none(), py::arg("emit_text") = false, py::arg("encoding") = py::none(),
           "stages: names in order (default: vnie.STAGES); emit_text: add the normalized body as 'text'; "
           "encoding: for bytes input, skip detection")
      .def(
          "extract",
          [](const Pipeline& p, py::object text, std::optional<std::string> published, std::optional<std::string> lang,
             std::optional<std::string> url, std::optional<std::string> id, std::optional<std::string> title) {
            Article a = ArticleOf(std::move(published), std::move(lang), std::move(url), std::move(id), std::move(title));
            if (py::isinstance<py::bytes>(text)) return Run(p, text.cast<std::string>(), false, a);
            return Run(p, text.cast<std::string>(), true, a);
          },
          py::arg("text"), py::arg("published") = py::none(), py::arg("lang") = py::none(),
          py::arg("url") = py::none(), py::arg("id") = py::none(), py::arg("title") = py::none(),
          "The record (a dict) of one article: text as str, or the raw bytes of a file in any supported encoding")
      .def_property_readonly("stages", &Pipeline::stages);

  m.def(
      "extract",
      [](py::object text, std::optional<std::string> published, std::optional<std::string> lang,
         std::optional<std::string> url, std::optional<std::string> id, std::optional<std::string> title) {
        Article a = ArticleOf(std::move(published), std::move(lang), std::move(url), std::move(id), std::move(title));
        if (py::isinstance<py::bytes>(text)) return Run(DefaultPipeline(), text.cast<std::string>(), false, a);
        return Run(DefaultPipeline(), text.cast<std::string>(), true, a);
      },
      py::arg("text"), py::arg("published") = py::none(), py::arg("lang") = py::none(), py::arg("url") = py::none(),
      py::arg("id") = py::none(), py::arg("title") = py::none(),
      "The record (a dict) of one article with the whole chain");

  m.def(
      "normalize",
      [](const std::string& text, bool fold) {
        py::gil_scoped_release release;
        return vnie::api::Normalize(text, fold);
      },
      py::arg("text"), py::arg("fold") = false,
      "The normalized text (NFC, one tone placement, boilerplate dropped); with fold=True its ASCII key form");
}

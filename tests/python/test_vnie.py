"""The Python module: vnie.extract, vnie.Pipeline, vnie.normalize.

Run with the module on the path: PYTHONPATH=build/python python3 -m unittest discover -s tests/python
"""
import concurrent.futures
import json
import os
import pathlib
import unittest

import vnie

TEXT = ("Vice Minister of Industry and Trade Tran Quoc Khanh said on Wednesday that trade reached "
        "US$100 billion last year. Khanh added that 2,000 billion dong would go to ports.")


class ExtractTest(unittest.TestCase):
    def test_record_is_the_spec_record(self):
        r = vnie.extract(TEXT, published="2024-07-03")
        self.assertEqual(r["schema"], 1)
        self.assertEqual(r["lang"], "en")
        self.assertEqual(r["published"], "2024-07-03")
        self.assertEqual([m["amount"] for m in r["money"]], ["100000000000", "2000000000000"])
        self.assertIn("2023", [d["value"] for d in r["dates"]])
        self.assertEqual(r["officials"][0]["name_key"], "tran quoc khanh")
        self.assertIsNone(r["rejected"])

    def test_offsets_are_python_string_offsets(self):
        text = "Hôm qua, Bộ trưởng Tài chính Hồ Đức Phớc cho biết Bộ đã chi 3.000 tỷ đồng."
        r = vnie.Pipeline(emit_text=True).extract(text, published="2024-05-04", lang="vi")
        body = r["text"]
        for m in r["money"] + r["dates"]:
            self.assertEqual(body[m["start"]:m["end"]], m["text"])
        self.assertEqual(r["money"][0]["amount"], "3000000000000")

    def test_unpublished_relative_date_is_kept_unresolved(self):
        r = vnie.extract("Last year the city spent $5 million.")
        self.assertIsNone(r["published"])
        self.assertEqual([(d["value"], d.get("relative")) for d in r["dates"]], [(None, "Last year")])

    def test_bytes_in_a_legacy_encoding(self):
        # "Hà Nội, ngày 2/9/2024, thành phố chi 5 triệu USD." as Windows-1258 writes it (combining tones).
        raw = b"H\x61\xcc N\xf4\xf2i, ng\xe0y 2/9/2024, th\xe0nh ph\xf4\xec chi 5 tri\xea\xf2u USD."
        r = vnie.extract(raw)
        self.assertEqual(r["encoding"], "windows-1258")
        self.assertEqual(r["money"][0]["amount"], "5000000")

    def test_mistakes_raise_value_error(self):
        with self.assertRaises(ValueError):
            vnie.extract(TEXT, published="yesterday")
        with self.assertRaises(ValueError):
            vnie.extract(TEXT, lang="fr")
        with self.assertRaises(ValueError):
            vnie.Pipeline(stages=["decode", "nosuchstage"])

    def test_id_url_and_empty_text(self):
        r = vnie.extract(TEXT, id="a-1", url="https://example.org/a")
        self.assertEqual(r["doc_id"], "a-1")
        self.assertEqual(r["source"]["url"], "https://example.org/a")
        self.assertIsNotNone(vnie.extract("")["rejected"])


class PipelineTest(unittest.TestCase):
    def test_subset_of_stages(self):
        p = vnie.Pipeline(stages=["decode", "normalize", "metadata", "segment", "money"])
        self.assertEqual(p.stages, ["decode", "normalize", "metadata", "segment", "money"])
        r = p.extract(TEXT)
        self.assertEqual(r["dates"], [])
        self.assertEqual(len(r["money"]), 2)
        self.assertEqual(vnie.STAGES[0], "decode")

    def test_threads_share_one_pipeline(self):
        p = vnie.Pipeline()
        want = p.extract(TEXT, published="2024-07-03")
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            got = list(pool.map(lambda _: p.extract(TEXT, published="2024-07-03"), range(40)))
        self.assertTrue(all(g == want for g in got))

    def test_same_record_as_the_command(self):
        line = os.environ.get("VNIE_EXTRACT_EXPECTED")
        if not line:
            self.skipTest("VNIE_EXTRACT_EXPECTED not set")
        expected = json.loads(pathlib.Path(line).read_text(encoding="utf-8"))
        self.assertEqual(vnie.extract(TEXT, published="2024-07-03", id="same"), expected)


class NormalizeTest(unittest.TestCase):
    def test_normalize_and_fold(self):
        self.assertEqual(vnie.normalize("Thuỷ điện Hoà Bình"), "Thủy điện Hòa Bình")
        self.assertEqual(vnie.normalize("Nguyễn Hồng Diên", fold=True), "nguyen hong dien")
        self.assertEqual(vnie.normalize(""), "")


if __name__ == "__main__":
    unittest.main()

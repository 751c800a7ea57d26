#!/usr/bin/env python3
"""Writes tests/fuzz/corpus/pdf_plan_reader/plan_tiny.pdf: a one-page plan table (header «№ п/п,
Мероприятие, Срок, Ответственные» and three measures) in under 4 KB, so that it survives the
fuzzer's -max_len (the PDFs of tests/data are 37-51 KB: cut to 4 KB, Poppler finds no page in
them). Helvetica (a base-14 font, nothing embedded) with a /Differences encoding that maps the
Windows-1251 bytes of the Cyrillic letters to their Adobe glyph names, which Poppler turns into
Unicode; /Widths give every letter a width (Helvetica has no Cyrillic glyphs: without them the
letters would stand on one spot and the text extraction would drop repeated ones). Run: /usr/bin/python3 tests/fuzz/make_tiny_pdf.py"""
import os

# Windows-1251 0xC0..0xFF = А..я; the Adobe names skip Ё (afii10023) and ё (afii10071).
upper = [f"/afii{n}" for n in range(10017, 10050) if n != 10023]
lower = [f"/afii{n}" for n in range(10065, 10098) if n != 10071]
differences = "185 /afii61352 192 " + " ".join(upper + lower)  # 185 = «№»

rows = [
    ("№ п/п", "Мероприятие", "Срок", "Ответственные"),
    ("1", "Анализ результатов ВПР", "до 01.10.2025", "Иванова И.И."),
    ("2", "Совещание с учителями", "октябрь 2025", "Петров П.П."),
    ("3", "Независимые наблюдатели на ВПР", "март-апрель 2026", "Сидорова С.С."),
]
columns = [40, 90, 330, 450]


def literal(text):
    data = text.encode("cp1251")
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


content = bytearray(b"BT /F1 14 Tf 40 540 Td ")
content += literal("План мероприятий по обеспечению объективности") + b" Tj ET\n"
y = 500
for row in rows:
    for x, cell in zip(columns, row):
        content += b"BT /F1 10 Tf %d %d Td " % (x, y) + literal(cell) + b" Tj ET\n"
    y -= 24

objects = [
    b"<</Type/Catalog/Pages 2 0 R>>",
    b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
    b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 595]/Resources<</Font<</F1 4 0 R>>>>"
    b"/Contents 5 0 R>>",
    b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/FirstChar 32/LastChar 255/Widths["
    + b" ".join([b"278"] + [b"556"] * 223) + b"]/Encoding<</Type/Encoding"
    b"/BaseEncoding/WinAnsiEncoding/Differences[" + differences.encode() + b"]>>>>",
    b"<</Length %d>>stream\n" % len(content) + bytes(content) + b"endstream",
]
out = bytearray(b"%PDF-1.4\n")
offsets = []
for number, body in enumerate(objects, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
for offset in offsets:
    out += b"%010d 00000 n \n" % offset
out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
assert len(out) < 4096, len(out)
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", "pdf_plan_reader",
                    "plan_tiny.pdf")
with open(path, "wb") as f:
    f.write(out)
print(path, len(out), "bytes")

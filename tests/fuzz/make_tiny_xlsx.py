#!/usr/bin/env python3
"""Writes a tiny results workbook (.xlsx, under 4 KB) into the handmade corpora of the targets that
read workbooks: xlsx_reader, zip_archive, flagged_list_importer and results_importer (there with
the option byte in front). The workbooks of ../shared/data/real are 20 KB and more: cut to the
fuzzer's -max_len of 4 KB they lose the zip's central directory, so without a small whole workbook
those targets never get past the zip. The sheet has a flat results header, two participants,
shared strings (one with rich-text runs), an inline string, a boolean and a date-formatted number.
Run: /usr/bin/python3 tests/fuzz/make_tiny_xlsx.py"""
import io
import os
import zipfile

HEADINGS = ["Год", "Процедура", "Параллель", "Предмет", "Муниципалитет", "Логин ОО",
            "Наименование ОО", "Класс", "Код участника", "Вариант", "З1", "З2",
            "Первичный балл", "Отметка", "Дата"]
ROWS = [
    [2025, "ВПР", 5, "Математика", "Город", "edu000001", "Школа № 1", "5А", 900001, 1, 1, 1, 2,
     4, 45762],
    [2025, "ВПР", 5, "Математика", "Город", "edu000001", "Школа № 1", "5Б", 900002, 2, 0, 1, 1,
     3, 45762],
]


def column(i):
    return chr(ord("A") + i)


def workbook():
    strings = []

    def shared(text):
        if text not in strings:
            strings.append(text)
        return strings.index(text)

    # A title row above the header: a boolean and a merge.
    rows = ['<row r="1"><c r="A1" t="b"><v>1</v></c></row>']
    cells = "".join(f'<c r="{column(i)}2" t="s"><v>{shared(h)}</v></c>'
                    for i, h in enumerate(HEADINGS))
    rows.append(f'<row r="2">{cells}</row>')
    for r, values in enumerate(ROWS, start=3):
        cells = []
        for i, v in enumerate(values):
            ref = f"{column(i)}{r}"
            if isinstance(v, str) and i == 7:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>')
            elif isinstance(v, str):
                cells.append(f'<c r="{ref}" t="s"><v>{shared(v)}</v></c>')
            elif i == len(values) - 1:
                cells.append(f'<c r="{ref}" s="1"><v>{v}</v></c>')
            else:
                cells.append(f'<c r="{ref}"><v>{v}</v></c>')
        rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    sst = "".join(f"<si><t>{s}</t></si>" for s in strings)
    sst += "<si><r><t>Школа</t></r><r><rPr><b/></rPr><t> № 2</t></r></si>"
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    parts = {
        "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org'
            '/package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
            '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        "_rels/.rels":
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}"><Relationship '
            f'Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml":
            f'<?xml version="1.0" encoding="UTF-8"?><workbook {ns} xmlns:r="{rel}"><sheets>'
            '<sheet name="Результаты" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels":
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
            f'<Relationship Id="rId3" Type="{rel}/styles" Target="styles.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml":
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><sheetData>{"".join(rows)}'
            '</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>',
        "xl/sharedStrings.xml":
            f'<?xml version="1.0" encoding="UTF-8"?><sst {ns}>{sst}</sst>',
        "xl/styles.xml":
            f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {ns}><numFmts count="1">'
            '<numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/></numFmts><cellXfs count="2">'
            '<xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, text in parts.items():
            z.writestr(name, text.encode("utf-8"))
    return out.getvalue()


data = workbook()
assert len(data) < 4095, len(data)
here = os.path.dirname(os.path.abspath(__file__))
for target, prefix in [("xlsx_reader", b""), ("zip_archive", b""),
                       ("flagged_list_importer", b""), ("results_importer", b"\0")]:
    folder = os.path.join(here, "corpus", target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "results_tiny.xlsx"), "wb") as f:
        f.write(prefix + data)
print(len(data), "bytes")

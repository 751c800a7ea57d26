#!/usr/bin/env python3
"""Builds the HTML and DOCX import fixtures from seed 002 (../shared/seeds/002_*.txt).

kalinovka_word_clipboard.html: Word's clipboard HTML (CF_HTML header, mso styles, conditional
comments, <o:p>, entities), the title in <b>, section rows as one <td colspan=5>, <br> between the
sentences of the expected-result cells. kalinovka.docx: the same plan as a minimal .docx, section
rows as one w:tc with w:gridSpan=5, the owners of measures 2-4 of section 1 as one vertically merged
cell (w:vMerge restart/continue), expected results as several w:p, the approval block with w:br.
Run: python3 make_fixtures.py ../../../../shared/seeds/002_*.txt
"""
import html
import re
import sys
import zipfile

seed = open(sys.argv[1], encoding='utf-8').read().split('\n')
header = None
rows = []  # (kind, cells)
for line in seed:
    if '\t' not in line:
        continue
    cells = line.split('\t')
    if header is None:
        header = cells
        continue
    if all(c == '' for c in cells[1:]):
        rows.append(('section', cells[0]))
    else:
        rows.append(('measure', cells))

approval = ['УТВЕРЖДАЮ', 'Директор МАОУ «Калиновская СОШ»', '_____ / Н.С. Сазонова/']
appendix = ['Приложение к Приказ №32/1', 'от 04 марта 2024г']
title = [l for l in seed if l.startswith('План мероприятий')][0]


def sentences(text):
    return re.split(r'(?<=\.) (?=[А-ЯЁ])', text)


def esc(text):
    out = html.escape(text, quote=False)
    return out.replace('«', '&laquo;').replace('»', '&raquo;')


# ---- HTML in Word's clipboard style ----
p = lambda t: "<p class=MsoNormal><span lang=RU style='font-size:12.0pt;font-family:\"Times New Roman\",serif'>%s<o:p></o:p></span></p>\n" % t
body = []
for l in approval:
    body.append(p(esc(l).replace(' / ', '<span style=\'mso-spacerun:yes\'>&nbsp;</span>/ ')))
body.append(p('<o:p>&nbsp;</o:p>'))
for l in appendix:
    body.append(p(esc(l)))
body.append("<p class=MsoNormal align=center style='text-align:center'><b><span lang=RU>%s</span></b><o:p></o:p></p>\n" % esc(title))
table = ["<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0\n style='border-collapse:collapse;border:none;mso-yfti-tbllook:1184'>\n"]
table.append(" <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>\n")
for h in header:
    table.append("  <th width=120 valign=top style='border:solid windowtext 1.0pt'>\n  %s</th>\n" % p(esc(h)))
table.append(" </tr>\n")
for i, (kind, data) in enumerate(rows, 1):
    table.append(" <tr style='mso-yfti-irow:%d'>\n" % i)
    if kind == 'section':
        table.append("  <td width=600 colspan=5 valign=top style='border:solid windowtext 1.0pt'>\n  %s</td>\n" % p('<b>%s</b>' % esc(data)))
    else:
        for j, c in enumerate(data):
            text = '<br>\n'.join(esc(s) for s in sentences(c)) if j == 4 else esc(c)
            table.append("  <td width=120 valign=top style='border:solid windowtext 1.0pt'>\n  %s</td>\n" % p(text))
    table.append(" </tr>\n")
table.append("</table>\n")
doc = ("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"\nxmlns:w=\"urn:schemas-microsoft-com:office:word\">\n"
       "<head>\n<meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">\n<title>План</title>\n"
       "<!--[if gte mso 9]><xml>\n <o:DocumentProperties><o:Author>Учитель</o:Author></o:DocumentProperties>\n</xml><![endif]-->\n"
       "<style>\n<!--\n p.MsoNormal {mso-style-parent:\"\"; margin:0cm; font-size:12.0pt;}\n-->\n</style>\n</head>\n"
       "<body lang=RU style='tab-interval:35.4pt'>\n<!--StartFragment-->\n" + ''.join(body) + ''.join(table) +
       "<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n<!--EndFragment-->\n</body>\n</html>\n")
prefix = "Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:%010d\r\nStartFragment:0000000141\r\nEndFragment:0000000000\r\n"
open('kalinovka_word_clipboard.html', 'w', encoding='utf-8').write(prefix % (len(doc.encode()) + 105) + doc)

# ---- DOCX ----
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'


def xesc(t):
    return html.escape(t, quote=False)


def run(text, bold=False):
    rpr = '<w:rPr><w:b/></w:rPr>' if bold else '<w:rPr><w:lang w:val="ru-RU"/></w:rPr>'
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, xesc(text))


def para(*runs):
    return '<w:p><w:pPr><w:spacing w:after="0"/></w:pPr>%s</w:p>' % ''.join(runs)


def tc(content, span=1, vmerge=None):
    props = '<w:tcW w:w="1800" w:type="dxa"/>'
    if span > 1:
        props += '<w:gridSpan w:val="%d"/>' % span
    if vmerge == 'restart':
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge == 'continue':
        props += '<w:vMerge/>'
    return '<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>' % (props, content or '<w:p/>')


parts = []
br = '<w:r><w:br/></w:r>'
parts.append(para(run(approval[0]), br, run(approval[1]), br, run('_____'), '<w:r><w:tab/></w:r>', run('/ Н.С. Сазонова/')))
parts.append('<w:p/>')
parts.append(para(run(appendix[0])))
parts.append(para(run(appendix[1])))
parts.append(para(run(title[:40], True), run(title[40:], True)))
tbl = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
       '<w:tblGrid>' + '<w:gridCol w:w="1800"/>' * 5 + '</w:tblGrid>']
tbl.append('<w:tr><w:trPr><w:tblHeader/></w:trPr>' + ''.join(tc(para(run(h, True))) for h in header) + '</w:tr>')
section = 0
number_in_section = 0
for kind, data in rows:
    if kind == 'section':
        section += 1
        tbl.append('<w:tr>' + tc(para(run(data, True)), span=5) + '</w:tr>')
        continue
    cells = []
    for j, c in enumerate(data):
        if j == 3 and section == 1 and data[0] in ('2', '3', '4'):
            cells.append(tc(para(run(c)) if data[0] == '2' else '', vmerge='restart' if data[0] == '2' else 'continue'))
        elif j == 4:
            cells.append(tc(''.join(para(run(s)) for s in sentences(c))))
        else:
            cells.append(tc(para(run(c))))
    tbl.append('<w:tr>' + ''.join(cells) + '</w:tr>')
tbl.append('</w:tbl>')
parts.append(''.join(tbl))
parts.append('<w:p/><w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>')
document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:document xmlns:w="%s" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<w:body>%s</w:body></w:document>' % (W, ''.join(parts)))
content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '</Types>')
rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')
with zipfile.ZipFile('kalinovka.docx', 'w', zipfile.ZIP_DEFLATED) as z:
    for name, data in (('[Content_Types].xml', content_types), ('_rels/.rels', rels), ('word/document.xml', document)):
        info = zipfile.ZipInfo(name, date_time=(2024, 3, 4, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)

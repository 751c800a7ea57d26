#!/usr/bin/env python3
"""Turns a seed plan (../shared/seeds/NNN_*.txt: paragraphs and tab-separated table rows) into the
HTML document a school would have printed: paragraphs as <p>, consecutive tab-separated lines as one
bordered <table> (a row whose only text is in its first cell spans the whole table, as a section
row does in Word), **bold** as <b>. make_pdf_fixtures.sh converts it with LibreOffice to PDF.
Run: seed_to_html.py SEED.txt > OUT.html
"""
import html
import re
import sys

lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
out = ['<html><head><meta charset="utf-8"><style>'
       'body{font-family:"Liberation Serif";font-size:11pt}'
       'table{border-collapse:collapse;width:100%}'
       'td{border:1px solid black;padding:2pt}'
       '</style></head><body>']
in_table = False
width = 0
bold = False


def inline(text):
    return html.escape(text.strip())


for line in lines:
    if '\t' in line:
        cells = line.split('\t')
        if not in_table:
            out.append('<table border="1" cellspacing="0" cellpadding="3">')
            in_table = True
            width = len(cells)
        cells = [c.strip() for c in cells]
        if all(re.fullmatch(r'[-–—]*', c) for c in cells):
            continue  # a separator line of the text export, no row of the document
        if cells[0] and not any(cells[1:]):
            out.append('<tr><td colspan="%d"><b>%s</b></td></tr>' % (width, inline(cells[0])))
            continue
        while len(cells) < width:
            cells.append('')
        out.append('<tr>' + ''.join('<td valign="top">%s</td>' % inline(c) for c in cells[:width]) + '</tr>')
        continue
    if in_table and line.strip() == '':
        continue  # a blank line between rows of one table
    if in_table:
        out.append('</table>')
        in_table = False
    text = line.strip()
    if not text:
        continue
    start = text.startswith('**')
    end = text.endswith('**')
    text = text.strip('*')
    if start:
        bold = True
    out.append('<p>%s%s%s</p>' % ('<b>' if bold else '', inline(text), '</b>' if bold else ''))
    if end:
        bold = False
if in_table:
    out.append('</table>')
out.append('</body></html>')
print('\n'.join(out))

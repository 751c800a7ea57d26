#!/usr/bin/python3
"""Reads the analysis workbook with openpyxl for tests/io/AnalysisWorkbookTest.cpp.

Prints one JSON object: sheet names, the Normal style's font, and per sheet its cells (row,
column, value, font name and size, bold, wrap), the smallest font size of any written cell, the charts (type, title, series with
their category and value references), and the print setup (orientation, paper, fit to page,
scale, print title rows, header text). Run with /usr/bin/python3 (Debian's python3-openpyxl)."""
import json
import sys

import openpyxl


def text_of(rich):
    """The plain text of a chart title (openpyxl keeps it as rich text runs)."""
    try:
        return "".join(r.t for p in rich.tx.rich.p for r in (p.r or []))
    except AttributeError:
        return None


def main(path):
    wb = openpyxl.load_workbook(path)
    out = {"sheets": wb.sheetnames, "title": wb.properties.title,
           # the Normal style's font: column widths are counted in its digits
           "normal_font": wb._fonts[0].name if wb._fonts else None}
    for ws in wb.worksheets:
        cells = []
        smallest = None
        for row in ws.iter_rows():
            for c in row:
                if c.value is None or c.value == "":
                    continue
                size = float(c.font.sz) if c.font and c.font.sz else 11.0
                smallest = size if smallest is None else min(smallest, size)
                cells.append({"row": c.row, "col": c.column, "value": c.value, "size": size,
                              "font": c.font.name if c.font else None,
                              "bold": bool(c.font and c.font.b), "format": c.number_format,
                              "wrap": bool(c.alignment and c.alignment.wrap_text)})
        charts = []
        for ch in ws._charts:
            series = []
            for s in ch.series:
                series.append({
                    "cat": s.cat.strRef.f if s.cat and s.cat.strRef else
                    (s.cat.numRef.f if s.cat and s.cat.numRef else None),
                    "val": s.val.numRef.f if s.val and s.val.numRef else None,
                    "name": s.tx.v if s.tx is not None and s.tx.v is not None else None,
                })
            charts.append({"type": ch.tagname, "grouping": getattr(ch, "grouping", None),
                           "bar_dir": getattr(ch, "barDir", None),
                           "title": text_of(ch.title) if ch.title else None, "series": series})
        ps = ws.page_setup
        out[ws.title] = {
            "cells": cells,
            "smallest_font": smallest,
            "charts": charts,
            "orientation": ps.orientation,
            "paper": None if ps.paperSize is None else int(ps.paperSize),
            "scale": None if ps.scale is None else int(ps.scale),
            "fit_to_page": bool(ws.sheet_properties.pageSetUpPr.fitToPage)
            if ws.sheet_properties.pageSetUpPr else False,
            "print_title_rows": (ws.print_title_rows or "").replace("$", ""),
            # manual page breaks: the 1-based rows after which a page ends
            "row_breaks": [b.id for b in ws.row_breaks.brk],
            "header_left": ws.oddHeader.left.text,
            "header_right": ws.oddHeader.right.text,
            "header_size": ws.oddHeader.left.size,
            "col_widths": {k: v.width for k, v in ws.column_dimensions.items() if v.width},
        }
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])

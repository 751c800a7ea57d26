#!/usr/bin/python3
"""Independent reader for the workbooks the program writes (plan, analysis report), with openpyxl.

Prints one JSON object: sheet names, document properties, and per sheet its cells (row, column,
value; dates as ISO strings with their number format), merged ranges, frozen pane, print title
rows, orientation and fit-to-width. Run with /usr/bin/python3 (Debian's python3-openpyxl)."""
import datetime
import json
import sys

import openpyxl


def cell_value(cell):
    v = cell.value
    if isinstance(v, (datetime.datetime, datetime.date)):
        return {"date": v.strftime("%Y-%m-%d"), "format": cell.number_format}
    return v


def main(path):
    wb = openpyxl.load_workbook(path)
    out = {
        "sheets": wb.sheetnames,
        # the Normal style's font: column widths are counted in its digits
        "normal_font": wb._fonts[0].name if wb._fonts else None,
        "properties": {"title": wb.properties.title,
                       "creator": wb.properties.creator, "subject": wb.properties.subject},
    }
    for ws in wb.worksheets:
        cells = []
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None and c.value != "":
                    cells.append({"row": c.row, "col": c.column, "value": cell_value(c),
                                  "bold": bool(c.font and c.font.b),
                                  "wrap": bool(c.alignment and c.alignment.wrap_text),
                                  "top": bool(c.alignment and c.alignment.vertical == "top"),
                                  "format": c.number_format,
                                  "border": bool(c.border and c.border.left and c.border.left.style)})
        out[ws.title] = {
            "cells": cells,
            "merged": [[r.min_row, r.min_col, r.max_row, r.max_col] for r in ws.merged_cells.ranges],
            "freeze": ws.freeze_panes,
            # "$9:$9" in openpyxl 3.0, "9:9" in later versions
            "print_title_rows": (ws.print_title_rows or "").replace("$", ""),
            "orientation": ws.page_setup.orientation,
            "paper": None if ws.page_setup.paperSize is None else int(ws.page_setup.paperSize),
            # absent attributes mean 1 (ECMA-376 CT_PageSetup defaults)
            "fit_width": 1 if ws.page_setup.fitToWidth is None else int(ws.page_setup.fitToWidth),
            "fit_height": 1 if ws.page_setup.fitToHeight is None else int(ws.page_setup.fitToHeight),
            "fit_to_page": ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
            "max_col": ws.max_column,
            "row_heights": {str(r): d.height for r, d in ws.row_dimensions.items()
                            if d.height is not None},
            # manual page breaks: the 1-based rows after which a page ends
            "row_breaks": [b.id for b in ws.row_breaks.brk],
            "col_widths": {k: v.width for k, v in ws.column_dimensions.items() if v.width},
        }
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])

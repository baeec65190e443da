"""What each corpus file must give: the sheet read, its header row, labels and rows (as cell_text shows them),
or the message it is refused with (a constant of desktop_app.reports.importing)."""

from __future__ import annotations

HEADERS = ["序号", "姓名", "身份证号", "性别", "出生日期", "小区", "住址", "联系电话"]
REGISTER = [  # Excel row, values; the compound 逍遥津小区 is merged over rows 3 to 5
    (3, ["1", "张三", "340102194803051130", "男", "1948-03-05", "逍遥津小区", "1单元502", "13812345678"]),
    (4, ["2", "李四", "340102195211201240", "女", "1952-11-20", "逍遥津小区", "2-301", "13912345678"]),
    (5, ["3", "王五", "340102195007011378", "男", "1950-07-01", "逍遥津小区", "3栋2单元301室", "13811112222"]),
    (6, ["4", "赵六", "340102194601091484", "女", "1946-01-09", "杏花村小区", "5#楼1单元101", "13822223333"]),
    (7, ["5", "钱七", "340102193912311515", "男", "1939-12-31", "杏花村小区", "和平路12号", "13833334444"]),
]


def register(sheet: str = "居民台账", file_format: str = "xlsx", note: str = "") -> dict:
    return {"sheet": sheet, "format": file_format, "header_row": 2, "labels": HEADERS, "rows": REGISTER, "merged": 2,
            "note": note}


READ = {
    # written by programs
    "openpyxl.xlsx": register(),
    "xlsxwriter.xlsx": register(),  # dates in Excel's built-in Chinese format 27
    "xlwt.xls": register(file_format="xls"),
    "libreoffice.xlsx": register(),
    "libreoffice.xls": register(file_format="xls"),
    "libreoffice.ods": register(file_format="ods"),
    "odfpy-styled-to-the-end.ods": register(file_format="ods"),  # rows and columns repeated to the sheet's end
    "wps-as-xls.et": register(file_format="xls"),
    "wps-as-xlsx.et": register(),
    # hand-made XML
    "prefix-x.xlsx": register(),  # x:mergeCell …
    "prefix-ns2.xlsx": register(),
    "strict.xlsx": register(),
    "dimension-a1.xlsx": register(),  # <dimension ref="A1"/> over the whole table (Tencent Docs)
    "dimension-too-small.xlsx": register(),  # declares A1:C4
    "dimension-huge.xlsx": register(),  # declares A1:XFD1048576
    "styled-to-the-end.xlsx": register(),  # styled empty cells to XFD and row 1,048,576
    "hidden-first-sheet.xlsx": register(),  # the hidden first sheet is not the one read
    "active-second-sheet.xlsx": register(sheet="Sheet2"),  # the active sheet, not the first
    "all-sheets-hidden.xlsx": register(note="Every sheet of the workbook is hidden"),
    "workbook-part-renamed.xlsx": register(note="second reader"),  # calamine cannot, openpyxl can
    "rich-phonetic-escapes.xlsx": {
        "sheet": "居民台账", "format": "xlsx", "header_row": 1, "labels": ["姓名", "联系电话", "备注"], "merged": 0, "note": "",
        "rows": [(2, ["单", "13812345678", "第一行\n第二行"]),  # phonetic run left out; _x000D_ and a line end → one
                 (3, ["富文本", "13912345678", "<备注> & 一"]),  # rich text runs joined; entities
                 (4, ["空格", "", "是"])],  # an error cell (#N/A) is empty; TRUE
    },
    "dates-1904.xlsx": {"sheet": "居民台账", "format": "xlsx", "header_row": 1, "labels": ["出生日期"], "merged": 0,
                        "note": "", "rows": [(2, ["1948-03-05"])]},
    "dates-chinese-formats.xlsx": {
        "sheet": "居民台账", "format": "xlsx", "header_row": 1, "merged": 0, "note": "",
        "labels": [f"格式{f}" for f in (27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58, 176)],
        "rows": [(2, ["1948-03-05"] * 20)],
    },
    "no-coordinates.xlsx": {"sheet": "居民台账", "format": "xlsx", "header_row": 1, "labels": ["姓名", "联系电话"],
                            "merged": 0, "note": "", "rows": [(2, ["张三", "13812345678"]), (3, ["李四", "13912345678"])]},
}

REFUSED = {  # file → (message constant, words the message names)
    "password.xlsx": ("PASSWORD", ["password.xlsx"]),
    "far-cell-XFD1048576.xlsx": ("TOO_MANY_COLUMNS", ["XFD1048576", "16,384"]),
    "stray-far-row.xlsx": ("TOO_MANY_ROWS", ["B1048570", "1,048,570"]),
    "entity-bomb.xlsx": ("UNSAFE_XML", ["entity-bomb.xlsx"]),
    "no-shared-strings-part.xlsx": ("DAMAGED", ["shared strings"]),
    "truncated.xlsx": ("DAMAGED", ["truncated.xlsx"]),
    "chart-sheet-only.xlsx": ("ONLY_CHARTS", ["图表"]),
    "web-page-saved-as.xls": ("WEB_PAGE", []),
    "csv-saved-as.xlsx": ("TEXT_FILE", []),
    "xml-spreadsheet-2003.xml": ("XML_2003", []),
}

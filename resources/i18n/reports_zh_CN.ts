<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CliHelp</name>
    <message>
        <source>monthly or annual report as PDF and/or Excel</source>
        <translation>生成月报或年报（PDF 和/或 Excel）</translation>
    </message>
    <message>
        <source>the month, e.g. 2026-10</source>
        <translation>月份，例如 2026-10</translation>
    </message>
    <message>
        <source>the year, e.g. 2026</source>
        <translation>年份，例如 2026</translation>
    </message>
    <message>
        <source>PDF file (default: &lt;station&gt;-&lt;period&gt;.pdf unless only --xlsx is given)</source>
        <translation>PDF 文件（默认：&lt;站点&gt;-&lt;期间&gt;.pdf；只给 --xlsx 时不生成 PDF）</translation>
    </message>
    <message>
        <source>also (or only) write the figures as an Excel workbook</source>
        <translation>同时（或只）把数据写成 Excel 工作簿</translation>
    </message>
    <message>
        <source>station id (default: the user&apos;s station; all for a sub-district account)</source>
        <translation>站点编号（默认：账号所在站点；街道账号为全部站点）</translation>
    </message>
    <message>
        <source>staff account the report is made under (default: the first administrator)</source>
        <translation>生成报表所用的工作人员账号（默认：第一个管理员）</translation>
    </message>
    <message>
        <source>import residents, volunteers or meal recipients from an Excel register</source>
        <translation>从 Excel 登记表导入居民、志愿者或助餐对象</translation>
    </message>
    <message>
        <source>workbook: .xlsx .xlsm .xls .et .ods</source>
        <translation>工作簿：.xlsx .xlsm .xls .et .ods</translation>
    </message>
    <message>
        <source>only check: print what would happen, write nothing</source>
        <translation>只检查：显示将会发生什么，不写入任何数据</translation>
    </message>
    <message>
        <source>sheet name (default: the active sheet, else the first visible one)</source>
        <translation>工作表名称（默认：当前工作表，否则为第一个可见的工作表）</translation>
    </message>
    <message>
        <source>volunteers: team for rows without a team column</source>
        <translation>导入志愿者时：没有队伍列的行归入哪个队伍</translation>
    </message>
    <message>
        <source>map a column by its header (FIELD &apos;&apos; to leave it out); others are guessed</source>
        <translation>按表头指定某列对应的字段（FIELD 写 &apos;&apos; 表示不导入这一列）；其余列自动识别</translation>
    </message>
    <message>
        <source>staff account the import is made under (default: the first administrator)</source>
        <translation>导入所用的工作人员账号（默认：第一个管理员）</translation>
    </message>
    <message>
        <source>print every row, not only rejected and updated ones</source>
        <translation>显示每一行，而不只是被拒绝和被更新的行</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>“{name}” is protected with a password. Open it in Excel or WPS, remove the password (Excel: File → Info → Protect Workbook → Encrypt with Password; WPS: 文件 → 文档加密), save it, and import it again.</source>
        <translation>“{name}”设置了打开密码。请在 Excel 或 WPS 中打开它，取消密码（Excel：文件 → 信息 → 保护工作簿 → 用密码进行加密；WPS：文件 → 文档加密），保存后再导入。</translation>
    </message>
    <message>
        <source>“{name}” cannot be opened: {detail}. Close it in Excel or WPS if it is open there, or copy it to this computer, and try again.</source>
        <translation>无法打开“{name}”：{detail}。如果它正在 Excel 或 WPS 中打开，请先关闭；或将文件复制到本机后重试。</translation>
    </message>
    <message>
        <source>“{name}” is {size} MB; SmileDesk reads workbooks up to {limit} MB. Delete pictures and sheets the import does not need, or split the register into several files, and try again.</source>
        <translation>“{name}”大小为 {size} MB，微笑驿站最多读取 {limit} MB 的工作簿。请删除导入用不到的图片和工作表，或把台账拆成几个文件后重试。</translation>
    </message>
    <message>
        <source>“{name}” is not a workbook SmileDesk can read. Open it in Excel, WPS or LibreOffice and save it as an Excel workbook (.xlsx); .xls, .et and .ods files are read as they are.</source>
        <translation>“{name}”不是微笑驿站能读取的工作簿。请在 Excel、WPS 或 LibreOffice 中打开，另存为 Excel 工作簿（.xlsx）；.xls、.et 和 .ods 文件可直接导入。</translation>
    </message>
    <message>
        <source>“{name}” is a web page (HTML) with a spreadsheet&apos;s name, as some systems export their lists. Open it in Excel or WPS and save it as an Excel workbook (.xlsx), then import that file.</source>
        <translation>“{name}”其实是网页（HTML）文件，只是用了表格的文件名（有些系统导出的名单就是这样）。请在 Excel 或 WPS 中打开，另存为 Excel 工作簿（.xlsx），再导入另存的文件。</translation>
    </message>
    <message>
        <source>“{name}” is an “XML Spreadsheet 2003” file. Open it in Excel or WPS and save it as an Excel workbook (.xlsx), then import that file.</source>
        <translation>“{name}”是“XML 电子表格 2003”格式。请在 Excel 或 WPS 中打开，另存为 Excel 工作簿（.xlsx），再导入另存的文件。</translation>
    </message>
    <message>
        <source>“{name}” is a text file (CSV), not a workbook. Open it in Excel or WPS, check that the ID numbers kept all their digits, and save it as an Excel workbook (.xlsx).</source>
        <translation>“{name}”是文本文件（CSV），不是工作簿。请在 Excel 或 WPS 中打开，确认身份证号没有丢位数，再另存为 Excel 工作簿（.xlsx）。</translation>
    </message>
    <message>
        <source>“{name}” is an Excel binary workbook (.xlsb). Open it in Excel or WPS and save it as an Excel workbook (.xlsx), then import that file.</source>
        <translation>“{name}”是 Excel 二进制工作簿（.xlsb）。请在 Excel 或 WPS 中打开，另存为 Excel 工作簿（.xlsx），再导入另存的文件。</translation>
    </message>
    <message>
        <source>“{name}” has no worksheet with cells in it.</source>
        <translation>“{name}”中没有含单元格的工作表。</translation>
    </message>
    <message>
        <source>“{name}” holds only chart sheets ({sheets}), no table. Import the workbook the chart was made from.</source>
        <translation>“{name}”里只有图表工作表（{sheets}），没有表格。请导入生成该图表的原始工作簿。</translation>
    </message>
    <message>
        <source>“{sheet}” is a chart sheet, not a table; choose one of the other sheets.</source>
        <translation>“{sheet}”是图表工作表，不是表格，请选择其他工作表。</translation>
    </message>
    <message>
        <source>has no sheet called “{sheet}”; choose one of its sheets.</source>
        <translation>中没有名为“{sheet}”的工作表，请选择其中已有的工作表。</translation>
    </message>
    <message>
        <source>was stored in Excel as a number ({value}), which keeps only 15 digits, so the last digits are lost. Format the column as text in Excel and type the number again (or copy it from another register).</source>
        <translation>在 Excel 中被存成了数字（{value}）。Excel 数字只保留 15 位，末尾几位已经丢失。请把该列设为“文本”格式后重新录入（或从其他台账复制）。</translation>
    </message>
    <message>
        <source>“{value}” is not a date; write it as 1948-03-05 (1948.3.5 and 1948年3月5日 work too).</source>
        <translation>“{value}”不是日期，请写成 1948-03-05（也可写 1948.3.5 或 1948年3月5日）。</translation>
    </message>
    <message>
        <source>“{value}” is not yes or no; write 是 or 否.</source>
        <translation>“{value}”不是“是”或“否”，请填写 是 或 否。</translation>
    </message>
    <message>
        <source>no column is mapped to Name; choose the column with the names.</source>
        <translation>没有对应到“姓名”的列，请选择填写姓名的那一列。</translation>
    </message>
    <message>
        <source>map the ID number, phone or address column too: without one a person cannot be recognised when the file is imported again.</source>
        <translation>还需对应身份证号、联系电话或住址中的一列：否则再次导入时无法认出同一个人。</translation>
    </message>
    <message>
        <source>Volunteers cannot be imported: rosters are not part of this installation.</source>
        <translation>无法导入志愿者：本系统未安装志愿排班功能。</translation>
    </message>
    <message>
        <source>Meal recipients cannot be imported: meal assistance is not part of this installation.</source>
        <translation>无法导入助餐对象：本系统未安装老年助餐功能。</translation>
    </message>
    <message>
        <source>is missing; fill in the team column or choose a team for the whole file.</source>
        <translation>未填写；请在表中填写队伍，或为整个文件选择一个队伍。</translation>
    </message>
    <message>
        <source>there is no team called “{team}”; create it on the Rosters page first.</source>
        <translation>没有名为“{team}”的队伍，请先在志愿排班页面建立该队伍。</translation>
    </message>
    <message>
        <source>“{tier}” is not a subsidy tier of this station; use one of the tiers on the Meals page.</source>
        <translation>“{tier}”不是本驿站的补贴档次，请使用老年助餐页面中已有的档次。</translation>
    </message>
    <message>
        <source>“{value}” is not a month; write it as 2026-10 (or 2026 for a year).</source>
        <translation>“{value}”不是月份，请写成 2026-10（全年写 2026）。</translation>
    </message>
    <message>
        <source>starts on {start}, after it ends ({end}); swap the dates.</source>
        <translation>开始日期 {start} 晚于结束日期 {end}，请对调。</translation>
    </message>
    <message>
        <source>is longer than five years; choose a shorter period.</source>
        <translation>超过五年，请选择较短的统计期。</translation>
    </message>
    <message>
        <source>The import stopped at row {row}: {detail} The {written} rows before it were written ({added} added, {updated} updated). Correct the row and import the file again: what is already there is skipped.</source>
        <translation>导入在第 {row} 行停止：{detail} 此前的 {written} 行已写入（新增 {added} 行，更新 {updated} 行）。请改正这一行后重新导入该文件，已写入的行会自动跳过。</translation>
    </message>
    <message>
        <source>“{name}” unpacks to more than {limit} MB ({part}); SmileDesk reads workbooks up to that size. Delete pictures and sheets the import does not need, or split the register into several files, and try again.</source>
        <translation>“{name}”解压后超过 {limit} MB（{part}），超出微笑驿站可读取的大小。请删除导入用不到的图片和工作表，或把台账拆成几个文件后重试。</translation>
    </message>
    <message>
        <source>sheet “{sheet}” of “{name}” has a value in cell {cell}, column {column}; a register has at most {limit} columns. If it is a stray entry, delete it in Excel or WPS, save, and import again.</source>
        <translation>“{name}”的工作表“{sheet}”在单元格 {cell}（第 {column} 列）有内容，而台账最多 {limit} 列。如果这是误填的内容，请在 Excel 或 WPS 中删除，保存后重新导入。</translation>
    </message>
    <message>
        <source>sheet “{sheet}” of “{name}” has a value in cell {cell}, row {row}; SmileDesk reads registers of up to {limit} rows. If it is a stray entry, delete it in Excel or WPS, save, and import again; otherwise split the register into several files.</source>
        <translation>“{name}”的工作表“{sheet}”在单元格 {cell}（第 {row} 行）有内容，而微笑驿站最多读取 {limit} 行的台账。如果这是误填的内容，请在 Excel 或 WPS 中删除，保存后重新导入；否则请把台账拆成几个文件。</translation>
    </message>
    <message>
        <source>sheet “{sheet}” of “{name}” spans {rows} rows and {columns} columns (to cell {cell}), more than the {limit} cells SmileDesk reads at once. Delete the rows and columns the import does not need, or split the register into several files.</source>
        <translation>“{name}”的工作表“{sheet}”共 {rows} 行、{columns} 列（到单元格 {cell}），超过微笑驿站一次可读取的 {limit} 个单元格。请删除导入用不到的行和列，或把台账拆成几个文件。</translation>
    </message>
    <message>
        <source>“{name}” contains XML that SmileDesk does not read (a document type declaration, as used by “XML bombs”). Open it in Excel or WPS and save it again as .xlsx.</source>
        <translation>“{name}”含有微笑驿站不读取的 XML 内容（文档类型声明，常见于“XML 炸弹”）。请在 Excel 或 WPS 中打开，重新另存为 .xlsx。</translation>
    </message>
    <message>
        <source>“{name}” is damaged and cannot be read ({detail}). If it opens in Excel or WPS, save it again as .xlsx and import that copy.</source>
        <translation>“{name}”已损坏，无法读取（{detail}）。如果它能在 Excel 或 WPS 中打开，请重新另存为 .xlsx，再导入另存的文件。</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>室</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <source>Emergency phone</source>
        <translation>紧急联系电话</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Delivery address</source>
        <translation>送餐地址</translation>
    </message>
    <message>
        <source>Subsidy tier</source>
        <translation>补贴档次</translation>
    </message>
    <message>
        <source>Excel file</source>
        <translation>Excel 文件</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>列对应关系</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>授权日期</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计期</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Meal recipients</source>
        <translation>助餐对象</translation>
    </message>
    <message>
        <source>Categories (独居、低保 …)</source>
        <translation>人员类别（独居、低保…）</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Role in the team</source>
        <translation>队内职务</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <source>Service (delivery / dine-in)</source>
        <translation>服务方式（送餐/堂食）</translation>
    </message>
    <message>
        <source>Meals (lunch / dinner)</source>
        <translation>餐次（午餐/晚餐）</translation>
    </message>
    <message>
        <source>Days of the week</source>
        <translation>送餐日</translation>
    </message>
    <message>
        <source>Diet</source>
        <translation>饮食要求</translation>
    </message>
    <message>
        <source>add</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>有误</translation>
    </message>
    <message>
        <source>Reading the sheet</source>
        <translation>正在读取工作表</translation>
    </message>
    <message>
        <source>Column {n}</source>
        <translation>第 {n} 列</translation>
    </message>
    <message>
        <source>the address “{value}” is not written as building, unit and room; it is kept in the notes</source>
        <translation>住址“{value}”不是按楼栋、单元、室的写法，已原样保存在备注中</translation>
    </message>
    <message>
        <source>the address “{value}” disagrees with the row&apos;s compound, building, unit or room columns; those are imported and the address is kept in the notes</source>
        <translation>住址“{value}”与本行的小区、楼栋、单元或室不一致；已按这些列导入，住址原样保存在备注中</translation>
    </message>
    <message>
        <source>Checking rows</source>
        <translation>正在检查各行</translation>
    </message>
    <message>
        <source>“{value}” names a category SmileDesk does not have; it is kept in the notes</source>
        <translation>“{value}”中有微笑驿站没有的人员类别，已原样保存在备注中</translation>
    </message>
    <message>
        <source>Comparing with the database</source>
        <translation>正在与系统数据比对</translation>
    </message>
    <message>
        <source>blank row</source>
        <translation>空行</translation>
    </message>
    <message>
        <source>same person as row {row}</source>
        <translation>与第 {row} 行是同一人</translation>
    </message>
    <message>
        <source>same person as row {row} but {fields} differ; keep one of the two rows</source>
        <translation>与第 {row} 行是同一人，但{fields}不同；请保留其中一行</translation>
    </message>
    <message>
        <source>{name} is registered with another ID number; check the row against the resident&apos;s record</source>
        <translation>{name} 在系统中登记的身份证号与表中不同，请核对该行与居民档案</translation>
    </message>
    <message>
        <source>already registered, nothing changed</source>
        <translation>已在册，无变化</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>正在写入</translation>
    </message>
    <message>
        <source>new meal recipient</source>
        <translation>新增助餐对象</translation>
    </message>
    <message>
        <source>weekly schedule</source>
        <translation>每周送餐安排</translation>
    </message>
    <message>
        <source>foods to avoid</source>
        <translation>忌口</translation>
    </message>
    <message>
        <source>low salt</source>
        <translation>低盐</translation>
    </message>
    <message>
        <source>low sugar</source>
        <translation>低糖</translation>
    </message>
    <message>
        <source>soft food</source>
        <translation>软食</translation>
    </message>
    <message>
        <source>vegetarian</source>
        <translation>素食</translation>
    </message>
    <message>
        <source>halal</source>
        <translation>清真</translation>
    </message>
    <message>
        <source>Headers found in row {row}; {n} rows below them; {m} merged cell ranges filled in.</source>
        <translation>表头在第 {row} 行，其下共 {n} 行；已展开 {m} 处合并单元格。</translation>
    </message>
    <message>
        <source>{add} to add, {update} to update, {skip} to skip, {reject} rejected</source>
        <translation>新增 {add} 行，更新 {update} 行，跳过 {skip} 行，拒绝 {reject} 行</translation>
    </message>
    <message>
        <source>Columns with values that are not imported: {columns}.</source>
        <translation>以下有内容的列不会导入：{columns}。</translation>
    </message>
    <message>
        <source>The import writes in batches: if you cancel it, the rows written before are kept and you are told up to which row.</source>
        <translation>导入分批写入：中途取消时，已写入的行会保留，并告诉您写到了第几行。</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>已取消导入，未写入任何数据。</translation>
    </message>
    <message>
        <source>Import cancelled after row {row}: {add} added and {update} updated were written; {rest} rows were not. Check the file again and import it to finish: the rows already written are skipped.</source>
        <translation>导入已在第 {row} 行之后取消：已写入新增 {add} 行、更新 {update} 行，还有 {rest} 行未写入。请重新检查并导入该文件以完成导入，已写入的行会自动跳过。</translation>
    </message>
    <message>
        <source>Imported: {add} added, {update} updated, {skip} skipped, {reject} rejected rows left out.</source>
        <translation>导入完成：新增 {add} 行，更新 {update} 行，跳过 {skip} 行，{reject} 行因被拒绝未导入。</translation>
    </message>
    <message>
        <source>Every sheet of the workbook is hidden; the first one, “{sheet}”, is read.</source>
        <translation>工作簿的所有工作表都已隐藏，读取的是第一个工作表“{sheet}”。</translation>
    </message>
    <message>
        <source>The workbook was read with the second reader (the first said: {detail}).</source>
        <translation>该工作簿由备用读取器读取（首选读取器提示：{detail}）。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import from Excel — {file}</source>
        <translation>从 Excel 导入 — {file}</translation>
    </message>
    <message>
        <source>Team for rows without one</source>
        <translation>未填队伍的行归入</translation>
    </message>
    <message>
        <source>What the sheet holds</source>
        <translation>表中内容</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>表中的列</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>前几行内容</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>全部行</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Reason or changes</source>
        <translation>原因或变更内容</translation>
    </message>
    <message>
        <source>Import check {file}</source>
        <translation>导入预检 {file}</translation>
    </message>
    <message>
        <source>Check (dry run)</source>
        <translation>预检（不写入）</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Reading {file}</source>
        <translation>正在读取 {file}</translation>
    </message>
    <message>
        <source>(do not import)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>(from the file&apos;s team column)</source>
        <translation>（按表中“队伍”列）</translation>
    </message>
    <message>
        <source>Check the file first: nothing is written until you press Import.</source>
        <translation>请先预检：按“导入”之前不会写入任何数据。</translation>
    </message>
    <message>
        <source>Checking {file}</source>
        <translation>正在预检 {file}</translation>
    </message>
    <message>
        <source>Importing {file}</source>
        <translation>正在导入 {file}</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Reports</source>
        <translation>统计报表</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>see reports and station figures</source>
        <translation>查看报表和驿站统计</translation>
    </message>
    <message>
        <source>print monthly and annual reports</source>
        <translation>打印月度和年度报表</translation>
    </message>
    <message>
        <source>import registers from Excel</source>
        <translation>从 Excel 导入台账</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>service record certificates</source>
        <translation>志愿服务记录证明</translation>
    </message>
    <message>
        <source>honour certificates</source>
        <translation>荣誉证书</translation>
    </message>
    <message>
        <source>thank-you letters</source>
        <translation>感谢信</translation>
    </message>
</context>
<context>
    <name>ReportsCli</name>
    <message>
        <source>--year takes a year, e.g. 2026</source>
        <translation>--year 后面写年份，如 2026</translation>
    </message>
    <message>
        <source>import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>row {n}</source>
        <translation>第 {n} 行</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Monthly report</source>
        <translation>月度报表</translation>
    </message>
    <message>
        <source>Annual report</source>
        <translation>年度报表</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>{m:02d}</source>
        <translation>{m:02d} 月</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>驿站</translation>
    </message>
    <message>
        <source>Print report…</source>
        <translation>打印报表…</translation>
    </message>
    <message>
        <source>All stations</source>
        <translation>全部站点</translation>
    </message>
    <message>
        <source>Show figures</source>
        <translation>查看统计</translation>
    </message>
    <message>
        <source>Save Excel…</source>
        <translation>保存 Excel…</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>板块</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Station figures</source>
        <translation>驿站统计数据</translation>
    </message>
    <message>
        <source>Monthly and annual report</source>
        <translation>月度与年度报表</translation>
    </message>
    <message>
        <source>Right-click a table (or press Ctrl+E) to export what it shows to Excel.</source>
        <translation>在表格上点右键（或按 Ctrl+E）可把所显示的内容导出到 Excel。</translation>
    </message>
    <message>
        <source>Choose Excel file…</source>
        <translation>选择 Excel 文件…</translation>
    </message>
    <message>
        <source>Import registers from Excel</source>
        <translation>从 Excel 导入台账</translation>
    </message>
    <message>
        <source>Residents, volunteers or meal recipients from the spreadsheets the station keeps. Columns are matched by their headers; a check shows every row before anything is written, and importing the same file again changes nothing.</source>
        <translation>把驿站现有 Excel 台账中的居民、志愿者或助餐对象导入系统。按表头自动对应各列；写入前先预检并逐行列出结果；同一文件重复导入不会产生任何变化。</translation>
    </message>
    <message>
        <source>{r} received, {c} closed, on time {o}</source>
        <translation>受理 {r} 件，办结 {c} 件，按时办结率 {o}</translation>
    </message>
    <message>
        <source>meals: {n}, {y} yuan</source>
        <translation>{n} 份，{y} 元</translation>
    </message>
    <message>
        <source>Save figures as Excel</source>
        <translation>将统计数据保存为 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Figures saved to {file}.</source>
        <translation>统计数据已保存到 {file}。</translation>
    </message>
    <message>
        <source>Saving the figures</source>
        <translation>正在保存统计数据</translation>
    </message>
    <message>
        <source>Choose the Excel register</source>
        <translation>选择 Excel 台账</translation>
    </message>
    <message>
        <source>Workbooks (Excel, WPS, LibreOffice) ({patterns})</source>
        <translation>工作簿（Excel、WPS、LibreOffice）（{patterns}）</translation>
    </message>
</context>
<context>
    <name>ReportsPdf</name>
    <message>
        <source>Period {start} to {end}</source>
        <translation>统计期 {start} 至 {end}</translation>
    </message>
    <message>
        <source>Monthly work report</source>
        <translation>月度工作报表</translation>
    </message>
    <message>
        <source>Annual work report</source>
        <translation>年度工作报表</translation>
    </message>
    <message>
        <source>Work report</source>
        <translation>工作报表</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>主要指标</translation>
    </message>
    <message>
        <source>Desk records received and closed, by month</source>
        <translation>各月受理与办结件数</translation>
    </message>
    <message>
        <source>Closure and on-time rates, by month (%)</source>
        <translation>各月办结率与按时办结率（%）</translation>
    </message>
    <message>
        <source>Volunteer hours, by month</source>
        <translation>各月志愿服务时长</translation>
    </message>
    <message>
        <source>Meals served, by month</source>
        <translation>各月供餐份数</translation>
    </message>
    <message>
        <source>Stamps awarded, by month</source>
        <translation>各月盖章数</translation>
    </message>
    <message>
        <source>Subsidy per tier (yuan)</source>
        <translation>各档补贴金额（元）</translation>
    </message>
    <message>
        <source>How the figures are counted</source>
        <translation>统计口径</translation>
    </message>
    <message>
        <source>Desk: records counted by the day they were received; closure rate = closed ÷ received; on-time rate = closed by the deadline ÷ closed; satisfaction rate = satisfied or basically satisfied ÷ followed up (records settled on the spot are not followed up).</source>
        <translation>来访受理：按受理日期统计；办结率 = 办结件数 ÷ 受理件数；按时办结率 = 在时限内办结件数 ÷ 办结件数；满意率 =（满意 + 基本满意）÷ 回访件数（当场办结的事项不回访）。</translation>
    </message>
    <message>
        <source>Patrols: shifts of patrol teams that were not cancelled; a shift is fully staffed when at least its minimum headcount was rostered, with a leader where one is required. Hours: the hours ledger, with holiday and evening multipliers (credited) and without (actually served).</source>
        <translation>巡逻：巡逻队未取消的班次；排班人数不少于最低人数、且需要队长时有队长在岗，即为人员到位。时长：取自服务时长台账，含节假日和夜间系数为“计入时长”，不含系数为“实际服务时长”。</translation>
    </message>
    <message>
        <source>Meals: served = delivered or eaten in the canteen; subsidies are those of the meals ordered and not cancelled in the period, as in the subsidy claim.</source>
        <translation>老年助餐：供餐份数 = 送达 + 堂食；补贴按统计期内未取消的订餐计算，与补贴申领表口径一致。</translation>
    </message>
    <message>
        <source>Stamps: awarded minus reversed, by the day they were earned; honours by the day they were reached. Certificates by the day they were issued.</source>
        <translation>印章：按获得日期统计，已扣除冲正；荣誉按达成日期统计；证书按出具日期统计。</translation>
    </message>
    <message>
        <source>received</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>closure rate</source>
        <translation>办结率</translation>
    </message>
    <message>
        <source>on-time rate</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <source>Page {n}</source>
        <translation>第 {n} 页</translation>
    </message>
</context>
<context>
    <name>ReportsText</name>
    <message>
        <source>{station} work report, {period}</source>
        <translation>{station} {period}工作报表</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Desk records</source>
        <translation>来访受理</translation>
    </message>
    <message>
        <source>Patrols and volunteer hours</source>
        <translation>巡逻与志愿服务时长</translation>
    </message>
    <message>
        <source>Meal assistance</source>
        <translation>老年助餐</translation>
    </message>
    <message>
        <source>Smile passports</source>
        <translation>微笑护照</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>分月统计</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Closure rate</source>
        <translation>办结率</translation>
    </message>
    <message>
        <source>Closed on time</source>
        <translation>按时办结</translation>
    </message>
    <message>
        <source>On-time rate</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Satisfaction rate</source>
        <translation>满意率</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>目前未办结</translation>
    </message>
    <message>
        <source>Overdue now</source>
        <translation>目前超期</translation>
    </message>
    <message>
        <source>Patrol shifts</source>
        <translation>巡逻班次</translation>
    </message>
    <message>
        <source>Fully staffed shifts</source>
        <translation>人员到位班次</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>排班到位率</translation>
    </message>
    <message>
        <source>Short-staffed shifts</source>
        <translation>人手不足班次</translation>
    </message>
    <message>
        <source>Shifts with nobody</source>
        <translation>无人班次</translation>
    </message>
    <message>
        <source>Shifts with check-ins</source>
        <translation>有人签到的班次</translation>
    </message>
    <message>
        <source>Volunteer hours (credited)</source>
        <translation>志愿服务时长（计入，小时）</translation>
    </message>
    <message>
        <source>Hours actually served</source>
        <translation>实际服务时长（小时）</translation>
    </message>
    <message>
        <source>Volunteers with hours</source>
        <translation>有服务时长的志愿者</translation>
    </message>
    <message>
        <source>Patrol findings</source>
        <translation>巡查发现</translation>
    </message>
    <message>
        <source>Meals ordered</source>
        <translation>订餐份数</translation>
    </message>
    <message>
        <source>Meals served</source>
        <translation>供餐份数</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>dine-in</source>
        <translation>堂食</translation>
    </message>
    <message>
        <source>Nobody home at delivery</source>
        <translation>送餐无人应答</translation>
    </message>
    <message>
        <source>Welfare checks opened</source>
        <translation>发起安全确认</translation>
    </message>
    <message>
        <source>Welfare checks still open</source>
        <translation>尚未结束的安全确认</translation>
    </message>
    <message>
        <source>Active meal recipients</source>
        <translation>在册助餐对象</translation>
    </message>
    <message>
        <source>Subsidy tier</source>
        <translation>补贴档次</translation>
    </message>
    <message>
        <source>Funding source</source>
        <translation>资金来源</translation>
    </message>
    <message>
        <source>Subsidised meals</source>
        <translation>补贴份数</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>享受人数</translation>
    </message>
    <message>
        <source>Subsidy (yuan)</source>
        <translation>补贴金额（元）</translation>
    </message>
    <message>
        <source>Stamps awarded</source>
        <translation>盖章数</translation>
    </message>
    <message>
        <source>Residents stamped</source>
        <translation>盖章人数</translation>
    </message>
    <message>
        <source>Stamps spent on rewards</source>
        <translation>兑换消耗印章</translation>
    </message>
    <message>
        <source>Passports issued</source>
        <translation>发放护照</translation>
    </message>
    <message>
        <source>Honour reached</source>
        <translation>获得荣誉</translation>
    </message>
    <message>
        <source>Honours reached</source>
        <translation>获得荣誉人次</translation>
    </message>
    <message>
        <source>Certificates issued</source>
        <translation>出具证书</translation>
    </message>
    <message>
        <source>of which revoked</source>
        <translation>其中已作废</translation>
    </message>
    <message>
        <source>Requests waiting</source>
        <translation>待出具申请</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>not part of this installation</source>
        <translation>本系统未安装此功能</translation>
    </message>
    <message>
        <source>Made on {when} by {who}</source>
        <translation>{who} 于 {when} 生成</translation>
    </message>
</context>
<context>
    <name>Tags</name>
    <message>
        <source>lives alone</source>
        <translation>独居</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>残疾</translation>
    </message>
    <message>
        <source>extreme hardship</source>
        <translation>特困</translation>
    </message>
    <message>
        <source>minimum living allowance</source>
        <translation>低保</translation>
    </message>
    <message>
        <source>party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>veteran</source>
        <translation>退役军人</translation>
    </message>
</context>
</TS>

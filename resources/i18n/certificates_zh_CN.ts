<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BatchDialog</name>
    <message>
        <source>Service record certificates for a period</source>
        <translation>按时段批量出具志愿服务记录证明</translation>
    </message>
    <message>
        <source>Find volunteers</source>
        <translation>查找志愿者</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>至</translation>
    </message>
    <message>
        <source>At least (hours)</source>
        <translation>时长不少于（小时）</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>出具</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>服务组织</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Service content</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>One PDF with all certificates</source>
        <translation>全部合成一个 PDF</translation>
    </message>
    <message>
        <source>One PDF file per certificate</source>
        <translation>每份证书一个 PDF 文件</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>盖章</translation>
    </message>
    <message>
        <source>Issue and save…</source>
        <translation>出具并保存…</translation>
    </message>
    <message>
        <source>No source of volunteer hours is installed (the rosters feature provides it), so there is nothing to list here. Issue certificates one by one with “New certificate…”.</source>
        <translation>尚未安装志愿服务时长来源（由排班功能提供），此处无法列出志愿者。请用“新建证书…”逐份出具。</translation>
    </message>
    <message>
        <source>{n} volunteer(s) with at least {h} hours from {start} to {end}.</source>
        <translation>{start} 至 {end} 期间服务时长不少于 {h} 小时的志愿者共 {n} 人。</translation>
    </message>
    <message>
        <source>Folder for the certificate files</source>
        <translation>选择证书文件保存的文件夹</translation>
    </message>
    <message>
        <source>Save certificates as</source>
        <translation>证书另存为</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Issued {n} certificate(s) and saved {files} file(s) to {target}.</source>
        <translation>已出具 {n} 份证书，{files} 个文件保存到 {target}。</translation>
    </message>
    <message>
        <source>Issuing certificates</source>
        <translation>正在出具证书</translation>
    </message>
</context>
<context>
    <name>Certificates</name>
    <message>
        <source>Valid: the code&apos;s signature matches the printed content and the station&apos;s key, and the certificate is not revoked. Compare the details below with the paper.</source>
        <translation>有效：二维码的签名与证书上印的内容和本站公钥相符，证书未被撤销。请把下面的内容与纸质证书逐项核对。</translation>
    </message>
    <message>
        <source>Revoked: this certificate is no longer valid.</source>
        <translation>已作废：此证书不再有效。</translation>
    </message>
    <message>
        <source>Unknown: no certificate with this number is in this station&apos;s register.</source>
        <translation>查无此证：本站登记簿中没有这个编号。</translation>
    </message>
    <message>
        <source>Not genuine: the code&apos;s signature does not match its content or this station&apos;s key.</source>
        <translation>不是真实证书：二维码的签名与其内容或本站公钥不符。</translation>
    </message>
    <message>
        <source>Found in this register — this proves the number only. Compare the name and every detail below with the paper.</source>
        <translation>本站登记簿中有此编号——这只能证明编号存在。请把姓名和下面每一项内容与纸质证书核对。</translation>
    </message>
    <message>
        <source>Not verified: the code is signed with a key this register does not know or has withdrawn.</source>
        <translation>无法核验：二维码所用的签名密钥本登记簿不认识，或已被撤销。</translation>
    </message>
    <message>
        <source>Not a certificate number: check what was typed (the last character is a check character).</source>
        <translation>不是有效的证书编号：请核对输入（最后一位是校验码）。</translation>
    </message>
    <message>
        <source>{n} service record(s) ended more than 7 working days ago and are not yet entered in the national volunteer system (10 working days are allowed).</source>
        <translation>有 {n} 条志愿服务记录结束已超过 7 个工作日，尚未录入全国志愿服务信息系统（规定 10 个工作日内录入）。</translation>
    </message>
    <message>
        <source>{n} certificate request(s) are waiting to be issued.</source>
        <translation>有 {n} 份证书申请等待出具。</translation>
    </message>
    <message>
        <source>{n} issued certificate(s) have not been printed yet.</source>
        <translation>有 {n} 份已出具的证书尚未打印。</translation>
    </message>
    <message>
        <source>Volunteer service record</source>
        <translation>志愿服务记录证明</translation>
    </message>
    <message>
        <source>Honour certificate</source>
        <translation>荣誉证书</translation>
    </message>
    <message>
        <source>Thank-you letter</source>
        <translation>感谢信</translation>
    </message>
</context>
<context>
    <name>CertificatesCli</name>
    <message>
        <source>number:</source>
        <translation>编号：</translation>
    </message>
    <message>
        <source>kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>recipient:</source>
        <translation>获得者：</translation>
    </message>
    <message>
        <source>issued:</source>
        <translation>出具日期：</translation>
    </message>
    <message>
        <source>key:</source>
        <translation>密钥：</translation>
    </message>
    <message>
        <source>revoked:</source>
        <translation>作废：</translation>
    </message>
    <message>
        <source>organisation:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>title:</source>
        <translation>称号：</translation>
    </message>
    <message>
        <source>from:</source>
        <translation>起：</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>止：</translation>
    </message>
    <message>
        <source>hours:</source>
        <translation>时长：</translation>
    </message>
    <message>
        <source>ID number:</source>
        <translation>身份证号：</translation>
    </message>
    <message>
        <source>new signing key {id}; the station&apos;s earlier keys are retired (they still verify what they signed). Export the key file again and publish it.</source>
        <translation>已生成新的签名密钥 {id}；本驿站以前的密钥已停用（仍可核验它们签过的证书）。请重新导出密钥文件并公布。</translation>
    </message>
    <message>
        <source>key {id} revoked; export the key file again and publish it</source>
        <translation>密钥 {id} 已作废；请重新导出密钥文件并公布</translation>
    </message>
    <message>
        <source>key file of station {code} written to {path}: keys {keys}, revoked certificates {revoked}</source>
        <translation>驿站 {code} 的密钥文件已保存到 {path}：密钥 {keys} 个，已撤销证书 {revoked} 张</translation>
    </message>
    <message>
        <source>{key_file} (keys {keys}, revoked certificates {revoked}) and {verifier} written: python {name} --keys {key_name} "SDC2:…" checks a certificate with nothing else</source>
        <translation>已写入 {key_file}（密钥 {keys} 个，已撤销证书 {revoked} 张）和 {verifier}：运行 python {name} --keys {key_name} "SDC2:…" 即可单独核验证书</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>current</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>made</source>
        <translation>生成日期</translation>
    </message>
    <message>
        <source>by</source>
        <translation>生成人</translation>
    </message>
    <message>
        <source>public key</source>
        <translation>公钥</translation>
    </message>
    <message>
        <source>no certificates match</source>
        <translation>没有符合条件的证书</translation>
    </message>
    <message>
        <source>certificates</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>certificates written: {n}, in files: {files}, under {out}</source>
        <translation>已生成证书 {n} 份，共 {files} 个文件，保存在 {out}</translation>
    </message>
    <message>
        <source>service records written to {out}: {n}</source>
        <translation>已写入 {out} 的志愿服务记录：{n} 条</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <source>New certificate…</source>
        <translation>新建证书…</translation>
    </message>
    <message>
        <source>Service records for a period…</source>
        <translation>按时段批量出具…</translation>
    </message>
    <message>
        <source>Export for the national system…</source>
        <translation>导出录入台账…</translation>
    </message>
    <message>
        <source>Template…</source>
        <translation>证书模板…</translation>
    </message>
    <message>
        <source>Scan a certificate&apos;s QR code or type its number, then Enter</source>
        <translation>扫描证书二维码或输入证书编号，按回车</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>核验</translation>
    </message>
    <message>
        <source>Verify:</source>
        <translation>核验：</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>证书登记簿</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>待出具申请</translation>
    </message>
    <message>
        <source>Requests ({n})</source>
        <translation>待出具申请（{n}）</translation>
    </message>
    <message>
        <source>{hours} hours</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <source>reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>Export service records</source>
        <translation>导出志愿服务记录</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>{n} service record(s) written to {path}. Enter them in the national volunteer system, then mark them as entered here.</source>
        <translation>已将 {n} 条志愿服务记录导出到 {path}。录入全国志愿服务信息系统后，请回到这里标记为已录入。</translation>
    </message>
</context>
<context>
    <name>CliHelp</name>
    <message>
        <source>check a certificate number or scanned QR payload against the register</source>
        <translation>对照登记簿核验证书编号或扫到的二维码内容</translation>
    </message>
    <message>
        <source>the station&apos;s certificate signing keys: list, rotate, revoke, export the key file</source>
        <translation>本站的证书签名密钥：列出、更换、吊销、导出密钥文件</translation>
    </message>
    <message>
        <source>the station&apos;s keys</source>
        <translation>列出本站的密钥</translation>
    </message>
    <message>
        <source>retire the station&apos;s keys and make a new one here</source>
        <translation>停用本站现有密钥，在本机生成新密钥</translation>
    </message>
    <message>
        <source>withdraw a key (its PC was lost or stolen)</source>
        <translation>吊销一把密钥（存放它的电脑丢失或被盗）</translation>
    </message>
    <message>
        <source>write the key file: public keys and revocations, for verifiers outside</source>
        <translation>写出密钥文件：公钥和吊销记录，供站外核验使用</translation>
    </message>
    <message>
        <source>write the key file and the standalone verifier (verify_certificate.py) into a folder</source>
        <translation>把密钥文件和独立核验程序（verify_certificate.py）写到一个文件夹</translation>
    </message>
    <message>
        <source>staff account (default: the first administrator)</source>
        <translation>工作人员账号（默认：第一个管理员）</translation>
    </message>
    <message>
        <source>the key file to write (JSON)</source>
        <translation>要写出的密钥文件（JSON）</translation>
    </message>
    <message>
        <source>render issued certificates to one PDF or one file each</source>
        <translation>把已发放的证书生成一个 PDF，或每张一个文件</translation>
    </message>
    <message>
        <source>only certificates numbered in this year</source>
        <translation>只要编号属于这一年的证书</translation>
    </message>
    <message>
        <source>a .pdf file, or a folder with --each</source>
        <translation>一个 .pdf 文件；用 --each 时为文件夹</translation>
    </message>
    <message>
        <source>one PDF file per certificate</source>
        <translation>每张证书一个 PDF 文件</translation>
    </message>
    <message>
        <source>staff account the rendering is logged under (default: the first administrator)</source>
        <translation>记入日志的工作人员账号（默认：第一个管理员）</translation>
    </message>
    <message>
        <source>service records in the columns of the national volunteer system (.xlsx or .csv)</source>
        <translation>按全国志愿服务信息系统的列导出服务记录（.xlsx 或 .csv）</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>contains {chars} ({codes}), which no installed font can print — it would come out as an empty box. Put a font that has it (e.g. HanaMinB.ttf for rare characters) into the fonts folder, or ask the person how to write it.</source>
        <translation>含有“{chars}”（{codes}），已安装的字库都无法打印，会印成空白方框。请把包含该字的字库（生僻字可用 HanaMinB.ttf）放入字库文件夹，或向本人确认写法。</translation>
    </message>
    <message>
        <source>choose service record, honour certificate or thank-you letter.</source>
        <translation>请选择志愿服务记录证明、荣誉证书或感谢信。</translation>
    </message>
    <message>
        <source>must be a number of hours, e.g. 20 or 12.5.</source>
        <translation>请填写小时数，例如 20 或 12.5。</translation>
    </message>
    <message>
        <source>must be more than 0 and at most {max} hours.</source>
        <translation>须大于 0，且不超过 {max} 小时。</translation>
    </message>
    <message>
        <source>is required: name the team or organisation the volunteer served with.</source>
        <translation>必填：请填写志愿者所在的服务队伍或组织。</translation>
    </message>
    <message>
        <source>is required; pick a date.</source>
        <translation>必填，请选择日期。</translation>
    </message>
    <message>
        <source>is required: the hours actually served.</source>
        <translation>必填：请填写实际服务时长。</translation>
    </message>
    <message>
        <source>is required: say what the volunteer did, e.g. patrols.</source>
        <translation>必填：请填写服务内容，例如巡逻。</translation>
    </message>
    <message>
        <source>is before the start date; swap the two dates.</source>
        <translation>早于开始日期，请对调两个日期。</translation>
    </message>
    <message>
        <source>is required, e.g. 优秀志愿者 or 微笑之星.</source>
        <translation>必填，例如“优秀志愿者”或“微笑之星”。</translation>
    </message>
    <message>
        <source>the chosen resident no longer exists; choose again.</source>
        <translation>所选居民已不存在，请重新选择。</translation>
    </message>
    <message>
        <source>No station is set up yet; finish the first-start set-up.</source>
        <translation>尚未设置服务站，请先完成首次启动设置。</translation>
    </message>
    <message>
        <source>write a colour as #RRGGBB, e.g. #A61B29.</source>
        <translation>颜色请写成 #RRGGBB，例如 #A61B29。</translation>
    </message>
    <message>
        <source>choose A4 or A5.</source>
        <translation>请选择 A4 或 A5。</translation>
    </message>
    <message>
        <source>choose landscape or portrait.</source>
        <translation>请选择横向或纵向。</translation>
    </message>
    <message>
        <source>choose Chinese or English.</source>
        <translation>请选择中文或英文。</translation>
    </message>
    <message>
        <source>the chosen image is no longer stored; choose the file again.</source>
        <translation>所选图片已不在库中，请重新选择文件。</translation>
    </message>
    <message>
        <source>is not a PNG or JPEG picture; save it as PNG and choose it again.</source>
        <translation>不是 PNG 或 JPEG 图片，请另存为 PNG 后重新选择。</translation>
    </message>
    <message>
        <source>is larger than 2 MB; make it smaller and choose it again.</source>
        <translation>超过 2 MB，请缩小后重新选择。</translation>
    </message>
    <message>
        <source>That certificate request no longer exists.</source>
        <translation>该证书申请已不存在。</translation>
    </message>
    <message>
        <source>This request was already issued or cancelled.</source>
        <translation>该申请已出具或已取消。</translation>
    </message>
    <message>
        <source>give the certificate&apos;s content or choose a request.</source>
        <translation>请填写证书内容或选择一条申请。</translation>
    </message>
    <message>
        <source>{name}: {problem}</source>
        <translation>{name}：{problem}</translation>
    </message>
    <message>
        <source>That certificate is not in this station&apos;s register.</source>
        <translation>本站登记簿中没有这份证书。</translation>
    </message>
    <message>
        <source>Certificate {number} was revoked; it cannot be printed again.</source>
        <translation>证书 {number} 已作废，不能再打印。</translation>
    </message>
    <message>
        <source>must be between 1 and 50.</source>
        <translation>须在 1 到 50 之间。</translation>
    </message>
    <message>
        <source>is required for a reprint (e.g. the first copy was lost or damaged).</source>
        <translation>补打时必须填写，例如原件遗失或损坏。</translation>
    </message>
    <message>
        <source>Certificate {number} is already revoked.</source>
        <translation>证书 {number} 已经作废。</translation>
    </message>
    <message>
        <source>There is no certificate signing key {key}; smiledesk cert-keys list shows the station&apos;s keys.</source>
        <translation>没有编号为 {key} 的证书签名密钥；用 smiledesk cert-keys list 可以查看本站的密钥。</translation>
    </message>
    <message>
        <source>The standalone verifier (verify_certificate.py) is missing from this installation; reinstall SmileDesk.</source>
        <translation>本机安装中缺少独立核验程序（verify_certificate.py）；请重新安装微笑驿站。</translation>
    </message>
    <message>
        <source>Nothing could be written to {folder} ({detail}); choose another folder, or check that the drive is plugged in and not write-protected.</source>
        <translation>无法写入 {folder}（{detail}）；请换一个文件夹，或检查 U 盘是否插好、是否写保护。</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Kind of certificate</source>
        <translation>证书类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>服务组织</translation>
    </message>
    <message>
        <source>Service from</source>
        <translation>服务开始</translation>
    </message>
    <message>
        <source>Service until</source>
        <translation>服务截止</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>Service content</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Honour title</source>
        <translation>荣誉称号</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Issuing organisation</source>
        <translation>出具单位</translation>
    </message>
    <message>
        <source>Signatory</source>
        <translation>签署人</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>Seal image</source>
        <translation>印章图片</translation>
    </message>
    <message>
        <source>Main colour</source>
        <translation>主色</translation>
    </message>
    <message>
        <source>Accent colour</source>
        <translation>辅色</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>纸张大小</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>方向</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>Issue a certificate</source>
        <translation>出具证书</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>optional; printed masked</source>
        <translation>选填；打印时隐去中间位数</translation>
    </message>
    <message>
        <source>team or organisation, e.g. 小红帽党员志愿巡逻队</source>
        <translation>服务队伍或组织，例如 小红帽党员志愿巡逻队</translation>
    </message>
    <message>
        <source>e.g. 优秀志愿者, 微笑之星</source>
        <translation>例如 优秀志愿者、微笑之星</translation>
    </message>
    <message>
        <source>leave empty for the standard wording</source>
        <translation>留空则使用标准措辞</translation>
    </message>
    <message>
        <source>Seal (only when the volunteer asks for one)</source>
        <translation>盖章（仅在志愿者要求时）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Find resident</source>
        <translation>查找居民</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>服务组织</translation>
    </message>
    <message>
        <source>Service from</source>
        <translation>服务开始</translation>
    </message>
    <message>
        <source>Service until</source>
        <translation>服务截止</translation>
    </message>
    <message>
        <source>Hours served</source>
        <translation>服务时长（小时）</translation>
    </message>
    <message>
        <source>Service content</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Honour title</source>
        <translation>荣誉称号</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>出具</translation>
    </message>
    <message>
        <source>from the resident record: {masked}</source>
        <translation>取自居民档案：{masked}</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Certificates</source>
        <translation>证书</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>view the certificate register</source>
        <translation>查看证书登记簿</translation>
    </message>
    <message>
        <source>request certificates</source>
        <translation>申请证书</translation>
    </message>
    <message>
        <source>queue honour certificates</source>
        <translation>排队申请荣誉证书</translation>
    </message>
    <message>
        <source>issue certificates</source>
        <translation>出具证书</translation>
    </message>
    <message>
        <source>print and reprint certificates</source>
        <translation>打印和补打证书</translation>
    </message>
    <message>
        <source>revoke certificates</source>
        <translation>作废证书</translation>
    </message>
    <message>
        <source>export service records for the national volunteer system</source>
        <translation>导出志愿服务记录录入台账</translation>
    </message>
    <message>
        <source>change certificate templates</source>
        <translation>修改证书模板</translation>
    </message>
</context>
<context>
    <name>RegisterTab</name>
    <message>
        <source>Number or name</source>
        <translation>编号或姓名</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Valid and revoked</source>
        <translation>有效和已作废</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>出具时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>出具人</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印次数</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>已录入</translation>
    </message>
    <message>
        <source>entered in the national volunteer system</source>
        <translation>已录入全国志愿服务信息系统</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Choose a certificate to see it here.</source>
        <translation>选择一份证书，在这里预览。</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Entered in national system</source>
        <translation>已录入全国系统</translation>
    </message>
    <message>
        <source>Mark the selected service records as entered in the national volunteer system</source>
        <translation>把选中的志愿服务记录标记为已录入全国志愿服务信息系统</translation>
    </message>
    <message>
        <source>{n} certificates selected.</source>
        <translation>已选中 {n} 份证书。</translation>
    </message>
    <message>
        <source>1 certificate selected.</source>
        <translation>已选中 1 份证书。</translation>
    </message>
    <message>
        <source>{number} · issued {when} by {who}</source>
        <translation>{number} · {when} 由 {who} 出具</translation>
    </message>
    <message>
        <source>Revoked {when} by {who}: {reason}</source>
        <translation>{when} 由 {who} 作废：{reason}</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>reprinted</source>
        <translation>补打</translation>
    </message>
    <message>
        <source>saved as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>{when} {how} by {who}</source>
        <translation>{when} {who} {how}</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>补打证书</translation>
    </message>
    <message>
        <source>Certificate {number} was printed before. Why print it again?</source>
        <translation>证书 {number} 已经打印过。为什么要再次打印？</translation>
    </message>
    <message>
        <source>Save certificate as</source>
        <translation>证书另存为</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Save certificates as</source>
        <translation>证书另存为</translation>
    </message>
    <message>
        <source>Saved {n} certificate(s) to {path}.</source>
        <translation>已将 {n} 份证书保存到 {path}。</translation>
    </message>
    <message>
        <source>Saving certificates</source>
        <translation>正在保存证书</translation>
    </message>
    <message>
        <source>Revoke certificate</source>
        <translation>作废证书</translation>
    </message>
    <message>
        <source>Why is this certificate revoked? (kept in the register)</source>
        <translation>作废原因（将记入登记簿）：</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>{n} service record(s) marked as entered.</source>
        <translation>已将 {n} 条志愿服务记录标记为已录入。</translation>
    </message>
</context>
<context>
    <name>RequestsTab</name>
    <message>
        <source>the desk</source>
        <translation>服务台</translation>
    </message>
    <message>
        <source>smile passports</source>
        <translation>微笑护照</translation>
    </message>
    <message>
        <source>volunteer hours</source>
        <translation>志愿服务时长</translation>
    </message>
    <message>
        <source>demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Service until</source>
        <translation>服务截止</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>no font has {chars}</source>
        <translation>字库缺少“{chars}”</translation>
    </message>
    <message>
        <source>Issue selected</source>
        <translation>出具选中的申请</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>盖章</translation>
    </message>
    <message>
        <source>Cancel request…</source>
        <translation>取消申请…</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>取消申请</translation>
    </message>
    <message>
        <source>Why is this request cancelled?</source>
        <translation>取消原因：</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Certificate template</source>
        <translation>证书模板</translation>
    </message>
    <message>
        <source>e.g. 负责人：王芳 (optional)</source>
        <translation>例如 负责人：王芳（选填）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Issuing organisation</source>
        <translation>出具单位</translation>
    </message>
    <message>
        <source>Signatory</source>
        <translation>签署人</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>Seal image</source>
        <translation>印章图片</translation>
    </message>
    <message>
        <source>Main colour</source>
        <translation>主色</translation>
    </message>
    <message>
        <source>Accent colour</source>
        <translation>辅色</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>纸张大小</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Default language</source>
        <translation>默认语言</translation>
    </message>
    <message>
        <source>Changes apply to certificates issued from now on; issued certificates keep their look.</source>
        <translation>修改只影响今后出具的证书；已出具的证书保持原样。</translation>
    </message>
    <message>
        <source>Each certificate&apos;s QR code is signed by this station. Publish the station&apos;s public key file with the small verifier program, and anyone can check a certificate offline.</source>
        <translation>每张证书的二维码都带有本站的签名。把本站的公钥文件和小核验程序一起发布出去，任何人都能离线核验证书。</translation>
    </message>
    <message>
        <source>Export for verifiers…</source>
        <translation>导出核验文件…</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>证书核验</translation>
    </message>
    <message>
        <source>stored ({sha})</source>
        <translation>已保存（{sha}）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Folder for the public key file and the verifier</source>
        <translation>选择存放公钥文件和核验程序的文件夹</translation>
    </message>
    <message>
        <source>Written to {folder}: the public key file {keys} and the verifier {verifier}. Publish both (the sub-district website, a USB stick); with Python and the cryptography package, anyone checks a certificate with:
python {verifier} --keys {keys} "the scanned code"</source>
        <translation>已写入 {folder}：公钥文件 {keys} 和核验程序 {verifier}。请把两者一起发布（街道网站、U 盘）；装有 Python 和 cryptography 包的电脑用下面的命令即可核验证书：
python {verifier} --keys {keys} "扫描得到的内容"</translation>
    </message>
</context>
</TS>

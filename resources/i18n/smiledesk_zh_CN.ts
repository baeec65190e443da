<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About SmileDesk</source>
        <translation>关于微笑驿站</translation>
    </message>
    <message>
        <source>Desk software for community service stations: visits, volunteer rosters, meals, smile passports and certificates. Works offline on the station&apos;s own computer.</source>
        <translation>社区服务站的前台软件：来访登记、志愿者排班、老年助餐、微笑护照和证书。装在驿站自己的电脑上，不联网也能用。</translation>
    </message>
    <message>
        <source>SmileDesk is free software under the Apache License 2.0.</source>
        <translation>微笑驿站是自由软件，按 Apache 2.0 许可证发布。</translation>
    </message>
    <message>
        <source>Bundled fonts and libraries with their licences</source>
        <translation>随软件附带的字体和程序库及其许可证</translation>
    </message>
    <message>
        <source>Font or library</source>
        <translation>字体或程序库</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Font: {family}</source>
        <translation>字体：{family}</translation>
    </message>
    <message>
        <source>Licence texts of the fonts are in resources/fonts/ of the installation folder.</source>
        <translation>字体许可证全文在安装目录的 resources/fonts/ 文件夹里。</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Lock screen</source>
        <translation>锁定屏幕</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出程序</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>About SmileDesk</source>
        <translation>关于微笑驿站</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Administrator account</source>
        <translation>管理员账号</translation>
    </message>
    <message>
        <source>The administrator adds staff accounts and changes station settings.</source>
        <translation>管理员可以添加工作人员账号、修改驿站设置。</translation>
    </message>
    <message>
        <source>Administrator &amp;user name</source>
        <translation>管理员用户名(&amp;U)</translation>
    </message>
    <message>
        <source>Administrator&apos;s &amp;name</source>
        <translation>管理员姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Password (8+ characters)</source>
        <translation>密码（至少 8 位）(&amp;P)</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>再输一次密码(&amp;A)</translation>
    </message>
    <message>
        <source>e.g. 王芳</source>
        <translation>如：王芳</translation>
    </message>
    <message>
        <source>Write the password down and keep it somewhere safe: nobody can read it back.</source>
        <translation>请把密码记下来放在稳妥的地方：密码忘了谁也查不出来。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Loading demo data…</source>
        <translation>正在载入演示数据…</translation>
    </message>
</context>
<context>
    <name>Argparse</name>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>subcommands</source>
        <translation>子命令</translation>
    </message>
    <message>
        <source>%(heading)s:</source>
        <translation>%(heading)s：</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示本帮助并退出</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>显示程序版本号并退出</translation>
    </message>
    <message>
        <source> (default: %(default)s)</source>
        <translation>（默认：%(default)s）</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s：错误：%(message)s
</translation>
    </message>
    <message>
        <source>%(prog)s: warning: %(message)s
</source>
        <translation>%(prog)s：警告：%(message)s
</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少必需的参数：%s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>参数 %s 必须给出其中一个</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>多余的参数值 %r（这个选项不带值）</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个值</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>最多一个值</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>至少需要一个值</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>需要 %s 个值</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>需要 %s 个值</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项不明确：%(option)s 可以指 %(matches)s</translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation>这里不应出现选项：%s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>值无效：%(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选择：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>没有这个命令：%(parser_name)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>无法打开“%(filename)s”：%(error)s</translation>
    </message>
    <message>
        <source>argument "-" with mode %r</source>
        <translation>参数“-”不能用于模式 %r</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>This station&apos;s data is on the sub-district&apos;s database server.</source>
        <translation>本站的数据保存在街道的数据库服务器上。</translation>
    </message>
    <message>
        <source>The server is backed up on the server: a copy every night and the changes in between (WAL archiving), set up by the sub-district&apos;s IT staff (docs/postgres.md). This computer makes no copies of its own. If the server cannot be reached, SmileDesk says so at the top of the window and keeps retrying; the kiosk keeps check-ins until it is back.</source>
        <translation>数据由服务器备份：每晚一份完整备份，其间的改动也随时归档（WAL 归档），由街道的 IT 人员设置（见 docs/postgres.md）。这台电脑不再自己做备份。服务器连不上时，窗口顶部会提示并自动重试；自助机会先保存签到，等服务器恢复后再记入。</translation>
    </message>
    <message>
        <source>SmileDesk copies the database into this folder every day and when it closes.</source>
        <translation>微笑驿站每天以及每次关闭时，都会把数据库复制一份到这个文件夹。</translation>
    </message>
    <message>
        <source>Backup &amp;folder</source>
        <translation>备份文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择…(&amp;C)</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>选择备份文件夹</translation>
    </message>
    <message>
        <source>Best on a USB drive or a network folder, not only on this computer&apos;s disk. If the drive is missing, backups go to this computer until it is back.</source>
        <translation>最好放在 U 盘或网络共享文件夹里，不要只存在这台电脑的硬盘上。U 盘没插的时候，备份先存在本机，插回去以后再存到 U 盘。</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>The holidays of {years} are not entered yet: dates in {years} count Monday to Friday only, so deadlines, holiday patrols and meal days there may be wrong. An administrator enters the State Council&apos;s notice under Administration → Holidays and adjusted workdays.</source>
        <translation>{years}年的节假日尚未录入：{years}年的日期只按周一至周五计算工作日，那里的办理期限、节假日巡逻和送餐日可能不准。请管理员在“系统管理 → 节假日与调休”中录入国务院放假通知。</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>audit key {key} is not on this computer: the content of {n} entries written with it could not be checked (only their order and count). Import it from a PC that has it: smiledesk audit-key export FILE there, smiledesk audit-key import FILE here (or set SMILEDESK_AUDIT_KEY). If no PC has it any more: smiledesk audit-key lost KEY --reason …</source>
        <translation>本机没有审计密钥 {key}：用它写下的 {n} 条记录只能核对顺序和条数，无法核对内容。请从有这把密钥的电脑导入：在那台电脑上运行 smiledesk audit-key export FILE，在本机运行 smiledesk audit-key import FILE（或者设置 SMILEDESK_AUDIT_KEY）。如果已经没有任何电脑有这把密钥：smiledesk audit-key lost KEY --reason …</translation>
    </message>
    <message>
        <source>no station</source>
        <translation>不属于任何站点</translation>
    </message>
    <message>
        <source>station {station}</source>
        <translation>站点 {station}</translation>
    </message>
    <message>
        <source>audit entry {id}: does not follow the previous entry (deleted or reordered)</source>
        <translation>操作日志记录 {id}：与上一条接不上（有记录被删除或调换了顺序）</translation>
    </message>
    <message>
        <source>audit entry {id}: content was changed after it was written</source>
        <translation>操作日志记录 {id}：写入后内容被改动过</translation>
    </message>
    <message>
        <source>audit log: the entries written before the keyed chain were {recorded} when the database was upgraded; {now} are there now, or the last of them differs — deleted or rewritten</source>
        <translation>操作日志：数据库升级时，密钥链之前的记录有 {recorded} 条；现在有 {now} 条，或者最后一条不一样了——有记录被删除或改写</translation>
    </message>
    <message>
        <source>audit log: {n} entries of an unknown kind (written by another program)</source>
        <translation>操作日志：有 {n} 条类型不明的记录（由其他程序写入）</translation>
    </message>
    <message>
        <source>audit chain of {chain}: entries {first}–{last} are missing (deleted)</source>
        <translation>{chain}的操作日志链：第 {first}–{last} 条不见了（被删除）</translation>
    </message>
    <message>
        <source>audit chain of {chain}: entry {seq} does not follow entry {previous} (deleted, reordered or rewritten)</source>
        <translation>{chain}的操作日志链：第 {seq} 条与第 {previous} 条接不上（有记录被删除、调换顺序或改写）</translation>
    </message>
    <message>
        <source>audit chain of {chain}: entry {seq} (id {id}) was changed after it was written</source>
        <translation>{chain}的操作日志链：第 {seq} 条（编号 {id}）写入后内容被改动过</translation>
    </message>
    <message>
        <source>audit log: keyed entries exist but the database&apos;s identity (audit_meta) was removed</source>
        <translation>操作日志：有带密钥的记录，但数据库的身份信息（audit_meta）被删除了</translation>
    </message>
    <message>
        <source>the sub-district&apos;s own chain (no station)</source>
        <translation>街道本级的操作日志链（不属于任何站点）</translation>
    </message>
    <message>
        <source>station {station}&apos;s chain</source>
        <translation>站点 {station} 的操作日志链</translation>
    </message>
    <message>
        <source>the anchor {source} of {at} UTC</source>
        <translation>{source} 处 {at}（UTC）的锚点</translation>
    </message>
    <message>
        <source>audit anchor: {anchor} was altered (its MAC does not match the audit key)</source>
        <translation>操作日志锚点：{anchor}被改动过（校验码与审计密钥不符）</translation>
    </message>
    <message>
        <source>all of them</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>the newest {n}</source>
        <translation>最新的 {n} 条</translation>
    </message>
    <message>
        <source>audit chain: {chain} had {seq} entries by {anchor}; the database has {have} — entries were deleted at its end ({gone})</source>
        <translation>操作日志链：据{anchor}，{chain}当时有 {seq} 条记录；数据库里现在只有 {have} 条——末尾的记录被删除了（{gone}）</translation>
    </message>
    <message>
        <source>audit chain: entry {seq} of {chain} is not the one {anchor} recorded — the chain was rewritten</source>
        <translation>操作日志链：{chain}的第 {seq} 条与{anchor}记下的不一样——操作日志链被改写过</translation>
    </message>
    <message>
        <source>audit chain: the entries written before the keyed chain were {then} by {anchor}; the database has {now} (or a different last one) — entries were deleted or rewritten</source>
        <translation>操作日志链：据{anchor}，密钥链之前的记录当时有 {then} 条；数据库里现在有 {now} 条（或者最后一条不一样了）——有记录被删除或改写</translation>
    </message>
    <message>
        <source>append-only: the triggers that keep {table} append-only are missing or altered (opening the database with SmileDesk recreates them)</source>
        <translation>只增不改：保证 {table} 表只能追加、不能修改的触发器缺失或被改动（用微笑驿站打开数据库时会重新建好）</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>error: {text}</source>
        <translation>错误：{text}</translation>
    </message>
    <message>
        <source>No administrator yet: creating station {station} with user “{user}”, password “{password}” — SmileDesk asks for a new password at the first sign-in.</source>
        <translation>还没有管理员：正在创建驿站 {station}，用户名“{user}”，密码“{password}”——第一次登录时软件会要求改密码。</translation>
    </message>
    <message>
        <source>demo data already there, not added again: {features}</source>
        <translation>已有演示数据，不再重复添加：{features}</translation>
    </message>
    <message>
        <source>small</source>
        <translation>小</translation>
    </message>
    <message>
        <source>large</source>
        <translation>大</translation>
    </message>
    <message>
        <source>demo data ({scale}) written to {where}: {features}</source>
        <translation>演示数据（{scale}）已写入 {where}：{features}</translation>
    </message>
    <message>
        <source>nothing added to {where}</source>
        <translation>没有向 {where} 添加任何数据</translation>
    </message>
    <message>
        <source>PROBLEMS FOUND:</source>
        <translation>发现问题：</translation>
    </message>
    <message>
        <source>ok: database integrity, text, append-only triggers, audit chain and ID numbers verified</source>
        <translation>正常：已核对数据库完整性、文字、只增不改的保护、操作日志链和身份证号</translation>
    </message>
    <message>
        <source>schema up to date; backup before migrating: {file}</source>
        <translation>数据库结构已是最新；升级前的备份：{file}</translation>
    </message>
    <message>
        <source>schema up to date</source>
        <translation>数据库结构已是最新</translation>
    </message>
    <message>
        <source> (set SMILEDESK_DB_KEY)</source>
        <translation>（请设置 SMILEDESK_DB_KEY）</translation>
    </message>
    <message>
        <source>no such active staff account: {name}</source>
        <translation>没有名为 {name} 的在用工作人员账号</translation>
    </message>
    <message>
        <source>no active administrator account yet: open the app once to set up the station</source>
        <translation>还没有在用的管理员账号：请先打开一次软件完成驿站设置</translation>
    </message>
    <message>
        <source>unknown page “{page}”; pages: {pages}</source>
        <translation>没有“{page}”这个页面；可用的页面：{pages}</translation>
    </message>
    <message>
        <source>could not write the screenshot</source>
        <translation>无法保存截图</translation>
    </message>
</context>
<context>
    <name>CliHelp</name>
    <message>
        <source>SQLite file or database URL (default: the user data dir; SMILEDESK_DATABASE_URL overrides)</source>
        <translation>SQLite 文件或数据库 URL（默认：用户数据文件夹；设置了 SMILEDESK_DATABASE_URL 时以它为准）</translation>
    </message>
    <message>
        <source>SmileDesk (微笑驿站) community service station desk</source>
        <translation>微笑驿站：社区党群服务站前台系统</translation>
    </message>
    <message>
        <source>render the main window offscreen to a PNG and exit</source>
        <translation>在后台把主窗口画成 PNG 图片后退出</translation>
    </message>
    <message>
        <source>page to show with --screenshot (residents, desk, ...)</source>
        <translation>配合 --screenshot 显示的页面（如 &apos;residents&apos;、&apos;desk&apos; 等）</translation>
    </message>
    <message>
        <source>window size for --screenshot, e.g. 1280x800</source>
        <translation>配合 --screenshot 的窗口大小，例如 1280x800</translation>
    </message>
    <message>
        <source>full-screen self-service kiosk</source>
        <translation>全屏的自助服务机</translation>
    </message>
    <message>
        <source>full-screen smile wall for the lobby screen</source>
        <translation>大厅屏幕上全屏的微笑墙</translation>
    </message>
    <message>
        <source>with --kiosk/--wall on a sub-district server: the station&apos;s code (default: the first station)</source>
        <translation>在街道服务器上配合 --kiosk/--wall：站点代码（默认：第一个站点）</translation>
    </message>
    <message>
        <source>add realistic synthetic demo data (fixed seed)</source>
        <translation>加入逼真的虚构演示数据（固定随机种子）</translation>
    </message>
    <message>
        <source>only these features (e.g. residents desk)</source>
        <translation>只加这些功能的数据（例如 &apos;residents&apos; &apos;desk&apos;）</translation>
    </message>
    <message>
        <source>check database integrity and the audit chain; non-zero exit on a problem</source>
        <translation>检查数据库完整性和审计链；发现问题时以非零状态退出</translation>
    </message>
    <message>
        <source>a folder of audit manifests to compare with as well (a server&apos;s: smiledesk audit-key anchor)</source>
        <translation>另外对照的审计清单文件夹（服务器的清单由 smiledesk audit-key anchor 写出）</translation>
    </message>
    <message>
        <source>apply pending migrations (a backup is made first)</source>
        <translation>完成未做的数据库升级（先做备份）</translation>
    </message>
    <message>
        <source>language of what the command prints and the papers it makes (default: the one saved in the settings, else the system&apos;s)</source>
        <translation>命令输出和所生成文件的语言（默认：设置里保存的语言，否则跟随系统）</translation>
    </message>
    <message>
        <source>SQLite file or database URL</source>
        <translation>SQLite 文件或数据库 URL</translation>
    </message>
</context>
<context>
    <name>Connecting</name>
    <message>
        <source>Connecting to the database server…</source>
        <translation>正在连接数据库服务器…</translation>
    </message>
    <message>
        <source>Retry connects again now. Close quits; SmileDesk can be started again at any time.</source>
        <translation>点“重试”立即重新连接；点“关闭”退出，以后随时可以再启动微笑驿站。</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>Start empty or try it out</source>
        <translation>从空白开始，还是先试用</translation>
    </message>
    <message>
        <source>A real station starts empty. Demo data helps staff practise before the first resident comes in.</source>
        <translation>正式使用请从空白开始。演示数据方便工作人员在接待居民之前先练练手。</translation>
    </message>
    <message>
        <source>Start &amp;empty (for real work)</source>
        <translation>从空白开始（正式使用）(&amp;E)</translation>
    </message>
    <message>
        <source>Load &amp;demo data: fictional residents, visits, rosters and meals</source>
        <translation>载入演示数据：虚构的居民、来访、排班和助餐记录(&amp;D)</translation>
    </message>
    <message>
        <source>Demo data is made up and goes into this station&apos;s database. Use it on a practice computer, or start a new, empty database before real work.</source>
        <translation>演示数据都是编的，会写进本驿站的数据库。请在练习用的电脑上使用，或者在正式使用前换一个新的空数据库。</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>{year}-{month:02d}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <source>{year}</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <source>{year}-{month:02d}-{day:02d}</source>
        <translation>{year}年{month}月{day}日</translation>
    </message>
    <message>
        <source>{month} {yy:02d}</source>
        <translation>{yy:02d}年{month}</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>出了点问题</translation>
    </message>
    <message>
        <source>SmileDesk ran into an unexpected problem. What you saved before is safe; the last action may not have finished. You can keep working. If it happens again, send the details below to whoever looks after this computer.</source>
        <translation>微笑驿站遇到了意外问题。之前保存的内容不受影响，刚才那一步可能没有完成。可以继续工作。如果再次出现，请把下面的详细信息发给负责这台电脑的人。</translation>
    </message>
    <message>
        <source>What happened: {summary}</source>
        <translation>发生了什么：{summary}</translation>
    </message>
    <message>
        <source>Log file: {path}</source>
        <translation>日志文件：{path}</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>错误详细信息</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <source>Continue working</source>
        <translation>继续工作</translation>
    </message>
    <message>
        <source>Copied. Paste it into a message or e-mail.</source>
        <translation>已复制，可以粘贴到微信消息或邮件里。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>must be at least {n} characters long.</source>
        <translation>至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>use 1–50 characters without spaces.</source>
        <translation>请使用 1–50 个字符，不能含空格。</translation>
    </message>
    <message>
        <source>This database already has an administrator; sign in instead.</source>
        <translation>该数据库已有管理员账号，请直接登录。</translation>
    </message>
    <message>
        <source>choose yes or no.</source>
        <translation>请选择“是”或“否”。</translation>
    </message>
    <message>
        <source>enter a whole number from {low} to {high}.</source>
        <translation>请填 {low} 到 {high} 之间的整数。</translation>
    </message>
    <message>
        <source>choose one of the listed options.</source>
        <translation>请从列出的选项中选一个。</translation>
    </message>
    <message>
        <source>Unknown station setting {key}.</source>
        <translation>没有名为 {key} 的驿站设置。</translation>
    </message>
    <message>
        <source>No station is set up yet; finish the first-start set-up.</source>
        <translation>还没有设置驿站，请先完成首次启动设置。</translation>
    </message>
    <message>
        <source>is too long: at most {n} characters.</source>
        <translation>太长了，最多 {n} 个字。</translation>
    </message>
    <message>
        <source>enter the station&apos;s name (1–100 characters).</source>
        <translation>请填写驿站名称（1–100 个字）。</translation>
    </message>
    <message>
        <source>use 1–10 letters or digits, e.g. SQK.</source>
        <translation>请使用 1–10 位字母或数字，例如 SQK。</translation>
    </message>
    <message>
        <source>This account still has a password others know (for example the demo&apos;s admin12345); change it first (File → Change password).</source>
        <translation>这个账号的密码别人也知道（例如演示数据的 admin12345）；请先修改密码（文件 → 修改密码）。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked for {minutes} more minute(s).</source>
        <translation>密码错误次数过多：该账号已锁定，请 {minutes} 分钟后再试。</translation>
    </message>
    <message>
        <source>choose one of the listed roles.</source>
        <translation>请从列表中选择一个角色。</translation>
    </message>
    <message>
        <source>The user name {name} is taken; choose another.</source>
        <translation>用户名 {name} 已被使用，请换一个。</translation>
    </message>
    <message>
        <source>That account no longer exists.</source>
        <translation>该账号已不存在。</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation>不能停用自己正在使用的账号。</translation>
    </message>
    <message>
        <source>is not correct.</source>
        <translation>不正确。</translation>
    </message>
    <message>
        <source>is the same as the current one; choose another.</source>
        <translation>与当前密码相同；请换一个。</translation>
    </message>
    <message>
        <source>No station has the code {code}; the command smiledesk station list shows each station&apos;s code.</source>
        <translation>没有代码为 {code} 的驿站；用命令 smiledesk station list 可以查看各驿站的代码。</translation>
    </message>
    <message>
        <source>The database refused a value that contains characters it cannot store; nothing was saved. Retype it.</source>
        <translation>输入的内容里有数据库存不了的字符，什么都没有保存。请重新输入。</translation>
    </message>
    <message>
        <source>The database server cannot be reached, so this was not done and nothing was changed. SmileDesk keeps trying to reconnect; try again when the banner at the top has gone.</source>
        <translation>无法连接数据库服务器，这次操作没有完成，没有任何改动。微笑驿站会自动重新连接；窗口顶部的提示消失后请再试一次。</translation>
    </message>
    <message>
        <source>The database server took too long to answer, so this was stopped and nothing was changed. Try again; if it keeps happening, tell the sub-district&apos;s IT staff.</source>
        <translation>数据库服务器响应太慢，这次操作已停止，没有任何改动。请再试一次；如果反复出现，请告诉街道的 IT 人员。</translation>
    </message>
    <message>
        <source>The database is busy in another window or computer; try again in a moment.</source>
        <translation>数据库正被其他窗口或电脑使用，请稍后再试。</translation>
    </message>
    <message>
        <source>The database server refused this computer&apos;s database account or password. Check the connection settings with the sub-district&apos;s IT staff (docs/postgres.md).</source>
        <translation>数据库服务器拒绝了这台电脑的数据库账号或密码。请和街道的 IT 人员核对连接设置（见 docs/postgres.md）。</translation>
    </message>
    <message>
        <source>This computer&apos;s database account may not change that record (it belongs to another station, or only the sub-district may change it); nothing was changed.</source>
        <translation>这台电脑的数据库账号不能修改这条记录（它属于别的驿站，或者只有街道才能修改），没有任何改动。</translation>
    </message>
    <message>
        <source>The database server has no free connections right now; nothing was changed. Try again in a moment.</source>
        <translation>数据库服务器现在没有空闲的连接，没有任何改动。请稍后再试。</translation>
    </message>
    <message>
        <source>The database server&apos;s certificate could not be verified, so SmileDesk did not connect. Check the certificate settings with the sub-district&apos;s IT staff (docs/postgres.md).</source>
        <translation>无法核实数据库服务器的证书，微笑驿站没有连接。请和街道的 IT 人员核对证书设置（见 docs/postgres.md）。</translation>
    </message>
    <message>
        <source>The database server refused this, and nothing was changed. The details are in the log file; tell the sub-district&apos;s IT staff if it happens again.</source>
        <translation>数据库服务器拒绝了这次操作，没有任何改动。详细信息已写入日志文件；如果再次出现，请告诉街道的 IT 人员。</translation>
    </message>
    <message>
        <source>The disk is full; nothing was saved. Free some space and try again.</source>
        <translation>磁盘已满，本次内容未保存。请清理磁盘空间后重试。</translation>
    </message>
    <message>
        <source>The database folder is read-only; nothing was saved. Check the folder&apos;s permissions.</source>
        <translation>数据库所在文件夹为只读，本次内容未保存。请检查文件夹权限。</translation>
    </message>
    <message>
        <source>The database file cannot be opened; nothing was saved. Check that its folder exists and may be written to.</source>
        <translation>数据库文件打不开，什么都没有保存。请检查它所在的文件夹是否存在、是否可以写入。</translation>
    </message>
    <message>
        <source>The database file is damaged and cannot be read. Restore the newest backup (smiledesk check says what is wrong).</source>
        <translation>数据库文件已损坏，无法读取。请恢复最近的备份（smiledesk check 可以查出哪里出了问题）。</translation>
    </message>
    <message>
        <source>The database refused the change: {detail}</source>
        <translation>数据库拒绝了本次修改：{detail}</translation>
    </message>
    <message>
        <source>The database {file} cannot be read ({detail}). Run smiledesk check for what is wrong; restore a backup with smiledesk restore FILE if it is damaged.</source>
        <translation>无法读取数据库 {file}（{detail}）。运行 smiledesk check 查看问题所在；如果文件已损坏，用 smiledesk restore 备份文件 恢复备份。</translation>
    </message>
    <message>
        <source>The database {file} is encrypted; enter its passphrase to open it.</source>
        <translation>数据库 {file} 已加密，请输入加密口令才能打开。</translation>
    </message>
    <message>
        <source>The passphrase is wrong: it does not unlock the database {file}. Check Caps Lock and the keyboard layout, then try again.</source>
        <translation>口令不对，打不开数据库 {file}。请检查大写锁定键和输入法，再试一次。</translation>
    </message>
    <message>
        <source>Encryption is not available on this computer: the SQLCipher module (sqlcipher3) is not installed. Install SmileDesk with it, or use this database on a computer that has it.</source>
        <translation>这台电脑上无法使用加密：没有安装 SQLCipher 模块（sqlcipher3）。请安装带有该模块的微笑驿站，或者在装有它的电脑上使用这个数据库。</translation>
    </message>
    <message>
        <source>Your role ({role}) may not {action}. Ask an administrator.</source>
        <translation>您的角色（{role}）无权{action}，请联系管理员。</translation>
    </message>
    <message>
        <source>is required; type the name as on the ID card.</source>
        <translation>为必填项，请按身份证上的姓名填写。</translation>
    </message>
    <message>
        <source>is too long ({length} characters); at most {max} are allowed.</source>
        <translation>太长了（{length} 个字），最多 {max} 个字。</translation>
    </message>
    <message>
        <source>contains “{char}”, which cannot be part of a name; use letters only (· and - are allowed).</source>
        <translation>含有“{char}”，姓名中不能有这个字符；只能填写文字（可用 · 和 -）。</translation>
    </message>
    <message>
        <source>is required; it cannot be left blank.</source>
        <translation>为必填项，不能为空。</translation>
    </message>
    <message>
        <source>contains invisible control characters; retype it.</source>
        <translation>含有不可见的控制字符，请重新输入。</translation>
    </message>
    <message>
        <source>is required.</source>
        <translation>为必填项。</translation>
    </message>
    <message>
        <source>is an old 15-digit number; enter the 18-character number from the current ID card.</source>
        <translation>是旧的 15 位号码，请填写现行身份证上的 18 位号码。</translation>
    </message>
    <message>
        <source>must have 18 characters, not {length}; check for missing or extra digits.</source>
        <translation>应为 18 位，现在是 {length} 位；请检查是否漏填或多填。</translation>
    </message>
    <message>
        <source>must be 17 digits followed by a digit or X.</source>
        <translation>应为 17 位数字加最后一位数字或 X。</translation>
    </message>
    <message>
        <source>has a wrong check character (the last one); check every digit against the card.</source>
        <translation>校验位（最后一位）不正确，请对照证件逐位核对。</translation>
    </message>
    <message>
        <source>contains an impossible birth date or region; check the digits.</source>
        <translation>其中的出生日期或地区码不存在，请核对号码。</translation>
    </message>
    <message>
        <source>contains a birth date in the future; check the digits.</source>
        <translation>其中的出生日期晚于今天，请核对号码。</translation>
    </message>
    <message>
        <source>may contain only digits (and spaces or dashes); “{value}” has other characters.</source>
        <translation>只能包含数字（可有空格或横线），“{value}”含有其他字符。</translation>
    </message>
    <message>
        <source>“{value}” is not a valid mainland number; enter 11 digits for a mobile or the area code and number for a landline (e.g. 0551-62345678).</source>
        <translation>“{value}”不是有效的大陆号码；手机请填 11 位，座机请填区号加号码（如 0551-62345678）。</translation>
    </message>
    <message>
        <source>is required; pick a date.</source>
        <translation>为必填项，请选择日期。</translation>
    </message>
    <message>
        <source>“{value}” is not a date; write it as 2026-03-05.</source>
        <translation>“{value}”不是日期，请按 2026-03-05 的格式填写。</translation>
    </message>
    <message>
        <source>cannot be in the future ({value}).</source>
        <translation>不能晚于今天（{value}）。</translation>
    </message>
    <message>
        <source>cannot be before {earliest}.</source>
        <translation>不能早于 {earliest}。</translation>
    </message>
    <message>
        <source>“{value}” is not an amount; write yuan like 12.50.</source>
        <translation>“{value}”不是金额，请按元填写，如 12.50。</translation>
    </message>
    <message>
        <source>cannot be negative.</source>
        <translation>不能为负数。</translation>
    </message>
    <message>
        <source>must be more than zero.</source>
        <translation>必须大于零。</translation>
    </message>
    <message>
        <source>is too large; at most {max} yuan.</source>
        <translation>金额太大；最多 {max} 元。</translation>
    </message>
    <message>
        <source>choose a year between 1900 and 2200.</source>
        <translation>请选择 1900 到 2200 之间的年份。</translation>
    </message>
    <message>
        <source>choose a month from 1 to 12.</source>
        <translation>请选择 1 到 12 月。</translation>
    </message>
    <message>
        <source>write the month as 2026-11.</source>
        <translation>请按 2026-11 的格式填写月份。</translation>
    </message>
    <message>
        <source>choose a whole number from {low} to {high}.</source>
        <translation>请选择 {low} 到 {high} 之间的整数。</translation>
    </message>
    <message>
        <source>choose holiday or adjusted workday.</source>
        <translation>请选择“节假日”或“调休上班日”。</translation>
    </message>
    <message>
        <source>{day} is already a weekday; only a weekend day can be an adjusted workday.</source>
        <translation>{day} 本来就是工作日；只有周末才能设为调休上班日。</translation>
    </message>
    <message>
        <source>does not match the password; type the same password twice.</source>
        <translation>与密码不一致，请两次输入相同的密码。</translation>
    </message>
    <message>
        <source>That record no longer exists; it may have been deleted on another computer.</source>
        <translation>这条记录已不存在，可能已在另一台电脑上被删除。</translation>
    </message>
    <message>
        <source>{who} changed this record at {when}, after you opened it; your changes were not saved. Reload it to see their version, then make your change again.</source>
        <translation>在您打开之后，{who} 于 {when} 修改了这条记录；您的修改没有保存。请重新载入查看对方的版本，再重新修改。</translation>
    </message>
    <message>
        <source>This database already holds residents that are not demo data; demo data goes into a new database only (e.g. smiledesk demo --db demo.sqlite3). Nothing was added.</source>
        <translation>这个数据库里已经有不是演示数据的居民档案；演示数据只能放进新的数据库（例如 smiledesk demo --db demo.sqlite3）。没有添加任何数据。</translation>
    </message>
    <message>
        <source>“{found}” has a day without its month; write it as 2月6日.</source>
        <translation>“{found}”中的日期缺少月份，请写成“2月6日”这样的格式。</translation>
    </message>
    <message>
        <source>“{found}” is not a date of {year}.</source>
        <translation>“{found}”不是{year}年的有效日期。</translation>
    </message>
    <message>
        <source>the notice says {found} is a 星期{said}, but in {year} it is a 星期{real}: is the year right?</source>
        <translation>通知写{found}是星期{said}，但{year}年这一天是星期{real}：年份是否选对了？</translation>
    </message>
    <message>
        <source>{name}: no date before 放假 in “{found}”.</source>
        <translation>{name}：“{found}”中“放假”之前没有日期。</translation>
    </message>
    <message>
        <source>{name}: “{found}” is not a range of days.</source>
        <translation>{name}：“{found}”不是有效的日期区间。</translation>
    </message>
    <message>
        <source>{name}: {start} to {end} is {n} days, but the notice says 共{said}天; check the dates.</source>
        <translation>{name}：{start}至{end}共{n}天，但通知写“共{said}天”，请核对日期。</translation>
    </message>
    <message>
        <source>{name}: {day} is a weekday already; an adjusted workday (上班) is a Saturday or Sunday.</source>
        <translation>{name}：{day}本来就是工作日；调休上班日只能是周六或周日。</translation>
    </message>
    <message>
        <source>choose the year the notice is for.</source>
        <translation>请选择通知所属的年份。</translation>
    </message>
    <message>
        <source>choose a year between 2000 and 2100.</source>
        <translation>请选择2000至2100之间的年份。</translation>
    </message>
    <message>
        <source>{day} appears under both {first} and {second}.</source>
        <translation>{day}同时出现在“{first}”和“{second}”两项中。</translation>
    </message>
    <message>
        <source>no holiday found. Paste the notice&apos;s items, e.g. “春节：2月6日至12日放假调休，共7天。2月14日（星期日）、2月20日（星期六）上班。”</source>
        <translation>没有找到节假日。请粘贴通知中的各项，例如“春节：2月6日至12日放假调休，共7天。2月14日（星期日）、2月20日（星期六）上班。”</translation>
    </message>
    <message>
        <source>SMILEDESK_AUDIT_KEY must be 64 hexadecimal digits (a 32-byte key).</source>
        <translation>SMILEDESK_AUDIT_KEY 必须是 64 位十六进制数字（32 字节的密钥）。</translation>
    </message>
    <message>
        <source>The audit key could not be kept in {folder} ({detail}); nothing was saved. Check that the folder can be written.</source>
        <translation>无法把审计密钥保存到 {folder}（{detail}）；没有保存任何内容。请检查该文件夹是否可以写入。</translation>
    </message>
    <message>
        <source>{file} cannot be read as an audit key file ({detail}).</source>
        <translation>{file} 无法作为审计密钥文件读取（{detail}）。</translation>
    </message>
    <message>
        <source>{file} is not an audit key file written by smiledesk audit-key export.</source>
        <translation>{file} 不是用“smiledesk audit-key export”导出的审计密钥文件。</translation>
    </message>
    <message>
        <source>The database on the server is older than this SmileDesk. The sub-district&apos;s IT staff upgrade it with the owner&apos;s account (smiledesk migrate, docs/postgres.md); then start again.</source>
        <translation>服务器上的数据库比这个版本的微笑驿站旧。请街道的 IT 人员用所有者账号升级数据库（运行 smiledesk migrate，见 docs/postgres.md），然后再启动。</translation>
    </message>
    <message>
        <source>{file} holds the audit keys of another database; export them from a computer that uses this database.</source>
        <translation>{file} 里是另一个数据库的审计密钥；请从使用本数据库的电脑上导出。</translation>
    </message>
</context>
<context>
    <name>ExportAction</name>
    <message>
        <source>first {n} rows only</source>
        <translation>仅前 {n} 行</translation>
    </message>
    <message>
        <source>Exporting to Excel…</source>
        <translation>正在导出到 Excel…</translation>
    </message>
    <message>
        <source>1 row saved to {file}.</source>
        <translation>已将 1 行保存到 {file}。</translation>
    </message>
    <message>
        <source>{n} rows saved to {file}.</source>
        <translation>已将 {n} 行保存到 {file}。</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>驿站名称</translation>
    </message>
    <message>
        <source>Station code</source>
        <translation>驿站代码</translation>
    </message>
    <message>
        <source>Sub-district</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Notice text</source>
        <translation>通知正文</translation>
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
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind of day</source>
        <translation>日期类型</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>SmileDesk user guide</source>
        <translation>微笑驿站使用说明</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Welcome to SmileDesk 微笑驿站</source>
        <translation>欢迎使用微笑驿站</translation>
    </message>
    <message>
        <source>A few short steps set up this station. You can change every choice later in Settings.</source>
        <translation>几步就能设置好本驿站。每一项以后都可以在“设置”里修改。</translation>
    </message>
    <message>
        <source>Choose the language of the program and how large the text should be.</source>
        <translation>请选择软件的语言和文字大小。</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Display style</source>
        <translation>显示风格(&amp;D)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Display style</source>
        <translation>显示风格</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in — SmileDesk</source>
        <translation>登录 — 微笑驿站</translation>
    </message>
    <message>
        <source>SmileDesk</source>
        <translation>微笑驿站</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>The screen was locked. Sign in to continue.</source>
        <translation>屏幕已锁定，请登录后继续。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SmileDesk 微笑驿站 — {station}</source>
        <translation>微笑驿站 — {station}</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Something unexpected went wrong. The details were written to the log file; tell whoever looks after this computer.</source>
        <translation>出现意外错误，详细信息已写入日志文件；请告诉负责这台电脑的人。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>SmileDesk</source>
        <translation>微笑驿站</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>居民档案</translation>
    </message>
    <message>
        <source>Service desk</source>
        <translation>来访登记</translation>
    </message>
    <message>
        <source>Volunteer rosters</source>
        <translation>志愿排班</translation>
    </message>
    <message>
        <source>Meals</source>
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
        <source>Reports</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Papers</name>
    <message>
        <source>Monthly roster</source>
        <translation>月度排班表</translation>
    </message>
    <message>
        <source>Patrol sign-in sheet</source>
        <translation>巡逻签到表</translation>
    </message>
    <message>
        <source>Kitchen sheet</source>
        <translation>厨房备餐单</translation>
    </message>
    <message>
        <source>Route sheets</source>
        <translation>送餐单</translation>
    </message>
    <message>
        <source>Meal labels</source>
        <translation>餐盒标签</translation>
    </message>
    <message>
        <source>Passport cards</source>
        <translation>护照卡片</translation>
    </message>
    <message>
        <source>Passport booklet cover</source>
        <translation>护照封面</translation>
    </message>
    <message>
        <source>Meal account statements</source>
        <translation>助餐月结单</translation>
    </message>
    <message>
        <source>Meal subsidy claim</source>
        <translation>助餐补贴申报表</translation>
    </message>
    <message>
        <source>Monthly or annual report</source>
        <translation>月报或年报</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>A resident&apos;s personal data (PIPL)</source>
        <translation>居民个人信息副本（个人信息保护法）</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password (8+ characters)</source>
        <translation>新密码（至少 8 位）</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>This account&apos;s password is one others know (for example the demo&apos;s). Choose your own password before you continue.</source>
        <translation>这个账号的密码别人也知道（例如演示数据的密码）。请先设置您自己的密码，再继续使用。</translation>
    </message>
    <message>
        <source>The two new passwords differ; type the same password twice.</source>
        <translation>两次输入的新密码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>manage staff accounts</source>
        <translation>管理工作人员账号</translation>
    </message>
    <message>
        <source>change station settings</source>
        <translation>修改驿站设置</translation>
    </message>
    <message>
        <source>read the audit log</source>
        <translation>查看操作日志</translation>
    </message>
    <message>
        <source>export lists to Excel</source>
        <translation>把列表导出到 Excel</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Print preview — {kind}</source>
        <translation>打印预览 — {kind}</translation>
    </message>
    <message>
        <source>Preparing the paper…</source>
        <translation>正在生成……</translation>
    </message>
    <message>
        <source>Places already used on the first sheet</source>
        <translation>第一张纸上已用掉的格数</translation>
    </message>
    <message>
        <source>Places already used on the first sheet:</source>
        <translation>第一张纸上已用掉的格数：</translation>
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
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Preparing the paper</source>
        <translation>正在生成</translation>
    </message>
    <message>
        <source>Print preview — {title}</source>
        <translation>打印预览 — {title}</translation>
    </message>
    <message>
        <source>{n} page(s), {size}</source>
        <translation>共 {n} 页，{size}</translation>
    </message>
    <message>
        <source>Sent to {printer}: {pages} page(s), {copies} copy/copies.</source>
        <translation>已发送到 {printer}：{pages} 页，{copies} 份。</translation>
    </message>
    <message>
        <source>Print job {job}.</source>
        <translation>打印任务 {job}。</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>No printer is set up on this computer. Add the printer in the system&apos;s printer settings (Windows: Settings → Bluetooth &amp; devices → Printers &amp; scanners), then print again — or save the paper as a PDF. Nothing was recorded as printed.</source>
        <translation>这台电脑上没有安装打印机。请在系统的打印机设置中添加打印机（Windows：设置 → 蓝牙和其他设备 → 打印机和扫描仪）后再打印，或先另存为 PDF。未记录为已打印。</translation>
    </message>
    <message>
        <source>The printer “{printer}” is not set up on this computer any more. Choose another printer, or add it again in the system&apos;s printer settings. Nothing was recorded as printed.</source>
        <translation>这台电脑上已经没有打印机“{printer}”。请选择其他打印机，或在系统的打印机设置中重新添加。未记录为已打印。</translation>
    </message>
    <message>
        <source>The printer “{printer}” is offline or paused ({reasons}). Check that it is switched on, connected and has paper, resume it in the system&apos;s printer settings, then print again. Nothing was recorded as printed.</source>
        <translation>打印机“{printer}”脱机或已暂停（{reasons}）。请检查打印机是否开机、连好线、有纸，在系统的打印机设置中恢复打印后再打印。未记录为已打印。</translation>
    </message>
    <message>
        <source>The printer “{printer}” is not accepting print jobs now. Let it accept jobs again in the system&apos;s printer settings, or choose another printer. Nothing was recorded as printed.</source>
        <translation>打印机“{printer}”现在不接收打印任务。请在系统的打印机设置中让它重新接收任务，或选择其他打印机。未记录为已打印。</translation>
    </message>
    <message>
        <source>The printer “{printer}” refused the job. Check the printer and print again, or choose another printer. Nothing was recorded as printed.</source>
        <translation>打印机“{printer}”拒绝了这个任务。请检查打印机后再打印，或选择其他打印机。未记录为已打印。</translation>
    </message>
    <message>
        <source>Could not write {path} ({reason}). Choose another folder, or check that the disk is not full.</source>
        <translation>无法写入 {path}（{reason}）。请换一个文件夹，或检查磁盘是否已满。</translation>
    </message>
    <message>
        <source>The paper could not be read back for printing. Make it again and print again.</source>
        <translation>生成的文件无法读取，不能打印。请重新生成后再打印。</translation>
    </message>
    <message>
        <source>it does not answer</source>
        <translation>打印机没有响应</translation>
    </message>
    <message>
        <source>it is switched off</source>
        <translation>打印机已关机</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>out of paper</source>
        <translation>缺纸</translation>
    </message>
    <message>
        <source>paper jam</source>
        <translation>卡纸</translation>
    </message>
    <message>
        <source>out of toner or ink</source>
        <translation>墨粉或墨水用完</translation>
    </message>
    <message>
        <source>a door or cover is open</source>
        <translation>机盖或舱门未关好</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>it reports an error</source>
        <translation>打印机报告故障</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>no permission to write there</source>
        <translation>没有写入该位置的权限</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>文件夹不存在</translation>
    </message>
    <message>
        <source>a folder has that name</source>
        <translation>已有同名文件夹</translation>
    </message>
    <message>
        <source>the system did not allow it</source>
        <translation>系统不允许写入</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <source>Print {title}</source>
        <translation>打印 {title}</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>{size} landscape</source>
        <translation>{size} 横向</translation>
    </message>
    <message>
        <source>{size} portrait</source>
        <translation>{size} 纵向</translation>
    </message>
    <message>
        <source>Printing {title}</source>
        <translation>正在打印 {title}</translation>
    </message>
    <message>
        <source>Preparing the papers</source>
        <translation>正在生成</translation>
    </message>
    <message>
        <source>Printing {title} on {printer}</source>
        <translation>正在用 {printer} 打印 {title}</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>coordinator</source>
        <translation>志愿者协调员</translation>
    </message>
    <message>
        <source>front_desk</source>
        <translation>前台工作人员</translation>
    </message>
    <message>
        <source>kiosk</source>
        <translation>自助终端</translation>
    </message>
</context>
<context>
    <name>ServerBanner</name>
    <message>
        <source>Database server status</source>
        <translation>数据库服务器状态</translation>
    </message>
    <message>
        <source>The database server cannot be reached (for {seconds} s) — retrying every few seconds. Nothing can be saved or looked up until it answers; this message goes away by itself then.</source>
        <translation>无法连接数据库服务器（已 {seconds} 秒）——每隔几秒自动重试。连上之前不能保存，也不能查询；连上后这条提示会自动消失。</translation>
    </message>
    <message>
        <source>The database server is not answering (for {seconds} s) — waiting for it.</source>
        <translation>数据库服务器没有响应（已 {seconds} 秒）——正在等待。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Language and appearance</source>
        <translation>语言和显示</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Follow the system / 跟随系统</source>
        <translation>跟随系统 / Follow the system</translation>
    </message>
    <message>
        <source>简体中文</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Display style</source>
        <translation>显示风格</translation>
    </message>
    <message>
        <source>Large text and high contrast help staff and residents who see less well.</source>
        <translation>大字体和高对比度方便视力不好的工作人员和居民。</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>大字体</translation>
    </message>
    <message>
        <source>High contrast (large text, black on white)</source>
        <translation>高对比度（大字体，白底黑字）</translation>
    </message>
    <message>
        <source>Lock the screen after no input for (minutes, 0 = never)</source>
        <translation>无人操作多少分钟后锁屏（0 = 不锁屏）</translation>
    </message>
    <message>
        <source>A rule for the whole station: an unattended screen shows residents&apos; personal data.</source>
        <translation>全驿站统一的规定：没人看着的屏幕会露出居民的个人信息。</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>纸张大小</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>选择备份文件夹</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>设置分页</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>驿站</translation>
    </message>
    <message>
        <source>Reload the station&apos;s settings</source>
        <translation>重新载入驿站设置</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Station details</source>
        <translation>驿站信息</translation>
    </message>
    <message>
        <source>These settings are shared by every computer of the station.</source>
        <translation>这些设置全驿站的电脑共用。</translation>
    </message>
    <message>
        <source>Only an administrator can change the station&apos;s settings.</source>
        <translation>只有管理员可以修改驿站设置。</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>SmileDesk backs up the database there every day and when it closes. Best on a USB drive or a network folder, not only on this computer&apos;s disk.</source>
        <translation>微笑驿站每天以及每次关闭时都会把数据库备份到这里。最好放在 U 盘或网络共享文件夹里，不要只存在这台电脑的硬盘上。</translation>
    </message>
    <message>
        <source>These settings apply to this computer only.</source>
        <translation>这些设置只对本机有效。</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up SmileDesk</source>
        <translation>设置微笑驿站</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Create &amp;station</source>
        <translation>创建驿站(&amp;S)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Create station</source>
        <translation>创建驿站</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <source>Your station</source>
        <translation>本驿站</translation>
    </message>
    <message>
        <source>The name is printed on certificates, rosters and reports. Only the name is required.</source>
        <translation>驿站名称会印在证书、排班表和报表上。只有名称必须填写。</translation>
    </message>
    <message>
        <source>e.g. 逍遥津社区党群服务中心</source>
        <translation>如：逍遥津社区党群服务中心</translation>
    </message>
    <message>
        <source>Letters or digits used in certificate numbers, e.g. SQK</source>
        <translation>证书编号里用的字母或数字，如 SQK</translation>
    </message>
    <message>
        <source>e.g. 逍遥津街道</source>
        <translation>如：逍遥津街道</translation>
    </message>
</context>
<context>
    <name>TodaysPapers</name>
    <message>
        <source>Today&apos;s papers</source>
        <translation>今日单据</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Printer for {kind}</source>
        <translation>{kind}的打印机</translation>
    </message>
    <message>
        <source>Label places already used on the first sheet</source>
        <translation>第一张标签纸上已用掉的格数</translation>
    </message>
    <message>
        <source>Label places already used on the first sheet:</source>
        <translation>第一张标签纸上已用掉的格数：</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Printed in this order, each kind on its printer:</source>
        <translation>按以下顺序打印，每种单据用各自的打印机：</translation>
    </message>
    <message>
        <source>Printing today&apos;s papers</source>
        <translation>正在打印今日单据</translation>
    </message>
    <message>
        <source>Not printed: {reason}</source>
        <translation>未打印：{reason}</translation>
    </message>
    <message>
        <source>{n} printed, then: {reason}</source>
        <translation>已打印 {n} 份，之后：{reason}</translation>
    </message>
    <message>
        <source>{n} printed on {printer}</source>
        <translation>已用 {printer} 打印 {n} 份</translation>
    </message>
    <message>
        <source>nothing to print for this day</source>
        <translation>这一天没有要打印的</translation>
    </message>
    <message>
        <source>{n} paper(s) sent to the printers.</source>
        <translation>已向打印机发送 {n} 份单据。</translation>
    </message>
    <message>
        <source>Cancelled: the papers not yet sent were not printed.</source>
        <translation>已取消：尚未发送的单据没有打印。</translation>
    </message>
    <message>
        <source>Fix what the lines above say, then print again: only the papers still ticked are printed.</source>
        <translation>请按上面各行的提示处理后再次打印：只打印仍勾选的单据。</translation>
    </message>
</context>
</TS>

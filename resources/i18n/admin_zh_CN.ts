<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminCli</name>
    <message>
        <source>again: </source>
        <translation>再输一次：</translation>
    </message>
    <message>
        <source>password of {name}: </source>
        <translation>{name} 的密码：</translation>
    </message>
    <message>
        <source>all stations</source>
        <translation>全部驿站</translation>
    </message>
    <message>
        <source>station {id}</source>
        <translation>驿站 {id}</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>station</source>
        <translation>驿站</translation>
    </message>
    <message>
        <source>residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>residents in all: {n}</source>
        <translation>居民合计：{n}</translation>
    </message>
    <message>
        <source>station {id}: {name} ({code})</source>
        <translation>驿站 {id}：{name}（{code}）</translation>
    </message>
    <message>
        <source>station {code} ({name})</source>
        <translation>驿站 {code}（{name}）</translation>
    </message>
    <message>
        <source>the sub-district office</source>
        <translation>街道办</translation>
    </message>
    <message>
        <source>read-only roll-up</source>
        <translation>只读汇总</translation>
    </message>
    <message>
        <source>login {role} for {who}; its password is shown once:</source>
        <translation>已为{who}建立登录名 {role}，密码只显示这一次：</translation>
    </message>
    <message>
        <source>Give it to that PC as SMILEDESK_DATABASE_URL (docs/postgres.md §4); running this again makes a new password.</source>
        <translation>请在那台电脑上设为 SMILEDESK_DATABASE_URL（见 docs/postgres.md 第 4 节）；再运行一次会生成新密码。</translation>
    </message>
    <message>
        <source>login {role} removed</source>
        <translation>已删除登录名 {role}</translation>
    </message>
    <message>
        <source> (disabled)</source>
        <translation>（已停用）</translation>
    </message>
    <message>
        <source>password for {name}: </source>
        <translation>{name} 的新密码：</translation>
    </message>
    <message>
        <source>account {id}: {name} ({role}, {where})</source>
        <translation>账号 {id}：{name}（{role}，{where}）</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Staff accounts</source>
        <translation>工作人员账号</translation>
    </message>
    <message>
        <source>Holidays and adjusted workdays</source>
        <translation>节假日与调休</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>Data safety</source>
        <translation>数据安全</translation>
    </message>
</context>
<context>
    <name>AuditLabels</name>
    <message>
        <source>added to</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>backed up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>checked in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>checked out</source>
        <translation>签退</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>credited</source>
        <translation>入账</translation>
    </message>
    <message>
        <source>decrypted</source>
        <translation>解除加密</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>discarded</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>dropped out</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>加密</translation>
    </message>
    <message>
        <source>erased</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>generated</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>honoured</source>
        <translation>授予荣誉</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>created by import</source>
        <translation>导入新建</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>出具</translation>
    </message>
    <message>
        <source>linked</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>linked to a resident</source>
        <translation>关联居民</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>locked out</source>
        <translation>账号锁定</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>reported lost</source>
        <translation>挂失</translation>
    </message>
    <message>
        <source>marked as entered</source>
        <translation>标记为已录入</translation>
    </message>
    <message>
        <source>did not come</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>outcome recorded</source>
        <translation>记录结果</translation>
    </message>
    <message>
        <source>password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>patrol stamps</source>
        <translation>巡逻印章</translation>
    </message>
    <message>
        <source>saved as PDF</source>
        <translation>存为 PDF</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>read</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>recounted</source>
        <translation>重新统计</translation>
    </message>
    <message>
        <source>redeemed</source>
        <translation>兑换</translation>
    </message>
    <message>
        <source>batch made</source>
        <translation>批量生成</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>重新办理</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>补办</translation>
    </message>
    <message>
        <source>reprinted</source>
        <translation>重印</translation>
    </message>
    <message>
        <source>restocked</source>
        <translation>补充库存</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>full details shown</source>
        <translation>查看完整信息</translation>
    </message>
    <message>
        <source>reversed</source>
        <translation>冲正</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>filled automatically</source>
        <translation>自动排班</translation>
    </message>
    <message>
        <source>stamped</source>
        <translation>盖章</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>取消安排</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>new version</source>
        <translation>新版本</translation>
    </message>
    <message>
        <source>calendar day</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>certificate image</source>
        <translation>证书图片</translation>
    </message>
    <message>
        <source>certificate request</source>
        <translation>证书申请</translation>
    </message>
    <message>
        <source>certificate settings</source>
        <translation>证书设置</translation>
    </message>
    <message>
        <source>database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>desk category</source>
        <translation>来访类别</translation>
    </message>
    <message>
        <source>desk day figures</source>
        <translation>来访日统计</translation>
    </message>
    <message>
        <source>meal day</source>
        <translation>助餐日</translation>
    </message>
    <message>
        <source>food sample</source>
        <translation>留样</translation>
    </message>
    <message>
        <source>meal account entry</source>
        <translation>餐费账目</translation>
    </message>
    <message>
        <source>meal order</source>
        <translation>订餐</translation>
    </message>
    <message>
        <source>meal pause</source>
        <translation>暂停用餐</translation>
    </message>
    <message>
        <source>meal price</source>
        <translation>餐价</translation>
    </message>
    <message>
        <source>meal recipient</source>
        <translation>助餐对象</translation>
    </message>
    <message>
        <source>delivery route</source>
        <translation>送餐路线</translation>
    </message>
    <message>
        <source>meal settings</source>
        <translation>助餐设置</translation>
    </message>
    <message>
        <source>subsidy tier</source>
        <translation>补贴档次</translation>
    </message>
    <message>
        <source>welfare check attempt</source>
        <translation>探访联系记录</translation>
    </message>
    <message>
        <source>welfare check</source>
        <translation>探访</translation>
    </message>
    <message>
        <source>smile passport</source>
        <translation>微笑护照</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>honour</source>
        <translation>荣誉</translation>
    </message>
    <message>
        <source>reward redemption</source>
        <translation>奖品兑换</translation>
    </message>
    <message>
        <source>reward</source>
        <translation>奖品</translation>
    </message>
    <message>
        <source>activity sign-up</source>
        <translation>活动报名</translation>
    </message>
    <message>
        <source>stamp</source>
        <translation>印章</translation>
    </message>
    <message>
        <source>smile wall choice</source>
        <translation>笑脸墙设置</translation>
    </message>
    <message>
        <source>resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>roster</source>
        <translation>排班</translation>
    </message>
    <message>
        <source>shift assignment</source>
        <translation>班次安排</translation>
    </message>
    <message>
        <source>availability</source>
        <translation>可服务时间</translation>
    </message>
    <message>
        <source>patrol check-in</source>
        <translation>巡逻签到</translation>
    </message>
    <message>
        <source>service hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>hours multiplier</source>
        <translation>时长系数</translation>
    </message>
    <message>
        <source>leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>pairing wish</source>
        <translation>搭档意愿</translation>
    </message>
    <message>
        <source>patrol finding</source>
        <translation>巡逻发现</translation>
    </message>
    <message>
        <source>shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>shift template</source>
        <translation>班次模板</translation>
    </message>
    <message>
        <source>skill</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>team member</source>
        <translation>队员</translation>
    </message>
    <message>
        <source>volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>desk record</source>
        <translation>来访记录</translation>
    </message>
    <message>
        <source>staff account</source>
        <translation>工作人员账号</translation>
    </message>
    <message>
        <source>station</source>
        <translation>驿站</translation>
    </message>
    <message>
        <source>station setting</source>
        <translation>驿站设置</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Verify the chain</source>
        <translation>校验日志完整性</translation>
    </message>
    <message>
        <source>Every change is logged here with who and when; entries cannot be edited.</source>
        <translation>每次修改都会记录操作人和时间，日志不可修改。</translation>
    </message>
    <message>
        <source>The audit log was altered:</source>
        <translation>操作日志被改动过：</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>The audit log is intact.</source>
        <translation>操作日志完整，未被改动。</translation>
    </message>
</context>
<context>
    <name>CalendarChangeDialog</name>
    <message>
        <source>Enter the State Council&apos;s notice</source>
        <translation>录入国务院放假通知</translation>
    </message>
    <message>
        <source>Notice text</source>
        <translation>通知正文</translation>
    </message>
    <message>
        <source>Paste the notice here (国务院办公厅关于××××年部分节假日安排的通知), e.g.
二、春节：2月6日至12日放假调休，共7天。2月14日（星期日）、2月20日（星期六）上班。</source>
        <translation>在此粘贴通知正文（国务院办公厅关于××××年部分节假日安排的通知），例如：
二、春节：2月6日至12日放假调休，共7天。2月14日（星期日）、2月20日（星期六）上班。</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Read the notice</source>
        <translation>识别通知</translation>
    </message>
    <message>
        <source>Days that change</source>
        <translation>变化的日期</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>After saving</source>
        <translation>保存后</translation>
    </message>
    <message>
        <source>What moves with the change</source>
        <translation>随之变化的事项</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>What changes</source>
        <translation>变化内容</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在识别…</translation>
    </message>
    <message>
        <source>Nothing to change: the calendar already says this.</source>
        <translation>无需更改：日历已是这样。</translation>
    </message>
    <message>
        <source>{n} day(s) change; {m} thing(s) move with them (shown on the right).</source>
        <translation>{n}天发生变化；随之变化的事项{m}项（见右侧）。</translation>
    </message>
    <message>
        <source>After saving, {years} counts as entered in full.</source>
        <translation>保存后，{years}年视为已完整录入。</translation>
    </message>
    <message>
        <source>Closed requests, patrols already worked and past days do not change.</source>
        <translation>已办结的诉求、已执勤的巡逻和已过去的日期不会改变。</translation>
    </message>
    <message>
        <source>holiday (day off)</source>
        <translation>法定节假日（放假）</translation>
    </message>
    <message>
        <source>adjusted workday</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <source>ordinary day</source>
        <translation>普通日</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <source>Paste the State Council&apos;s notice…</source>
        <translation>粘贴国务院放假通知…</translation>
    </message>
    <message>
        <source>From chinese-calendar</source>
        <translation>从内置节假日表导入</translation>
    </message>
    <message>
        <source>The year is complete</source>
        <translation>本年已录入完整</translation>
    </message>
    <message>
        <source>The days entered by hand are all of the year&apos;s holidays and adjusted workdays</source>
        <translation>手工录入的日期已包含本年全部节假日和调休上班日</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>holiday (day off)</source>
        <translation>法定节假日（放假）</translation>
    </message>
    <message>
        <source>adjusted workday</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>e.g. 春节</source>
        <translation>如：春节</translation>
    </message>
    <message>
        <source>Set day</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Back to ordinary day</source>
        <translation>恢复为普通日</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>{n} holiday days and {m} adjusted workdays entered for {year}.</source>
        <translation>{year} 年已录入 {n} 天节假日、{m} 天调休上班日。</translation>
    </message>
    <message>
        <source>The year is not marked complete: dates in {year} still count Monday–Friday only and every page warns. Paste the notice, or confirm the year is complete.</source>
        <translation>本年尚未标记为录入完整：{year}年的日期仍只按周一至周五计算，各页面都会提示。请粘贴放假通知，或确认本年已录入完整。</translation>
    </message>
    <message>
        <source>No holidays entered for {year}: deadlines count Monday–Friday only. Enter the State Council&apos;s notice for the year below.</source>
        <translation>尚未录入 {year} 年的节假日：办理时限只按周一至周五计算。请在下方按国务院办公厅当年的放假通知录入。</translation>
    </message>
    <message>
        <source>The installed chinese-calendar package has {year}.</source>
        <translation>内置节假日表（随软件安装）包含{year}年。</translation>
    </message>
    <message>
        <source>The installed chinese-calendar package does not have {year}; a newer release may.</source>
        <translation>内置节假日表不含{year}年；软件更新后可能包含。</translation>
    </message>
    <message>
        <source>Enter the State Council&apos;s notice</source>
        <translation>录入国务院放假通知</translation>
    </message>
    <message>
        <source>Holidays of {year} from chinese-calendar</source>
        <translation>从内置节假日表导入{year}年节假日</translation>
    </message>
    <message>
        <source>{year} is complete</source>
        <translation>{year}年已录入完整</translation>
    </message>
    <message>
        <source>Change {day}</source>
        <translation>修改{day}</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>error: {text}</source>
        <translation>错误：{text}</translation>
    </message>
</context>
<context>
    <name>CliHelp</name>
    <message>
        <source>SQLite file or database URL</source>
        <translation>SQLite 文件或数据库 URL</translation>
    </message>
    <message>
        <source>the administrator signing in (password: prompt or SMILEDESK_PASSWORD)</source>
        <translation>登录的管理员（密码：运行时输入，或用 SMILEDESK_PASSWORD 提供）</translation>
    </message>
    <message>
        <source>stations of a sub-district sharing one database (administrators)</source>
        <translation>共用一个数据库的街道下属站点（限管理员）</translation>
    </message>
    <message>
        <source>stations with their ids, codes and resident counts</source>
        <translation>列出站点及其编号、代码和居民人数</translation>
    </message>
    <message>
        <source>add a station (sub-district administrators)</source>
        <translation>新增站点（限街道管理员）</translation>
    </message>
    <message>
        <source>short code, 1–10 letters or digits (certificate numbers, --station)</source>
        <translation>简码，1–10 个字母或数字（用于证书编号和 --station）</translation>
    </message>
    <message>
        <source>put an account in a station (&apos;all&apos;: a sub-district administrator)</source>
        <translation>把账号分到一个站点（&apos;all&apos;：街道管理员）</translation>
    </message>
    <message>
        <source>user name or account id</source>
        <translation>用户名或账号编号</translation>
    </message>
    <message>
        <source>station id or code, or &apos;all&apos;</source>
        <translation>站点编号或代码，或 &apos;all&apos;</translation>
    </message>
    <message>
        <source>a PostgreSQL login for a station&apos;s PCs, the office or roll-up (owner&apos;s --db)</source>
        <translation>为站点电脑、街道办公室或汇总统计建 PostgreSQL 登录（用所有者的 --db）</translation>
    </message>
    <message>
        <source>station id or code; &apos;office&apos; (every station) or &apos;rollup&apos; (read-only)</source>
        <translation>站点编号或代码；&apos;office&apos;（全部站点）或 &apos;rollup&apos;（只读汇总）</translation>
    </message>
    <message>
        <source>the login&apos;s name (default: smiledesk_&lt;code&gt;)</source>
        <translation>登录名（默认：smiledesk_&lt;站点代码&gt;）</translation>
    </message>
    <message>
        <source>e.g. which PC uses it</source>
        <translation>备注，例如哪台电脑使用</translation>
    </message>
    <message>
        <source>the PostgreSQL logins of the stations (owner&apos;s --db)</source>
        <translation>列出各站点的 PostgreSQL 登录（用所有者的 --db）</translation>
    </message>
    <message>
        <source>remove a PostgreSQL login (owner&apos;s --db)</source>
        <translation>删除一个 PostgreSQL 登录（用所有者的 --db）</translation>
    </message>
    <message>
        <source>staff accounts (administrators)</source>
        <translation>工作人员账号（限管理员）</translation>
    </message>
    <message>
        <source>the accounts you manage</source>
        <translation>列出你管理的账号</translation>
    </message>
    <message>
        <source>only this station (id or code)</source>
        <translation>只看这个站点（编号或代码）</translation>
    </message>
    <message>
        <source>a new account (password: prompt or SMILEDESK_NEW_PASSWORD)</source>
        <translation>新建账号（密码：运行时输入，或用 SMILEDESK_NEW_PASSWORD 提供）</translation>
    </message>
    <message>
        <source>admin, front_desk, coordinator, meals or viewer</source>
        <translation>角色：&apos;admin&apos;（管理员）、&apos;front_desk&apos;（前台）、&apos;coordinator&apos;（协调员）、&apos;meals&apos;（助餐）或 &apos;viewer&apos;（只读）</translation>
    </message>
    <message>
        <source>display name (default: the user name)</source>
        <translation>显示名（默认：用户名）</translation>
    </message>
    <message>
        <source>station id or code, or &apos;all&apos; (default: your station)</source>
        <translation>站点编号或代码，或 &apos;all&apos;（默认：你所在的站点）</translation>
    </message>
    <message>
        <source>disable an account (user name or id)</source>
        <translation>停用账号（用户名或编号）</translation>
    </message>
    <message>
        <source>enable an account (user name or id)</source>
        <translation>启用账号（用户名或编号）</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>choose a year between 1900 and 2200.</source>
        <translation>请选择 1900 到 2200 之间的年份。</translation>
    </message>
    <message>
        <source>The installed chinese-calendar package covers {first}–{last}, not {year}; paste the State Council&apos;s notice instead.</source>
        <translation>内置节假日表只包含{first}–{last}年，不含{year}年；请改为粘贴国务院放假通知。</translation>
    </message>
    <message>
        <source>The calendar or the records it moves changed since the preview; look at the preview again before saving.</source>
        <translation>预览之后，日历或受影响的记录已有变化；请重新查看预览后再保存。</translation>
    </message>
    <message>
        <source>Nothing to change: the calendar already says this.</source>
        <translation>无需更改：日历已是这样。</translation>
    </message>
    <message>
        <source>No password was given: type it at a terminal, or set {env}.</source>
        <translation>没有提供密码：请在终端里输入，或者设置环境变量 {env}。</translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed. Type the same password twice.</source>
        <translation>两次输入的密码不一样，没有任何改动。请输入两次相同的密码。</translation>
    </message>
    <message>
        <source>Sign in as an administrator: add --as USERNAME (the password is asked for).</source>
        <translation>请以管理员身份登录：加上 --as 用户名（之后会提示输入密码）。</translation>
    </message>
    <message>
        <source>{name} is not an administrator; sign in as one (--as).</source>
        <translation>{name} 不是管理员；请用管理员账号登录（--as）。</translation>
    </message>
    <message>
        <source>There is no account {name}.</source>
        <translation>没有账号 {name}。</translation>
    </message>
    <message>
        <source>Database logins exist only on a PostgreSQL server (docs/postgres.md).</source>
        <translation>数据库登录账号只在 PostgreSQL 服务器上才有（见 docs/postgres.md）。</translation>
    </message>
    <message>
        <source>Database logins are managed with the database owner&apos;s URL (--db), not a station&apos;s.</source>
        <translation>管理数据库登录账号要用数据库所有者的地址（--db），不能用驿站的。</translation>
    </message>
    <message>
        <source>{role}: a login name is lower-case letters, digits and _, starting with a letter.</source>
        <translation>{role}：登录名只能用小写字母、数字和 _，并以字母开头。</translation>
    </message>
    <message>
        <source>There is no database login {role}.</source>
        <translation>没有数据库登录账号 {role}。</translation>
    </message>
    <message>
        <source>Only a sub-district administrator (an administrator without a station) can do this.</source>
        <translation>只有街道管理员（不属于任何驿站的管理员）才能这样做。</translation>
    </message>
    <message>
        <source>Only administrators can see all stations; choose a station for this account.</source>
        <translation>只有管理员才能查看所有驿站；请为这个账号选择一个驿站。</translation>
    </message>
    <message>
        <source>There is no station {id}.</source>
        <translation>没有编号为 {id} 的驿站。</translation>
    </message>
    <message>
        <source>The user name {name} is taken; choose another.</source>
        <translation>用户名 {name} 已被使用，请换一个。</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
</context>
<context>
    <name>SafetyTab</name>
    <message>
        <source>Back up now…</source>
        <translation>立即备份…</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>A resident&apos;s personal data (PIPL)…</source>
        <translation>居民个人信息：副本与删除（个人信息保护法）…</translation>
    </message>
    <message>
        <source>Audit key…</source>
        <translation>审计密钥…</translation>
    </message>
    <message>
        <source>The database is on a server: back it up and encrypt it there.</source>
        <translation>数据库在服务器上：请在服务器上备份和加密。</translation>
    </message>
    <message>
        <source>Encryption: the database file is encrypted (SQLCipher). Its backups are encrypted with the same passphrase.</source>
        <translation>加密：数据库文件已加密（SQLCipher），备份也用同一口令加密。</translation>
    </message>
    <message>
        <source>Encryption: the database file is not encrypted. On a laptop or a kiosk, encrypt it so a lost computer or backup does not expose residents&apos; data.</source>
        <translation>加密：数据库文件没有加密。笔记本电脑和自助机上建议加密，电脑或备份丢失时居民信息不会泄露。</translation>
    </message>
    <message>
        <source>Decrypt the database…</source>
        <translation>解除数据库加密…</translation>
    </message>
    <message>
        <source>Encrypt the database…</source>
        <translation>加密数据库…</translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <source>Deactivate / reactivate selected</source>
        <translation>停用 / 重新启用所选账号</translation>
    </message>
    <message>
        <source>Initial password (8+ characters)</source>
        <translation>初始密码（至少 8 位）</translation>
    </message>
</context>
<context>
    <name>Weekdays</name>
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
</context>
</TS>

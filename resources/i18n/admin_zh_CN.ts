<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
    <name>CalendarTab</name>
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
        <translation>姓名</translation>
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
        <source>No holidays entered for {year}: deadlines count Monday–Friday only. Enter the State Council&apos;s notice for the year below.</source>
        <translation>尚未录入 {year} 年的节假日：办理时限只按周一至周五计算。请在下方按国务院办公厅当年的放假通知录入。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>choose a year between 1900 and 2200.</source>
        <translation>请选择 1900 到 2200 之间的年份。</translation>
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
</TS>

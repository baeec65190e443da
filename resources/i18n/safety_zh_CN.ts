<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditKeyDialog</name>
    <message>
        <source>Audit key</source>
        <translation>审计密钥</translation>
    </message>
    <message>
        <source>Every entry of the audit log is sealed with a key kept on the computer that wrote it, not in the database: whoever has only the database file cannot change the log unnoticed. When several computers use one database, export the key here and import it on each of the others, so that every computer can check the whole log. Keep the key file private and delete it after importing.</source>
        <translation>审计日志的每一条都用一把密钥封存，密钥保存在写入它的电脑上，不在数据库里：只拿到数据库文件的人无法改动日志而不被发现。几台电脑共用一个数据库时，请在这里导出密钥，再到其他每台电脑上导入，这样每台电脑都能核对整个日志。密钥文件请妥善保管，导入后删除。</translation>
    </message>
    <message>
        <source>Export the key…</source>
        <translation>导出密钥…</translation>
    </message>
    <message>
        <source>Import a key…</source>
        <translation>导入密钥…</translation>
    </message>
    <message>
        <source>The log has no sealed entry yet: this computer makes its key with the first change saved.</source>
        <translation>日志里还没有封存的记录：本机在第一次保存修改时生成密钥。</translation>
    </message>
    <message>
        <source>This computer has {n} of the {total} keys that wrote the log.</source>
        <translation>写入日志的密钥共 {total} 把，本机有其中 {n} 把。</translation>
    </message>
    <message>
        <source>Key {key} ({n} entries) is not on this computer: the content of those entries cannot be checked here. Export it on the computer that has it and import it here.</source>
        <translation>密钥 {key}（{n} 条记录）不在本机：这些记录的内容在本机无法核对。请在有这把密钥的电脑上导出，再在这里导入。</translation>
    </message>
    <message>
        <source>Key {key} was declared lost: the order of its entries is checked, their content cannot be.</source>
        <translation>密钥 {key} 已声明丢失：其记录的顺序照常核对，内容无法核对。</translation>
    </message>
    <message>
        <source>Every entry can be checked on this computer.</source>
        <translation>本机可以核对全部记录。</translation>
    </message>
    <message>
        <source>Export the audit key</source>
        <translation>导出审计密钥</translation>
    </message>
    <message>
        <source>{n} key(s) written to {file}. Import the file on the other computers (administration page → data safety → audit key), then delete it.</source>
        <translation>已把 {n} 把密钥写入 {file}。请在其他电脑上导入（系统管理 → 数据安全 → 审计密钥），然后删除这个文件。</translation>
    </message>
    <message>
        <source>Import an audit key</source>
        <translation>导入审计密钥</translation>
    </message>
    <message>
        <source>{n} new key(s) kept on this computer. Delete the key file now.</source>
        <translation>本机新保存了 {n} 把密钥。现在请删除密钥文件。</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>SmileDesk backs up by itself when it closes and once a day, keeping 7 daily, 4 weekly and 12 monthly copies. Make a copy now before big changes, or onto a USB drive to keep elsewhere.</source>
        <translation>微笑驿站每次关闭时和每天都会自动备份，保留最近 7 天、4 周、12 个月的备份。做大改动之前，或者想把一份备份存到 U 盘另外保管时，可以现在手动备份。</translation>
    </message>
    <message>
        <source>Other folder…</source>
        <translation>换个文件夹…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>This database is on a server; it is backed up there (pg_dump), not from a station.</source>
        <translation>数据库在服务器上，由服务器统一备份（pg_dump），不在驿站电脑上备份。</translation>
    </message>
    <message>
        <source>Folder: {folder}</source>
        <translation>备份文件夹：{folder}</translation>
    </message>
    <message>
        <source>Back up into</source>
        <translation>备份到</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <source>Backup written: {file}</source>
        <translation>备份已完成：{file}</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>0 bytes</source>
        <translation>0 字节</translation>
    </message>
    <message>
        <source>no tables</source>
        <translation>没有任何表</translation>
    </message>
    <message>
        <source>no SmileDesk schema (no alembic_version table)</source>
        <translation>没有微笑驿站的数据结构（缺少 alembic_version 表）</translation>
    </message>
    <message>
        <source>no SmileDesk schema (its first migration never finished)</source>
        <translation>没有微笑驿站的数据结构（第一次建库没有完成）</translation>
    </message>
    <message>
        <source>damaged text: table {table}, row {row}, column {column} is not valid UTF-8 (starts {start}); correct or clear it (e.g. in the program, or restore a backup)</source>
        <translation>文字损坏：表 {table} 第 {row} 行的 {column} 列不是有效的 UTF-8 文字（开头为 {start}）；请改正或清空这一项（例如在程序里修改，或者恢复备份）</translation>
    </message>
    <message>
        <source>damaged text: table {table}: {n} more rows like these</source>
        <translation>文字损坏：表 {table} 里还有 {n} 行同样的问题</translation>
    </message>
    <message>
        <source>the sub-district&apos;s own register</source>
        <translation>街道本级的登记</translation>
    </message>
    <message>
        <source>station {station}</source>
        <translation>站点 {station}</translation>
    </message>
    <message>
        <source>duplicate ID number {number} in {station}: set aside by the upgrade into the notes of residents {ids}; merge or correct them on the residents page</source>
        <translation>{station}有重复的身份证号 {number}：升级时已移到居民 {ids} 的备注里；请在“居民”页合并或改正</translation>
    </message>
    <message>
        <source>duplicate ID number {number} in {station}: registered for residents {ids}; merge or correct them on the residents page</source>
        <translation>{station}有重复的身份证号 {number}：登记在居民 {ids} 名下；请在“居民”页合并或改正</translation>
    </message>
    <message>
        <source>there is no database at {path} (nothing was created); give the right path with --db</source>
        <translation>{path} 处没有数据库（没有新建任何文件）；请用 --db 给出正确的路径</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file</source>
        <translation>{path} 是一个文件夹，不是数据库文件</translation>
    </message>
    <message>
        <source>{path} is empty or not a SmileDesk database ({why})</source>
        <translation>{path} 是空的，或者不是微笑驿站的数据库（{why}）</translation>
    </message>
    <message>
        <source>cannot read the database: {error}</source>
        <translation>无法读取数据库：{error}</translation>
    </message>
    <message>
        <source>integrity: {finding}</source>
        <translation>完整性：{finding}</translation>
    </message>
    <message>
        <source>schema: migrations are pending (run `smiledesk migrate`)</source>
        <translation>数据结构：还有未完成的升级（请运行 `smiledesk migrate`）</translation>
    </message>
    <message>
        <source>cannot check: {error}</source>
        <translation>无法检查：{error}</translation>
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
        <source>staff account to act as (audit log)</source>
        <translation>以哪个工作人员账号操作（记入审计日志）</translation>
    </message>
    <message>
        <source>make a verified backup copy of the database now</source>
        <translation>立即为数据库做一份经过校验的备份</translation>
    </message>
    <message>
        <source>folder for the backup (default: the station&apos;s backup folder)</source>
        <translation>备份存放的文件夹（默认：本站的备份文件夹）</translation>
    </message>
    <message>
        <source>list backups, newest first</source>
        <translation>列出备份，最新的在前</translation>
    </message>
    <message>
        <source>also look in this folder</source>
        <translation>同时查看这个文件夹</translation>
    </message>
    <message>
        <source>replace the database with a backup (the current one is kept as a backup)</source>
        <translation>用备份替换数据库（当前的数据库会另存为一份备份）</translation>
    </message>
    <message>
        <source>the backup file to restore</source>
        <translation>要恢复的备份文件</translation>
    </message>
    <message>
        <source>do not ask for confirmation</source>
        <translation>不再询问确认</translation>
    </message>
    <message>
        <source>encrypt the database file with a passphrase (SQLCipher); close SmileDesk first</source>
        <translation>用口令加密数据库文件（SQLCipher）；请先关闭微笑驿站</translation>
    </message>
    <message>
        <source>keep the passphrase on this computer so SmileDesk starts without asking (kiosks)</source>
        <translation>把口令保存在本机，微笑驿站启动时不再询问（用于自助机）</translation>
    </message>
    <message>
        <source>after an encrypted backup is made, delete the backups made before (they are not encrypted)</source>
        <translation>做好加密备份后，删除之前的备份（它们没有加密）</translation>
    </message>
    <message>
        <source>turn an encrypted database file back into a plain SQLite file</source>
        <translation>把加密的数据库文件恢复成普通的 SQLite 文件</translation>
    </message>
    <message>
        <source>a resident&apos;s data export or erasure request (PIPL)</source>
        <translation>居民的个人信息导出或删除申请（《个人信息保护法》）</translation>
    </message>
    <message>
        <source>write everything held about a resident as JSON and PDF</source>
        <translation>把保存的某位居民的全部信息写成 JSON 和 PDF</translation>
    </message>
    <message>
        <source>anonymise a resident everywhere (cannot be undone; back up first)</source>
        <translation>在所有地方匿名化一位居民（无法撤销；请先备份）</translation>
    </message>
    <message>
        <source>do not erase the walk-in records typed with the resident&apos;s name and phone but never linked</source>
        <translation>不删除那些填了该居民姓名和电话、但没有关联到居民的来访记录</translation>
    </message>
    <message>
        <source>the audit log&apos;s key on this computer: show it, export it, import it</source>
        <translation>本机上的审计日志密钥：查看、导出、导入</translation>
    </message>
    <message>
        <source>the database&apos;s identity and which of its audit keys this computer has</source>
        <translation>显示数据库的身份，以及本机有它的哪些审计密钥</translation>
    </message>
    <message>
        <source>write this computer&apos;s audit keys of the database to FILE (for another PC)</source>
        <translation>把本机保存的该数据库审计密钥写到 FILE（给另一台电脑用）</translation>
    </message>
    <message>
        <source>add the audit keys in FILE (from audit-key export) to this computer</source>
        <translation>把 FILE 里的审计密钥（由 audit-key export 导出）加到本机</translation>
    </message>
    <message>
        <source>write the audit chains&apos; heads and counts to FILE.manifest.json (a server&apos;s backups: run it before each pg_dump FILE)</source>
        <translation>把审计链的末条和条数写到 FILE.manifest.json（服务器备份：每次运行 pg_dump FILE 之前先运行它）</translation>
    </message>
    <message>
        <source>the backup the manifest belongs to (it need not exist yet)</source>
        <translation>清单所属的备份文件（可以还不存在）</translation>
    </message>
    <message>
        <source>say in the audit log that no computer has KEY any more (the only PC that held it broke)</source>
        <translation>在审计日志里声明已没有任何电脑有 KEY（唯一保存它的电脑坏了）</translation>
    </message>
    <message>
        <source>why it is lost, e.g. 旧电脑硬盘损坏</source>
        <translation>丢失原因，例如：旧电脑硬盘损坏</translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseDialog</name>
    <message>
        <source>The database cannot be used</source>
        <translation>数据库无法使用</translation>
    </message>
    <message>
        <source>The database is empty</source>
        <translation>数据库是空的</translation>
    </message>
    <message>
        <source>Restore the newest backup</source>
        <translation>恢复最近的备份</translation>
    </message>
    <message>
        <source>Choose a backup file…</source>
        <translation>选择备份文件…</translation>
    </message>
    <message>
        <source>Set up a new station</source>
        <translation>设置新的驿站</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>The database file {path} is damaged, so SmileDesk cannot open it safely.</source>
        <translation>数据库文件 {path} 已损坏，微笑驿站无法安全地打开它。</translation>
    </message>
    <message>
        <source>The database file {path} is empty: it holds no SmileDesk data (it may have been cut short while it was being created or copied).</source>
        <translation>数据库文件 {path} 是空的，里面没有微笑驿站的数据（可能在创建或复制时被中断了）。</translation>
    </message>
    <message>
        <source>The database file {path} cannot be opened: check that the drive is there and the file may be read and written.</source>
        <translation>数据库文件 {path} 打不开：请检查所在的磁盘是否还在，文件能否读写。</translation>
    </message>
    <message>
        <source>Details: {detail}</source>
        <translation>详细情况：{detail}</translation>
    </message>
    <message>
        <source>The newest good backup is from {when} ({file}). Restoring it loses what was entered after that time; the damaged file is kept.</source>
        <translation>最近一份完好的备份是 {when} 做的（{file}）。恢复后，这个时间之后录入的内容会丢失；损坏的文件会另外保留。</translation>
    </message>
    <message>
        <source>No good backup was found. Choose a backup file (e.g. on a USB drive), or quit and ask for help.</source>
        <translation>没有找到完好的备份。请选择一个备份文件（比如 U 盘上的），或者先退出，请技术人员帮忙。</translation>
    </message>
    <message>
        <source>If this computer is meant to start a new station, choose Set up a new station.</source>
        <translation>如果这台电脑是要开设一个新的驿站，请选择“设置新的驿站”。</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <source>SmileDesk backups (*.sqlite3)</source>
        <translation>微笑驿站备份 (*.sqlite3)</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <source>The backup was restored. SmileDesk will now close; start it again.</source>
        <translation>已恢复备份。微笑驿站现在将关闭，请重新打开。</translation>
    </message>
</context>
<context>
    <name>EncryptionDialog</name>
    <message>
        <source>Encrypt the database</source>
        <translation>加密数据库</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>加密口令</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>再输入一遍</translation>
    </message>
    <message>
        <source>Remember on this computer (for a kiosk that starts unattended)</source>
        <translation>在这台电脑上记住口令（无人值守的自助机开机即可使用）</translation>
    </message>
    <message>
        <source>Encrypt</source>
        <translation>加密</translation>
    </message>
    <message>
        <source>This database is on a server; encrypt it there (the server&apos;s disk or its own settings).</source>
        <translation>数据库在服务器上，请在服务器上加密（服务器磁盘加密或数据库自身的设置）。</translation>
    </message>
    <message>
        <source>Delete the {n} backups made before: they are not encrypted (an encrypted backup is made first)</source>
        <translation>删除以前做的 {n} 份备份：它们没有加密（会先做一份加密的备份）</translation>
    </message>
    <message>
        <source>Decrypt the database</source>
        <translation>解除数据库加密</translation>
    </message>
    <message>
        <source>The database is encrypted. Decrypting turns it back into a plain file that anyone who gets the computer or a copy can read. Type the passphrase to confirm. SmileDesk closes afterwards.</source>
        <translation>数据库已加密。解除加密后，它会变回普通文件，拿到这台电脑或数据库副本的人都能读取。请输入加密口令确认。完成后微笑驿站会关闭。</translation>
    </message>
    <message>
        <source>Decrypt</source>
        <translation>解除加密</translation>
    </message>
    <message>
        <source>Encrypting protects residents&apos; data when the computer, its disk or a backup is lost or stolen: without the passphrase the file cannot be read. Nobody can recover a forgotten passphrase, so write it down and keep it somewhere safe. Close SmileDesk on other computers first; SmileDesk closes afterwards and asks for the passphrase when it starts (unless it is remembered here). Backups made from now on are encrypted too; older backups stay as they are.</source>
        <translation>加密后，即使电脑、硬盘或备份丢失被盗，没有口令也读不出居民的信息。口令忘了谁也找不回来，请写下来放在安全的地方。请先关闭其他电脑上的微笑驿站；加密完成后本程序会关闭，再次启动时要输入口令（在本机记住口令的除外）。今后的备份也会加密；以前的备份保持原样。</translation>
    </message>
    <message>
        <source>Encrypting the database…</source>
        <translation>正在加密数据库…</translation>
    </message>
    <message>
        <source>Decrypting the database…</source>
        <translation>正在解除数据库加密…</translation>
    </message>
    <message>
        <source>The database is encrypted ({tables} tables, {rows} rows checked).</source>
        <translation>数据库已加密（已核对 {tables} 张表、{rows} 行）。</translation>
    </message>
    <message>
        <source>{n} backups that were not encrypted were deleted; an encrypted backup took their place.</source>
        <translation>已删除 {n} 份没有加密的备份，并用一份加密的备份代替。</translation>
    </message>
    <message>
        <source>{n} backups made before are not encrypted, e.g. {file}. Delete them, or keep them somewhere as safe as the passphrase.</source>
        <translation>以前做的 {n} 份备份没有加密，例如 {file}。请删除它们，或者像保管口令一样把它们放在安全的地方。</translation>
    </message>
    <message>
        <source>The database is no longer encrypted ({tables} tables, {rows} rows checked).</source>
        <translation>数据库已解除加密（已核对 {tables} 张表、{rows} 行）。</translation>
    </message>
    <message>
        <source>SmileDesk closes now; start it again.</source>
        <translation>微笑驿站现在关闭，请重新启动。</translation>
    </message>
</context>
<context>
    <name>ErasureDialog</name>
    <message>
        <source>Erase a resident&apos;s personal data</source>
        <translation>删除居民个人信息</translation>
    </message>
    <message>
        <source>Erase the personal data of {name}?</source>
        <translation>删除{name}的个人信息？</translation>
    </message>
    <message>
        <source>Name, ID number, phone, address, emergency contacts and notes are removed from every feature; the figures, volunteer hours, stamps and meal accounts keep their rows without the person, and the passport stops working. This cannot be undone. Backups made before keep the data until they are replaced: make a backup first if you may need to restore one.</source>
        <translation>各功能中的姓名、身份证号、电话、住址、紧急联系人和备注都将清除；统计数字、志愿工时、积分和餐费账户保留记录但不再关联到本人，微笑护照随之作废。此操作不可撤销。此前做的备份仍含这些信息，直到被新的备份替换；如将来可能需要恢复备份，请先备份。</translation>
    </message>
    <message>
        <source>Looking for walk-in visits typed with the same name and phone…</source>
        <translation>正在查找以相同姓名和电话登记的来访记录…</translation>
    </message>
    <message>
        <source>Walk-in visits to erase too</source>
        <translation>一并删除的来访记录</translation>
    </message>
    <message>
        <source>e.g. the resident asked in person on the day</source>
        <translation>例如：本人当天到站申请</translation>
    </message>
    <message>
        <source>I understand that this cannot be undone</source>
        <translation>我已知晓此操作不可撤销</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>These walk-in visits were typed with the same name and phone but never linked to the resident. Ticked ones are erased too; untick a visit that was someone else&apos;s.</source>
        <translation>以下来访记录登记的姓名和电话与该居民相同，但未关联到其档案。勾选的将一并删除；如某条是别人的事，请取消勾选。</translation>
    </message>
    <message>
        <source>No walk-in visit was typed with the same name and phone.</source>
        <translation>没有以相同姓名和电话登记的来访记录。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The backup folder {folder} is full; no backup was made. Free some space or choose another folder.</source>
        <translation>备份文件夹 {folder} 所在的磁盘已满，这次没有备份。请清理空间或换一个文件夹。</translation>
    </message>
    <message>
        <source>The backup folder {folder} cannot be written to; no backup was made. Check that the drive is plugged in and not write-protected.</source>
        <translation>备份文件夹 {folder} 无法写入，这次没有备份。请检查 U 盘是否插好、是否开了写保护。</translation>
    </message>
    <message>
        <source>The backup could not be written to {folder}: {detail}</source>
        <translation>备份没能写入 {folder}：{detail}</translation>
    </message>
    <message>
        <source>There is no database file at {path} to back up.</source>
        <translation>{path} 没有数据库文件，无法备份。</translation>
    </message>
    <message>
        <source>The copy failed its check ({detail}); the database itself may be damaged.</source>
        <translation>备份副本没有通过检查（{detail}），数据库本身可能已损坏。</translation>
    </message>
    <message>
        <source>{path} does not exist or is not a file.</source>
        <translation>{path} 不存在，或者不是文件。</translation>
    </message>
    <message>
        <source>{path} is not a SmileDesk backup (it is not a database file, or it is encrypted and no passphrase for it was given).</source>
        <translation>{path} 不是微笑驿站的备份（不是数据库文件，或者是加密的备份但没有提供口令）。</translation>
    </message>
    <message>
        <source>{path} is not a SmileDesk backup of this database: it is not a database file, or it is encrypted with another passphrase.</source>
        <translation>{path} 不是本数据库的备份：它不是数据库文件，或者是用别的口令加密的。</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be restored ({detail}).</source>
        <translation>{path} 已损坏，不能用来恢复（{detail}）。</translation>
    </message>
    <message>
        <source>{path} is not a SmileDesk database (no {table} table).</source>
        <translation>{path} 不是微笑驿站的数据库（缺少 {table} 表）。</translation>
    </message>
    <message>
        <source>{path} was made by a newer SmileDesk (schema {revision}); update SmileDesk before restoring it.</source>
        <translation>{path} 是更新版本的微笑驿站做的（数据结构 {revision}），请先升级微笑驿站再恢复。</translation>
    </message>
    <message>
        <source>There is no active account {name}.</source>
        <translation>没有名为 {name} 的可用账号。</translation>
    </message>
    <message>
        <source>Only a SQLite database file can be encrypted; a database server protects its data itself.</source>
        <translation>只有 SQLite 数据库文件可以在这里加密；数据库服务器由服务器自己保护数据。</translation>
    </message>
    <message>
        <source>The database file {path} is damaged ({detail}).</source>
        <translation>数据库文件 {path} 已损坏（{detail}）。</translation>
    </message>
    <message>
        <source>The database file {path} cannot be opened ({detail}).</source>
        <translation>数据库文件 {path} 打不开（{detail}）。</translation>
    </message>
    <message>
        <source>The database file {path} holds no SmileDesk data ({detail}).</source>
        <translation>数据库文件 {path} 里没有微笑驿站的数据（{detail}）。</translation>
    </message>
    <message>
        <source>{name} is not a personal field that can be revealed.</source>
        <translation>{name} 不是可以查看完整内容的个人信息字段。</translation>
    </message>
    <message>
        <source>give the full path of the folder, e.g. E:\SmileDesk-backups.</source>
        <translation>请填写文件夹的完整路径，例如 E:\SmileDesk-backups。</translation>
    </message>
    <message>
        <source>{folder} cannot be written to; plug in the drive or choose another folder.</source>
        <translation>{folder} 无法写入，请插好 U 盘或换一个文件夹。</translation>
    </message>
    <message>
        <source>This database is on a server; back it up on the server (pg_dump), not from a station.</source>
        <translation>数据库在服务器上，请在服务器上备份（pg_dump），不要从驿站备份。</translation>
    </message>
    <message>
        <source>That resident no longer exists.</source>
        <translation>该居民档案已不存在。</translation>
    </message>
    <message>
        <source>This resident&apos;s personal data was erased; there is nothing left to export.</source>
        <translation>该居民的个人信息已删除，没有可导出的内容。</translation>
    </message>
    <message>
        <source>Could not write {path} ({detail}). Choose another folder, or check that the disk is not full.</source>
        <translation>无法写入 {path}（{detail}）。请换一个文件夹，或检查磁盘是否已满。</translation>
    </message>
    <message>
        <source>This resident&apos;s personal data was already erased.</source>
        <translation>该居民的个人信息之前已经删除过了。</translation>
    </message>
    <message>
        <source>say why the key is lost (e.g. 旧电脑硬盘损坏).</source>
        <translation>请写明密钥丢失的原因（例如：旧电脑硬盘损坏）。</translation>
    </message>
    <message>
        <source>keep it under 200 characters.</source>
        <translation>请不要超过 200 个字。</translation>
    </message>
    <message>
        <source>no audit entry was written with this key; smiledesk audit-key show lists the database&apos;s keys.</source>
        <translation>没有任何审计记录是用这把密钥写的；smiledesk audit-key show 列出本数据库用过的密钥。</translation>
    </message>
    <message>
        <source>This computer has that audit key: it is not lost. Export it (smiledesk audit-key export FILE) and import it where it is missing.</source>
        <translation>本机有这把审计密钥，它没有丢失。请导出（smiledesk audit-key export 文件）并在缺少它的电脑上导入。</translation>
    </message>
    <message>
        <source>This computer has no audit key of this database yet (it is made with the first change saved here); there is nothing to export.</source>
        <translation>本机还没有这个数据库的审计密钥（在本机第一次保存修改时生成），没有可导出的内容。</translation>
    </message>
    <message>
        <source>The key file could not be written to {file} ({detail}); choose another place.</source>
        <translation>无法把密钥文件写到 {file}（{detail}）；请换一个位置。</translation>
    </message>
    <message>
        <source>Only a sub-district administrator (an administrator without a station) can do this.</source>
        <translation>只有街道管理员（不属于某个驿站的管理员）才能做这项操作。</translation>
    </message>
    <message>
        <source>No station has the id or code {ref}; the command smiledesk station list shows each station&apos;s id and code.</source>
        <translation>没有编号或代码为 {ref} 的驿站；命令 smiledesk station list 可以查看每个驿站的编号和代码。</translation>
    </message>
    <message>
        <source>enter the station&apos;s name (1–100 characters).</source>
        <translation>请填写驿站名称（1–100 个字）。</translation>
    </message>
    <message>
        <source>use 1–10 letters or digits, e.g. SQK.</source>
        <translation>请用 1–10 个字母或数字，例如 SQK。</translation>
    </message>
    <message>
        <source>The station code {code} is taken; choose another.</source>
        <translation>驿站代码 {code} 已被使用，请换一个。</translation>
    </message>
    <message>
        <source>That account no longer exists.</source>
        <translation>该账号已不存在。</translation>
    </message>
    <message>
        <source>Only administrators can see all stations; choose a station for this account.</source>
        <translation>只有管理员才能查看所有驿站，请给这个账号选一个驿站。</translation>
    </message>
    <message>
        <source>There is no station {id}.</source>
        <translation>没有编号为 {id} 的驿站。</translation>
    </message>
    <message>
        <source>use at least {n} characters; a short phrase of several words is easiest to remember.</source>
        <translation>至少 {n} 个字符；用几个词组成的一句短语最好记。</translation>
    </message>
    <message>
        <source>it contains a character that cannot be used; type it again.</source>
        <translation>含有不能使用的字符，请重新输入。</translation>
    </message>
    <message>
        <source>the two entries are not the same; type it twice again.</source>
        <translation>两次输入的不一样，请重新输入两遍。</translation>
    </message>
    <message>
        <source>The database is open in another SmileDesk window or on another computer; close it there first, then try again. Nothing was changed.</source>
        <translation>数据库正在另一个微笑驿站窗口或另一台电脑上打开；请先在那里关闭，再重试。没有做任何改动。</translation>
    </message>
    <message>
        <source>The converted copy failed its check ({detail}); nothing was changed.</source>
        <translation>转换后的副本没有通过检查（{detail}），没有做任何改动。</translation>
    </message>
    <message>
        <source>The converted copy differs from the database (table {table}); nothing was changed.</source>
        <translation>转换后的副本与数据库不一致（表 {table}），没有做任何改动。</translation>
    </message>
    <message>
        <source>There is no database file at {path}.</source>
        <translation>{path} 处没有数据库文件。</translation>
    </message>
    <message>
        <source>The database is already encrypted.</source>
        <translation>数据库已经加密了。</translation>
    </message>
    <message>
        <source>The database is not encrypted.</source>
        <translation>数据库没有加密。</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>Audit key</source>
        <translation>审计密钥</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
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
        <source>Passphrase</source>
        <translation>加密口令</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Unlock the database</source>
        <translation>解锁数据库</translation>
    </message>
    <message>
        <source>The database {file} is encrypted. Enter its passphrase to open it.</source>
        <translation>数据库 {file} 已加密，请输入加密口令打开。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>加密口令</translation>
    </message>
    <message>
        <source>Remember on this computer (for a kiosk that starts unattended)</source>
        <translation>在这台电脑上记住口令（无人值守的自助机开机即可使用）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>It is not encrypted: restore a backup…</source>
        <translation>没有加密过：从备份恢复…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>The passphrase could not be remembered on this computer: {error}</source>
        <translation>无法在这台电脑上记住口令：{error}</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>export a resident&apos;s personal data</source>
        <translation>导出居民个人信息</translation>
    </message>
    <message>
        <source>erase a resident&apos;s personal data</source>
        <translation>删除居民个人信息</translation>
    </message>
    <message>
        <source>see full personal fields</source>
        <translation>查看完整的个人信息字段</translation>
    </message>
    <message>
        <source>back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>back up the database into another folder</source>
        <translation>把数据库备份到其他文件夹</translation>
    </message>
    <message>
        <source>restore the database from a backup</source>
        <translation>用备份恢复数据库</translation>
    </message>
    <message>
        <source>encrypt or decrypt the database</source>
        <translation>加密或解除加密数据库</translation>
    </message>
    <message>
        <source>manage the sub-district&apos;s stations</source>
        <translation>管理街道下的各个驿站</translation>
    </message>
    <message>
        <source>see stations</source>
        <translation>查看驿站</translation>
    </message>
</context>
<context>
    <name>PersonalData</name>
    <message>
        <source>Resident record</source>
        <translation>居民档案</translation>
    </message>
    <message>
        <source>Service records</source>
        <translation>来访与服务记录</translation>
    </message>
    <message>
        <source>Volunteering</source>
        <translation>志愿服务</translation>
    </message>
    <message>
        <source>Meal assistance</source>
        <translation>助餐</translation>
    </message>
    <message>
        <source>Smile passport</source>
        <translation>微笑护照</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
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
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
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
        <source>Consent date</source>
        <translation>同意日期</translation>
    </message>
    <message>
        <source>Lives alone</source>
        <translation>独居</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>残疾</translation>
    </message>
    <message>
        <source>Extreme hardship</source>
        <translation>特困</translation>
    </message>
    <message>
        <source>Minimum living allowance</source>
        <translation>低保</translation>
    </message>
    <message>
        <source>Party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Veteran</source>
        <translation>退役军人</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>驿站</translation>
    </message>
    <message>
        <source>Anonymised</source>
        <translation>已匿名</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>History</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>Meal account</source>
        <translation>餐费账户</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Amount (fen)</source>
        <translation>金额（分）</translation>
    </message>
    <message>
        <source>As leader</source>
        <translation>担任队长</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>排班</translation>
    </message>
    <message>
        <source>Patrols</source>
        <translation>排班</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>可服务时间</translation>
    </message>
    <message>
        <source>Avoids</source>
        <translation>忌口</translation>
    </message>
    <message>
        <source>Balance (fen)</source>
        <translation>余额（分）</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>来访方式</translation>
    </message>
    <message>
        <source>Welfare check</source>
        <translation>探访</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>签到时间</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>签到记录</translation>
    </message>
    <message>
        <source>Checked out</source>
        <translation>签退时间</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>办结时间</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>办结人</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>Corrects</source>
        <translation>更正的记录</translation>
    </message>
    <message>
        <source>Credit limit (fen)</source>
        <translation>透支额度（分）</translation>
    </message>
    <message>
        <source>Minutes credited</source>
        <translation>记入时长（分钟）</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Delivery address</source>
        <translation>送餐地址</translation>
    </message>
    <message>
        <source>Delivery fee (fen)</source>
        <translation>送餐费（分）</translation>
    </message>
    <message>
        <source>Delivery notes</source>
        <translation>送餐备注</translation>
    </message>
    <message>
        <source>Service desk</source>
        <translation>来访登记</translation>
    </message>
    <message>
        <source>Desk record</source>
        <translation>来访记录</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>获得</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>办理经过</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Halal</source>
        <translation>清真</translation>
    </message>
    <message>
        <source>Honours</source>
        <translation>荣誉</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Total minutes</source>
        <translation>总时长（分钟）</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>出具时间</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>出具人</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Last asked</source>
        <translation>上次询问时间</translation>
    </message>
    <message>
        <source>Minutes late</source>
        <translation>迟到（分钟）</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Low salt</source>
        <translation>低盐</translation>
    </message>
    <message>
        <source>Low sugar</source>
        <translation>低糖</translation>
    </message>
    <message>
        <source>At most per month</source>
        <translation>每月最多</translation>
    </message>
    <message>
        <source>At most per week</source>
        <translation>每周最多</translation>
    </message>
    <message>
        <source>Meal</source>
        <translation>餐次</translation>
    </message>
    <message>
        <source>Meals</source>
        <translation>助餐</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Month totals</source>
        <translation>每月合计</translation>
    </message>
    <message>
        <source>Multiplier</source>
        <translation>系数</translation>
    </message>
    <message>
        <source>Never alone</source>
        <translation>不单独排班</translation>
    </message>
    <message>
        <source>No evenings</source>
        <translation>不排晚班</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Not on the smile wall</source>
        <translation>不上笑脸墙</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订餐</translation>
    </message>
    <message>
        <source>Meal orders</source>
        <translation>订餐记录</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Outcome recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Outcome recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>Smile passports</source>
        <translation>微笑护照</translation>
    </message>
    <message>
        <source>Patrol findings</source>
        <translation>巡逻发现</translation>
    </message>
    <message>
        <source>Pauses</source>
        <translation>暂停记录</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Service until</source>
        <translation>服务截止</translation>
    </message>
    <message>
        <source>Preference</source>
        <translation>意愿</translation>
    </message>
    <message>
        <source>Price (fen)</source>
        <translation>餐价（分）</translation>
    </message>
    <message>
        <source>Times printed</source>
        <translation>打印次数</translation>
    </message>
    <message>
        <source>Prints</source>
        <translation>打印记录</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>联系上的时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>收据号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Meal recipient</source>
        <translation>助餐对象</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>获得者</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Redemption</source>
        <translation>兑换</translation>
    </message>
    <message>
        <source>Redemptions</source>
        <translation>兑换记录</translation>
    </message>
    <message>
        <source>Replaces</source>
        <translation>替换的护照</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>申请记录</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>居民档案</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reverses</source>
        <translation>冲正的记录</translation>
    </message>
    <message>
        <source>Why revoked</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>作废时间</translation>
    </message>
    <message>
        <source>Revoked by</source>
        <translation>作废人</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>奖品</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>路线</translation>
    </message>
    <message>
        <source>Order on the route</source>
        <translation>路线顺序</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>用餐安排</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Served on</source>
        <translation>服务日期</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务方式</translation>
    </message>
    <message>
        <source>Volunteer service records</source>
        <translation>志愿服务记录</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Sign-ups</source>
        <translation>报名记录</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Smile wall</source>
        <translation>笑脸墙</translation>
    </message>
    <message>
        <source>Soft food</source>
        <translation>软食</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Stamps to spend</source>
        <translation>可用印章</translation>
    </message>
    <message>
        <source>Stamps</source>
        <translation>印章</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Subsidy (fen)</source>
        <translation>补贴（分）</translation>
    </message>
    <message>
        <source>Subsidy tier</source>
        <translation>补贴档次</translation>
    </message>
    <message>
        <source>What was asked</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>联系对象</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>门槛</translation>
    </message>
    <message>
        <source>Vegetarian</source>
        <translation>素食</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Why voided</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>作废时间</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Delivered by</source>
        <translation>送餐志愿者</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>来访人</translation>
    </message>
    <message>
        <source>Visitor&apos;s phone</source>
        <translation>来访人电话</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Welfare calls</source>
        <translation>探访联系记录</translation>
    </message>
    <message>
        <source>Welfare checks</source>
        <translation>探访记录</translation>
    </message>
    <message>
        <source>With seal</source>
        <translation>加盖公章</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>settled on the spot</source>
        <translation>当场办结</translation>
    </message>
    <message>
        <source>handling started</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <source>followed up</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>重新办理</translation>
    </message>
    <message>
        <source>linked to the resident</source>
        <translation>已关联居民</translation>
    </message>
    <message>
        <source>walk-in</source>
        <translation>现场来访</translation>
    </message>
    <message>
        <source>stamps for an activity</source>
        <translation>参加活动得章</translation>
    </message>
    <message>
        <source>stamps for a patrol</source>
        <translation>巡逻得章</translation>
    </message>
    <message>
        <source>correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>reward redeemed</source>
        <translation>兑换奖品</translation>
    </message>
    <message>
        <source>honour certificate</source>
        <translation>荣誉证书</translation>
    </message>
    <message>
        <source>volunteer service record</source>
        <translation>志愿服务记录证明</translation>
    </message>
    <message>
        <source>thank-you letter</source>
        <translation>感谢信</translation>
    </message>
    <message>
        <source>redemption refunded</source>
        <translation>退回兑换</translation>
    </message>
    <message>
        <source>demo data</source>
        <translation>演示数据</translation>
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
        <source>Copy of your personal data</source>
        <translation>个人信息副本</translation>
    </message>
    <message>
        <source>Resident No. {id}</source>
        <translation>居民编号 {id}</translation>
    </message>
    <message>
        <source>Exported {at}</source>
        <translation>导出时间 {at}</translation>
    </message>
    <message>
        <source>Exported by {user}</source>
        <translation>导出人 {user}</translation>
    </message>
    <message>
        <source>Under article 45 of the Personal Information Protection Law, this paper lists all the personal data this station holds about you.</source>
        <translation>依据《个人信息保护法》第四十五条，本文件列出本站保存的您的全部个人信息。</translation>
    </message>
    <message>
        <source>(nothing recorded)</source>
        <translation>（无记录）</translation>
    </message>
    <message>
        <source>Personal data of resident {id}</source>
        <translation>居民{id}的个人信息</translation>
    </message>
</context>
<context>
    <name>PersonalDataDialog</name>
    <message>
        <source>A resident&apos;s personal data</source>
        <translation>居民个人信息</translation>
    </message>
    <message>
        <source>Find the resident who asked for a copy of their personal data.</source>
        <translation>查找申请个人信息副本的居民。</translation>
    </message>
    <message>
        <source>Print or save as PDF…</source>
        <translation>打印或另存为 PDF…</translation>
    </message>
    <message>
        <source>Save as JSON…</source>
        <translation>另存为 JSON…</translation>
    </message>
    <message>
        <source>Erase…</source>
        <translation>删除个人信息…</translation>
    </message>
    <message>
        <source>The resident asked for their personal data to be erased (PIPL art. 47)</source>
        <translation>居民申请删除其个人信息（《个人信息保护法》第四十七条）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Everything SmileDesk holds about one resident, for the resident (PIPL art. 45). Making the copy is recorded in the audit log.</source>
        <translation>本站保存的该居民的全部个人信息，交给居民本人（《个人信息保护法》第四十五条）。生成副本会记入操作日志。</translation>
    </message>
    <message>
        <source>Chosen: {name}</source>
        <translation>已选：{name}</translation>
    </message>
    <message>
        <source>The personal data of {name} was erased. Find another resident, or close.</source>
        <translation>{name}的个人信息已删除。可查找其他居民，或关闭窗口。</translation>
    </message>
    <message>
        <source>The personal data of {name} was erased everywhere; the audit log records that it was, without any of it.</source>
        <translation>{name}的个人信息已在各功能中删除；操作日志记录了这次删除，但不含任何个人信息。</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>个人信息副本</translation>
    </message>
    <message>
        <source>Save as JSON</source>
        <translation>另存为 JSON</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Saving the personal data</source>
        <translation>正在保存个人信息</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Choose a backup. It is checked before anything is replaced, and the current database is kept as a backup, so a restore can itself be undone. Everything entered after the backup was made is not in it.</source>
        <translation>请选择一份备份。替换之前会先检查它；现在的数据库也会另存为一份备份，所以恢复之后还能撤回。备份之后录入的内容不在备份里。</translation>
    </message>
    <message>
        <source>Backup file…</source>
        <translation>备份文件…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <source>SmileDesk backups (*.sqlite3)</source>
        <translation>微笑驿站备份 (*.sqlite3)</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <source>Replace the database with the backup {file}? The current database is kept as a backup.</source>
        <translation>用备份 {file} 替换现在的数据库吗？现在的数据库会另存为一份备份。</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <source>The backup was restored. Pages show the restored data after you open them again; restarting SmileDesk is the surest way.</source>
        <translation>备份已恢复。重新打开页面就能看到恢复后的数据；最稳妥的做法是重启微笑驿站。</translation>
    </message>
</context>
<context>
    <name>SafetyBackups</name>
    <message>
        <source>on closing</source>
        <translation>关闭时</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>damaged copy</source>
        <translation>损坏的副本</translation>
    </message>
    <message>
        <source>The automatic backup ({kind}) failed on {when}: {detail}</source>
        <translation>自动备份（{kind}）于 {when} 失败：{detail}</translation>
    </message>
    <message>
        <source>Failures in a row: {n}.</source>
        <translation>已连续失败 {n} 次。</translation>
    </message>
    <message>
        <source>Until a backup succeeds, the newest copy of the data is older than you think. Check the backup folder (a USB drive plugged in? space left?) in Settings, then make a backup on the Administration page (Data safety).</source>
        <translation>在备份成功之前，最新的数据副本比您以为的要旧。请在“设置”中检查备份文件夹（U 盘插好了吗？空间还够吗？），然后在“系统管理”页的“数据安全”中立即备份一次。</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
</context>
<context>
    <name>SafetyCli</name>
    <message>
        <source>this database has no keyed audit entries yet: its key is made with the first change</source>
        <translation>这个数据库还没有带密钥的操作日志：第一次修改时才会生成密钥</translation>
    </message>
    <message>
        <source>database {id}; keys are kept in {folder}</source>
        <translation>数据库 {id}；密钥保存在 {folder}</translation>
    </message>
    <message>
        <source>key {id}</source>
        <translation>密钥 {id}</translation>
    </message>
    <message>
        <source>entries: {n}</source>
        <translation>日志 {n} 条</translation>
    </message>
    <message>
        <source>on this computer</source>
        <translation>在本机</translation>
    </message>
    <message>
        <source>declared lost (smiledesk audit-key lost)</source>
        <translation>已声明丢失（smiledesk audit-key lost）</translation>
    </message>
    <message>
        <source>NOT on this computer</source>
        <translation>不在本机</translation>
    </message>
    <message>
        <source>no entries yet</source>
        <translation>还没有日志</translation>
    </message>
    <message>
        <source>this computer has no audit key of this database to export</source>
        <translation>本机没有这个数据库的日志密钥可以导出</translation>
    </message>
    <message>
        <source>audit keys of database {id} written to {file}: {n}; import them on the other PC with smiledesk audit-key import, then delete the file</source>
        <translation>数据库 {id} 的日志密钥已写入 {file}：共 {n} 个；请在另一台电脑上用 smiledesk audit-key import 导入，然后删除该文件</translation>
    </message>
    <message>
        <source>new audit keys of database {id} kept on this computer: {n}</source>
        <translation>本机新保存数据库 {id} 的日志密钥：{n} 个</translation>
    </message>
    <message>
        <source>audit key {id} declared lost: smiledesk check no longer reports its entries ({n}) (their order and count are still checked; a PC that has the key still checks their content)</source>
        <translation>日志密钥 {id} 已声明丢失：smiledesk check 不再报告它的日志（{n} 条）（仍会核对其顺序和条数；有该密钥的电脑仍会核对内容）</translation>
    </message>
    <message>
        <source>there is no folder {folder}; create it first</source>
        <translation>文件夹 {folder} 不存在，请先创建</translation>
    </message>
    <message>
        <source>this database has no keyed audit entries yet: nothing to anchor</source>
        <translation>这个数据库还没有带密钥的操作日志：无需存证</translation>
    </message>
    <message>
        <source>this computer has no audit key of database {id}, so the manifest could not be sealed; import it first: smiledesk audit-key export FILE on a PC that has it, smiledesk audit-key import FILE here</source>
        <translation>本机没有数据库 {id} 的日志密钥，无法封存清单；请先导入：在有密钥的电脑上运行 smiledesk audit-key export 文件，在本机运行 smiledesk audit-key import 文件</translation>
    </message>
    <message>
        <source>{file}: chains {chains}, entries {n}; smiledesk check --anchors {folder} compares the database with it</source>
        <translation>{file}：日志链 {chains} 条，日志 {n} 条；smiledesk check --anchors {folder} 会用它核对数据库</translation>
    </message>
    <message>
        <source>y</source>
        <translation>是</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Replace the database with {file}? The current one is kept as a backup. [y/N] </source>
        <translation>用 {file} 替换现在的数据库吗？现在的数据库会另存为备份。[y/N] </translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>没有做任何改动</translation>
    </message>
    <message>
        <source>restored {file}; the replaced database is kept as {kept}</source>
        <translation>已恢复 {file}；被替换的数据库另存为 {kept}</translation>
    </message>
    <message>
        <source>restored {file}</source>
        <translation>已恢复 {file}</translation>
    </message>
    <message>
        <source>Type it again: </source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <source>New passphrase (at least 8 characters): </source>
        <translation>新的加密口令（至少 8 个字符）：</translation>
    </message>
    <message>
        <source>encrypted {path}: tables {tables}, rows {rows}</source>
        <translation>已加密 {path}：{tables} 张表，{rows} 行</translation>
    </message>
    <message>
        <source>; the passphrase is remembered on this computer</source>
        <translation>；这台电脑会记住口令</translation>
    </message>
    <message>
        <source>backups that were not encrypted, deleted (an encrypted backup replaces them): {n}</source>
        <translation>已删除未加密的备份（由一份加密备份代替）：{n} 份</translation>
    </message>
    <message>
        <source>backups made before that are NOT encrypted (delete them or keep them somewhere safe): {n}</source>
        <translation>之前的备份未加密（请删除，或存放在安全的地方）：{n} 份</translation>
    </message>
    <message>
        <source>Passphrase: </source>
        <translation>加密口令：</translation>
    </message>
    <message>
        <source>decrypted {path}: tables {tables}, rows {rows}</source>
        <translation>已解除加密 {path}：{tables} 张表，{rows} 行</translation>
    </message>
    <message>
        <source>walk-in records typed with the resident&apos;s name and phone but never linked: {n}</source>
        <translation>用该居民姓名和电话登记、但未关联到档案的来访记录：{n} 条</translation>
    </message>
    <message>
        <source>No. {id}</source>
        <translation>第 {id} 号</translation>
    </message>
    <message>
        <source>Erase these too? [Y/n] </source>
        <translation>这些也一并清除吗？[Y/n] </translation>
    </message>
    <message>
        <source>Anonymise resident {id} everywhere? This cannot be undone. [y/N] </source>
        <translation>要在所有地方匿名化居民 {id} 吗？此操作无法撤销。[y/N] </translation>
    </message>
    <message>
        <source>; matching walk-in records kept: {n}</source>
        <translation>；保留匹配的来访记录 {n} 条</translation>
    </message>
    <message>
        <source>; matching walk-in records erased: {n}</source>
        <translation>；清除匹配的来访记录 {n} 条</translation>
    </message>
    <message>
        <source>resident {id} anonymised in: {where}</source>
        <translation>居民 {id} 已在以下各处匿名化：{where}</translation>
    </message>
</context>
<context>
    <name>SafetyEncryption</name>
    <message>
        <source>Copying the database…</source>
        <translation>正在复制数据库…</translation>
    </message>
    <message>
        <source>Checking the copy…</source>
        <translation>正在检查副本…</translation>
    </message>
    <message>
        <source>Putting the copy in place…</source>
        <translation>正在用副本替换数据库…</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivitiesTab</name>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Stamps</source>
        <translation>印章</translation>
    </message>
    <message>
        <source>Limit per person</source>
        <translation>每人次数上限</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>组织方</translation>
    </message>
    <message>
        <source>New activity…</source>
        <translation>新建活动…</translation>
    </message>
    <message>
        <source>End activity</source>
        <translation>结束活动</translation>
    </message>
    <message>
        <source>Sign up</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Signed up</source>
        <translation>已报名</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>已参加</translation>
    </message>
    <message>
        <source>Sign-up and attendance</source>
        <translation>报名与签到</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Choose an activity and a resident first.</source>
        <translation>请先选择活动和居民。</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>New activity</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>一次性</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>每周</translation>
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
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Activity name</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Last date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Weekdays</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Stamps per visit</source>
        <translation>每次印章数</translation>
    </message>
    <message>
        <source>Visits per person</source>
        <translation>每人可盖章次数</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>组织方</translation>
    </message>
</context>
<context>
    <name>DeskTab</name>
    <message>
        <source>Scan or type a passport number</source>
        <translation>扫描或输入护照号</translation>
    </message>
    <message>
        <source>Choose a resident, or scan their passport.</source>
        <translation>请选择居民，或扫描其护照。</translation>
    </message>
    <message>
        <source>Leave off the smile wall</source>
        <translation>不上笑脸墙</translation>
    </message>
    <message>
        <source>Issue passport</source>
        <translation>发放护照</translation>
    </message>
    <message>
        <source>Report lost</source>
        <translation>挂失</translation>
    </message>
    <message>
        <source>Replace card</source>
        <translation>补办</translation>
    </message>
    <message>
        <source>Print card…</source>
        <translation>打印卡片…</translation>
    </message>
    <message>
        <source>Print booklet cover…</source>
        <translation>打印护照封面…</translation>
    </message>
    <message>
        <source>Stamp</source>
        <translation>盖章</translation>
    </message>
    <message>
        <source>Redeem</source>
        <translation>兑换</translation>
    </message>
    <message>
        <source>Today&apos;s activity</source>
        <translation>今日活动</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>奖品</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Stamps</source>
        <translation>印章</translation>
    </message>
    <message>
        <source>For</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Correct selected entry…</source>
        <translation>更正所选记录…</translation>
    </message>
    <message>
        <source>Stamp ledger</source>
        <translation>印章台账</translation>
    </message>
    <message>
        <source>Today — stamps given: {stamps} · activities: {activities} · active passports: {passports} · honours waiting for a certificate: {waiting}</source>
        <translation>今日：已盖章 {stamps} 枚 · 活动 {activities} 项 · 在用护照 {passports} 本 · 待发荣誉证书 {waiting} 份</translation>
    </message>
    <message>
        <source>{name} (1 stamp)</source>
        <translation>{name}（可得 1 枚印章）</translation>
    </message>
    <message>
        <source>{name} ({n} stamps)</source>
        <translation>{name}（可得 {n} 枚印章）</translation>
    </message>
    <message>
        <source>{name} — {cost} stamps, {stock} left</source>
        <translation>{name} — {cost} 枚，剩 {stock} 件</translation>
    </message>
    <message>
        <source>{name} · passport {number}</source>
        <translation>{name} · 护照号 {number}</translation>
    </message>
    <message>
        <source>{name} · no active passport.</source>
        <translation>{name} · 尚无有效护照。</translation>
    </message>
    <message>
        <source>Old cards (void): {numbers}</source>
        <translation>旧卡（已作废）：{numbers}</translation>
    </message>
    <message>
        <source>no level yet</source>
        <translation>暂无等级</translation>
    </message>
    <message>
        <source>{balance} stamps to spend · {earned} earned · this month {month} · {level}</source>
        <translation>可用 {balance} 枚 · 累计获得 {earned} 枚 · 本月 {month} 枚 · {level}</translation>
    </message>
    <message>
        <source>{n} more to {level}</source>
        <translation>再集 {n} 枚可成为「{level}」</translation>
    </message>
    <message>
        <source>Where or how was it lost? (optional)</source>
        <translation>在哪里、怎么丢失的？（可不填）</translation>
    </message>
    <message>
        <source>Why is the card replaced? (lost, damaged…)</source>
        <translation>补办原因（丢失、损坏……）</translation>
    </message>
    <message>
        <source>New passport {number}; the old number no longer works. All stamps carried over.</source>
        <translation>新护照号 {number}；旧号码已作废，所有印章已转入新护照。</translation>
    </message>
    <message>
        <source>Passport cover</source>
        <translation>微笑护照封面</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>微笑护照</translation>
    </message>
    <message>
        <source>Already stamped today for {activity}; nothing added.</source>
        <translation>今天已为「{activity}」盖过章，未重复盖章。</translation>
    </message>
    <message>
        <source>New honour: {level}. A certificate has been requested.</source>
        <translation>获得新荣誉：{level}。已申请荣誉证书。</translation>
    </message>
    <message>
        <source>Select the ledger entry to correct first.</source>
        <translation>请先选中要更正的台账记录。</translation>
    </message>
    <message>
        <source>Correct entry</source>
        <translation>更正记录</translation>
    </message>
    <message>
        <source>Reason for the correction (required):</source>
        <translation>更正原因（必填）：</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>is empty; scan the QR code on the card or type the 10 digits under it.</source>
        <translation>为空；请扫描卡上的二维码，或输入二维码下方的 10 位数字。</translation>
    </message>
    <message>
        <source>may contain only digits; the scan was not read cleanly. Scan the card again or type the 10 digits.</source>
        <translation>只能是数字；本次扫描没有读清楚。请重新扫描，或输入 10 位号码。</translation>
    </message>
    <message>
        <source>has {length} digits but a passport number has 10; check the card and try again.</source>
        <translation>有 {length} 位，护照号应为 10 位；请核对卡片后重试。</translation>
    </message>
    <message>
        <source>is not a valid passport number (the check digit does not match); a digit was probably mistyped.</source>
        <translation>不是有效的护照号（校验位不符），可能输错了一位数字。</translation>
    </message>
    <message>
        <source>must be a whole number from 1 to 100.</source>
        <translation>须为 1 到 100 之间的整数。</translation>
    </message>
    <message>
        <source>use {low} to {high} digits (not a staff password).</source>
        <translation>请用 {low} 到 {high} 位数字（不要用工作人员的登录密码）。</translation>
    </message>
    <message>
        <source>is too easy to guess (one digit repeated, or digits in a row); choose another.</source>
        <translation>太容易被猜到（同一个数字重复，或数字连号）；请换一个。</translation>
    </message>
    <message>
        <source>That resident no longer exists.</source>
        <translation>该居民已不存在。</translation>
    </message>
    <message>
        <source>Could not find a free passport number; try again.</source>
        <translation>未能生成可用的护照号，请重试。</translation>
    </message>
    <message>
        <source>{name} already has passport {number}. Replace it if the card is lost.</source>
        <translation>{name}已有护照 {number}。如卡片丢失，请办理补办。</translation>
    </message>
    <message>
        <source>That passport no longer exists.</source>
        <translation>该护照已不存在。</translation>
    </message>
    <message>
        <source>This passport is not active any more; nothing to report.</source>
        <translation>该护照已失效，无需挂失。</translation>
    </message>
    <message>
        <source>This passport was already replaced; replace the newest one instead.</source>
        <translation>该护照已补办过，请对最新的护照办理。</translation>
    </message>
    <message>
        <source>No passport has the number {number}. Please ask at the desk.</source>
        <translation>没有护照号为 {number} 的护照，请到服务台咨询。</translation>
    </message>
    <message>
        <source>Passport {number} was reported lost and no longer works. Please ask at the desk for a new card.</source>
        <translation>护照 {number} 已挂失，不能再使用。请到服务台补办新卡。</translation>
    </message>
    <message>
        <source>Passport {number} has been replaced by a newer card; please use the new card.</source>
        <translation>护照 {number} 已补办新卡，请使用新卡。</translation>
    </message>
    <message>
        <source>choose once, every day or every week.</source>
        <translation>请选择一次性、每天或每周。</translation>
    </message>
    <message>
        <source>cannot be before the first date ({start}).</source>
        <translation>不能早于开始日期（{start}）。</translation>
    </message>
    <message>
        <source>tick at least one weekday.</source>
        <translation>请至少勾选一个星期几。</translation>
    </message>
    <message>
        <source>must be a whole number from 1 to 20.</source>
        <translation>须为 1 到 20 之间的整数。</translation>
    </message>
    <message>
        <source>must be a whole number (0 means no limit).</source>
        <translation>须为整数（0 表示不限）。</translation>
    </message>
    <message>
        <source>That activity no longer exists.</source>
        <translation>该活动已不存在。</translation>
    </message>
    <message>
        <source>{activity} does not take place on {day}; choose one of its dates.</source>
        <translation>「{activity}」在 {day} 没有安排，请选择该活动的日期。</translation>
    </message>
    <message>
        <source>{activity} on {day} is full ({capacity} places).</source>
        <translation>「{activity}」{day} 已满（共 {capacity} 个名额）。</translation>
    </message>
    <message>
        <source>{name} is already signed up for {activity} on {day}.</source>
        <translation>{name}已报名 {day} 的「{activity}」。</translation>
    </message>
    <message>
        <source>The limit for {activity} is {limit} stamp visit(s) per person, and it has been reached.</source>
        <translation>「{activity}」每人最多盖章 {limit} 次，已达上限。</translation>
    </message>
    <message>
        <source>Today&apos;s limit is {cap} stamps per person; {total} have been collected already. Come back tomorrow.</source>
        <translation>每人每天最多 {cap} 枚印章，今天已集 {total} 枚，欢迎明天再来。</translation>
    </message>
    <message>
        <source>{activity} is full today ({capacity} places).</source>
        <translation>「{activity}」今天已满（共 {capacity} 个名额）。</translation>
    </message>
    <message>
        <source>{activity} does not take place today ({day}); nothing was stamped.</source>
        <translation>「{activity}」今天（{day}）没有安排，未盖章。</translation>
    </message>
    <message>
        <source>That ledger entry no longer exists.</source>
        <translation>该台账记录已不存在。</translation>
    </message>
    <message>
        <source>A correction cannot itself be corrected; record a new stamp instead.</source>
        <translation>更正记录不能再更正；请另行盖章。</translation>
    </message>
    <message>
        <source>This entry has already been corrected.</source>
        <translation>该记录已经更正过。</translation>
    </message>
    <message>
        <source>Only {have} stamps are left (the rest were spent on rewards); taking back {stamps} would go below zero. Correct the reward first.</source>
        <translation>只剩 {have} 枚印章（其余已兑换奖品），扣回 {stamps} 枚会变成负数。请先更正兑换记录。</translation>
    </message>
    <message>
        <source>must be a whole number from 1 to 10000.</source>
        <translation>须为 1 到 10000 之间的整数。</translation>
    </message>
    <message>
        <source>must be a whole number from 0 to 100000.</source>
        <translation>须为 0 到 100000 之间的整数。</translation>
    </message>
    <message>
        <source>add a whole number of pieces (negative to remove), leaving stock at 0 or more.</source>
        <translation>请输入增加的件数（负数为减少），库存不能小于 0。</translation>
    </message>
    <message>
        <source>That reward no longer exists.</source>
        <translation>该奖品已不存在。</translation>
    </message>
    <message>
        <source>{reward} is no longer offered.</source>
        <translation>「{reward}」已停止兑换。</translation>
    </message>
    <message>
        <source>{name} has {have} stamps but {reward} costs {cost}: {short} more needed.</source>
        <translation>{name}有 {have} 枚印章，「{reward}」需要 {cost} 枚，还差 {short} 枚。</translation>
    </message>
    <message>
        <source>{reward} is out of stock.</source>
        <translation>「{reward}」已兑完，暂无库存。</translation>
    </message>
    <message>
        <source>You are not on this patrol today; please ask at the desk.</source>
        <translation>您今天不在这个巡逻班次上，请到服务台咨询。</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Passport number</source>
        <translation>护照号</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Activity name</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Last date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Weekdays</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Stamps</source>
        <translation>印章</translation>
    </message>
    <message>
        <source>Limit per person</source>
        <translation>每人次数上限</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>组织方</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>奖品</translation>
    </message>
    <message>
        <source>Cost in stamps</source>
        <translation>所需印章</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Kiosk PIN</source>
        <translation>自助机密码</translation>
    </message>
    <message>
        <source>Daily stamp limit</source>
        <translation>每日印章上限</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>KioskCard</name>
    <message>
        <source>Stamps to spend</source>
        <translation>可用印章</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月获得</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Passport {number}</source>
        <translation>护照号 {number}</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>{n} more stamps to become {level}.</source>
        <translation>再集 {n} 枚印章，就能成为「{level}」。</translation>
    </message>
    <message>
        <source>You have reached the top level. Thank you!</source>
        <translation>您已达到最高等级，感谢您的付出！</translation>
    </message>
    <message>
        <source>Already stamped today for {activity}; a stamp is given once a day.</source>
        <translation>今天已为「{activity}」盖过章，每天只盖一次。</translation>
    </message>
    <message>
        <source>Stamped! 1 stamp for {activity}.</source>
        <translation>盖章成功！「{activity}」得 1 枚印章。</translation>
    </message>
    <message>
        <source>Stamped! {n} stamps for {activity}.</source>
        <translation>盖章成功！「{activity}」得 {n} 枚印章。</translation>
    </message>
    <message>
        <source>{name} (1 stamp)</source>
        <translation>{name}（可得 1 枚印章）</translation>
    </message>
    <message>
        <source>{name} ({n} stamps)</source>
        <translation>{name}（可得 {n} 枚印章）</translation>
    </message>
    <message>
        <source>Congratulations, you are now {level}!</source>
        <translation>恭喜您成为「{level}」！</translation>
    </message>
    <message>
        <source>No activity to check in to today.</source>
        <translation>今天没有可以签到的活动。</translation>
    </message>
    <message>
        <source>Which activity are you here for? Tap it.</source>
        <translation>您来参加哪个活动？请点一下。</translation>
    </message>
    <message>
        <source>Patrol check-out: {team}, {start}–{end}</source>
        <translation>巡逻签退：{team} {start}–{end}</translation>
    </message>
    <message>
        <source>Patrol check-in: {team}, {start}–{end}</source>
        <translation>巡逻签到：{team} {start}–{end}</translation>
    </message>
</context>
<context>
    <name>KioskOffline</name>
    <message>
        <source>No activity to check in to today.</source>
        <translation>今天没有可以签到的活动。</translation>
    </message>
    <message>
        <source>The server cannot be reached right now. Which activity are you here for? Tap it: your check-in is kept on this kiosk and recorded when the server is back.</source>
        <translation>现在连不上服务器。您来参加哪个活动？请点一下：签到先保存在这台自助机上，服务器恢复后再记入。</translation>
    </message>
    <message>
        <source>1 stamp</source>
        <translation>可得 1 枚印章</translation>
    </message>
    <message>
        <source>{n} stamps</source>
        <translation>可得 {n} 枚印章</translation>
    </message>
    <message>
        <source>Checked in to {activity} ({stamps}). The server cannot be reached right now, so this kiosk keeps your check-in and records it when the server is back; your stamps show on your next scan.</source>
        <translation>已签到：{activity}（{stamps}）。现在连不上服务器，签到先保存在这台自助机上，服务器恢复后再记入；下次扫码时就能看到印章。</translation>
    </message>
    <message>
        <source>Working offline: the server cannot be reached. Check-ins are kept on this kiosk ({n} waiting) and recorded when it is back.</source>
        <translation>离线工作：连不上服务器。签到先保存在这台自助机上（{n} 条待记入），服务器恢复后再记入。</translation>
    </message>
    <message>
        <source>Recording the check-ins kept while the server was unreachable ({n})…</source>
        <translation>正在记入服务器断开期间保存的签到（{n} 条）…</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Smile passport kiosk</source>
        <translation>微笑护照自助机</translation>
    </message>
    <message>
        <source>Smile passport · check in here</source>
        <translation>微笑护照 · 自助签到</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Scan the QR code on your passport, or type the number under it.</source>
        <translation>请扫描护照上的二维码，或输入二维码下方的号码。</translation>
    </message>
    <message>
        <source>No kiosk PIN is set, so this kiosk runs in an ordinary window that anyone can close. To lock it to full screen, an administrator opens Smile passports → Kiosk and wall → Set kiosk PIN… at the desk, then starts the kiosk again.</source>
        <translation>尚未设置自助机密码，所以自助机以普通窗口运行，任何人都可以关闭。如需全屏锁定，请管理员在服务台打开“微笑护照 → 自助机与笑脸墙 → 设置自助机密码…”设置密码，然后重新启动自助机。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>自助机密码</translation>
    </message>
    <message>
        <source>Staff only: enter the kiosk PIN to leave the kiosk.</source>
        <translation>仅限工作人员：输入自助机密码退出。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>No kiosk PIN has been set yet: an administrator sets it on the Smile passports page (Kiosk and wall).</source>
        <translation>尚未设置自助机密码：请管理员在“微笑护照 → 自助机与笑脸墙”中设置。</translation>
    </message>
    <message>
        <source>The server cannot be reached right now. Please try again in a minute, or ask at the desk.</source>
        <translation>现在连不上服务器。请过一会儿再试，或者到服务台询问。</translation>
    </message>
    <message>
        <source>{name} (1 stamp)</source>
        <translation>{name}（可得 1 枚印章）</translation>
    </message>
    <message>
        <source>{name} ({n} stamps)</source>
        <translation>{name}（可得 {n} 枚印章）</translation>
    </message>
    <message>
        <source>Today: {activities}</source>
        <translation>今日活动：{activities}</translation>
    </message>
    <message>
        <source>No activity to check in to today.</source>
        <translation>今天没有可以签到的活动。</translation>
    </message>
    <message>
        <source>Checked out. Thank you for patrolling!</source>
        <translation>签退成功，感谢您的巡逻！</translation>
    </message>
    <message>
        <source>1 stamp for the patrol.</source>
        <translation>巡逻得 1 枚印章。</translation>
    </message>
    <message>
        <source>{n} stamps for the patrol.</source>
        <translation>巡逻得 {n} 枚印章。</translation>
    </message>
    <message>
        <source>Checked in to your patrol. Stay safe!</source>
        <translation>巡逻签到成功，注意安全！</translation>
    </message>
    <message>
        <source>Too many wrong PINs: the pad is locked for {n} more minute(s).</source>
        <translation>密码错误次数过多：键盘还要锁定 {n} 分钟。</translation>
    </message>
    <message>
        <source>Wrong PIN. {n} tries left before the pad locks.</source>
        <translation>密码错误。再错 {n} 次键盘将被锁定。</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>密码错误。</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Smile passports</source>
        <translation>微笑护照</translation>
    </message>
</context>
<context>
    <name>Passports</name>
    <message>
        <source>activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>patrol</source>
        <translation>巡逻</translation>
    </message>
    <message>
        <source>correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>reward</source>
        <translation>兑换奖品</translation>
    </message>
    <message>
        <source>reward returned</source>
        <translation>退回奖品</translation>
    </message>
    <message>
        <source>desk</source>
        <translation>服务台</translation>
    </message>
    <message>
        <source>kiosk</source>
        <translation>自助机</translation>
    </message>
    <message>
        <source>patrol rule</source>
        <translation>巡逻规则</translation>
    </message>
    <message>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>reported lost</source>
        <translation>已挂失</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>已补办</translation>
    </message>
    <message>
        <source>once</source>
        <translation>一次性</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>every week</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>morning patrol</source>
        <translation>早班巡逻</translation>
    </message>
    <message>
        <source>afternoon patrol</source>
        <translation>午班巡逻</translation>
    </message>
    <message>
        <source>evening patrol</source>
        <translation>晚班巡逻</translation>
    </message>
</context>
<context>
    <name>PassportsPage</name>
    <message>
        <source>Passports</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Rewards</source>
        <translation>奖品</translation>
    </message>
    <message>
        <source>Kiosk and wall</source>
        <translation>自助机与笑脸墙</translation>
    </message>
</context>
<context>
    <name>PassportsPdf</name>
    <message>
        <source>Smile passport</source>
        <translation>微笑护照</translation>
    </message>
    <message>
        <source>SMILE STATION</source>
        <translation>微笑驿站</translation>
    </message>
    <message>
        <source>Passport No.</source>
        <translation>护照号</translation>
    </message>
    <message>
        <source>Issued {day}</source>
        <translation>发证日期 {day}</translation>
    </message>
    <message>
        <source>Holder  {name}</source>
        <translation>持有人  {name}</translation>
    </message>
    <message>
        <source>Smile passport cards</source>
        <translation>微笑护照卡片</translation>
    </message>
    <message>
        <source>Smile passport cover</source>
        <translation>微笑护照封面</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>view passports and stamps</source>
        <translation>查看护照和印章</translation>
    </message>
    <message>
        <source>issue or replace passports</source>
        <translation>发放或补办护照</translation>
    </message>
    <message>
        <source>stamp passports at the desk</source>
        <translation>在服务台盖章</translation>
    </message>
    <message>
        <source>correct stamps</source>
        <translation>更正印章</translation>
    </message>
    <message>
        <source>redeem rewards</source>
        <translation>兑换奖品</translation>
    </message>
    <message>
        <source>manage activities</source>
        <translation>管理活动</translation>
    </message>
    <message>
        <source>manage rewards</source>
        <translation>管理奖品</translation>
    </message>
    <message>
        <source>sign residents up for activities</source>
        <translation>为居民报名活动</translation>
    </message>
    <message>
        <source>use the passport kiosk</source>
        <translation>使用护照自助机</translation>
    </message>
    <message>
        <source>show the smile wall</source>
        <translation>显示笑脸墙</translation>
    </message>
    <message>
        <source>record smile wall choices</source>
        <translation>登记笑脸墙意愿</translation>
    </message>
    <message>
        <source>award stamps for patrols</source>
        <translation>为巡逻发放印章</translation>
    </message>
    <message>
        <source>change kiosk settings</source>
        <translation>修改自助机设置</translation>
    </message>
</context>
<context>
    <name>RewardDialog</name>
    <message>
        <source>New reward</source>
        <translation>新建奖品</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>奖品</translation>
    </message>
    <message>
        <source>Cost in stamps</source>
        <translation>所需印章</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>RewardsTab</name>
    <message>
        <source>Reward</source>
        <translation>奖品</translation>
    </message>
    <message>
        <source>Cost in stamps</source>
        <translation>所需印章</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>New reward…</source>
        <translation>新建奖品…</translation>
    </message>
    <message>
        <source>Add stock…</source>
        <translation>增加库存…</translation>
    </message>
    <message>
        <source>Stop offering</source>
        <translation>停止兑换</translation>
    </message>
    <message>
        <source>Add stock</source>
        <translation>增加库存</translation>
    </message>
    <message>
        <source>Pieces to add (negative to remove):</source>
        <translation>增加件数（负数为减少）：</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>Set kiosk PIN…</source>
        <translation>设置自助机密码…</translation>
    </message>
    <message>
        <source>Daily stamp limit…</source>
        <translation>每日印章上限…</translation>
    </message>
    <message>
        <source>Award stamps for completed patrols</source>
        <translation>为已完成的巡逻发放印章</translation>
    </message>
    <message>
        <source>Send waiting honours to certificates</source>
        <translation>为待发荣誉申请证书</translation>
    </message>
    <message>
        <source>Start the kiosk with “smiledesk --kiosk” and the lobby display with “smiledesk --wall”. With a kiosk PIN set, the kiosk fills the screen and only the PIN (or an administrator&apos;s or front-desk password) closes it; without one it opens as an ordinary window that anyone can close.</source>
        <translation>用“smiledesk --kiosk”启动自助机，用“smiledesk --wall”启动大厅展示屏。设置了自助机密码后，自助机全屏运行，只有输入该密码（或管理员、前台的登录密码）才能关闭；没有设置密码时，自助机以普通窗口打开，任何人都可以关闭。</translation>
    </message>
    <message>
        <source>a kiosk PIN is set</source>
        <translation>已设置自助机密码</translation>
    </message>
    <message>
        <source>no kiosk PIN yet</source>
        <translation>尚未设置自助机密码</translation>
    </message>
    <message>
        <source>Now: {pin}; at most {cap} stamps per person per day.</source>
        <translation>当前：{pin}；每人每天最多 {cap} 枚印章。</translation>
    </message>
    <message>
        <source>Kiosk PIN</source>
        <translation>自助机密码</translation>
    </message>
    <message>
        <source>New PIN (4–12 digits):</source>
        <translation>新密码（4–12 位数字）：</translation>
    </message>
    <message>
        <source>Daily stamp limit</source>
        <translation>每日印章上限</translation>
    </message>
    <message>
        <source>Most stamps one person can collect in a day:</source>
        <translation>每人每天最多可集印章数：</translation>
    </message>
    <message>
        <source>{n} patrol stamp entries added.</source>
        <translation>已为巡逻发放 {n} 笔印章。</translation>
    </message>
    <message>
        <source>{n} honour certificates requested.</source>
        <translation>已申请 {n} 份荣誉证书。</translation>
    </message>
</context>
<context>
    <name>SmileWall</name>
    <message>
        <source>Smile wall</source>
        <translation>笑脸墙</translation>
    </message>
    <message>
        <source>{station} · {year}-{month:02d} · neighbours taking part this month: {n}</source>
        <translation>{station} · {year}年{month}月 · 本月 {n} 位邻居参与</translation>
    </message>
    <message>
        <source>Collect stamps at the station&apos;s activities and your smile appears here!</source>
        <translation>参加驿站活动集印章，您的笑脸就会出现在这里！</translation>
    </message>
    <message>
        <source>This month&apos;s top 10</source>
        <translation>本月排行榜前十</translation>
    </message>
</context>
<context>
    <name>_Tile</name>
    <message>
        <source>Taking part</source>
        <translation>积极参与</translation>
    </message>
    <message>
        <source>Stamps this month: {n}</source>
        <translation>本月 {n} 枚</translation>
    </message>
</context>
</TS>

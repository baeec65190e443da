<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountsTab</name>
    <message>
        <source>Find a recipient to see the account.</source>
        <translation>查找助餐对象以查看账户。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Receipt / note</source>
        <translation>收据号 / 备注</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Top-up</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>yuan, e.g. 200</source>
        <translation>元，如 200</translation>
    </message>
    <message>
        <source>receipt number</source>
        <translation>收据号</translation>
    </message>
    <message>
        <source>Take top-up</source>
        <translation>收款充值</translation>
    </message>
    <message>
        <source>Correction (a new entry; nothing is ever changed)</source>
        <translation>更正（新增一笔记录，原记录不做修改）</translation>
    </message>
    <message>
        <source>± yuan</source>
        <translation>± 元</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Add correction</source>
        <translation>添加更正</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Prices, subsidy tiers and settings…</source>
        <translation>餐价、补贴档次和设置…</translation>
    </message>
    <message>
        <source>{name}: balance &lt;b&gt;{balance}&lt;/b&gt; yuan (credit limit {credit})</source>
        <translation>{name}：余额 &lt;b&gt;{balance}&lt;/b&gt; 元（可透支 {credit} 元）</translation>
    </message>
    <message>
        <source>Low balances (active recipients)</source>
        <translation>余额不足（在册对象）</translation>
    </message>
    <message>
        <source>Print this recipient&apos;s statement…</source>
        <translation>打印该老人的月结单…</translation>
    </message>
    <message>
        <source>Print everyone&apos;s statements…</source>
        <translation>打印全部月结单…</translation>
    </message>
    <message>
        <source>Print the subsidy claim…</source>
        <translation>打印补贴申报表…</translation>
    </message>
    <message>
        <source>Claim details (Excel)</source>
        <translation>申报明细（Excel）</translation>
    </message>
    <message>
        <source>Not a meal recipient.</source>
        <translation>不是助餐对象。</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存：{path}</translation>
    </message>
    <message>
        <source>Preparing the subsidy claim</source>
        <translation>正在生成补贴申报表</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>Meals</source>
        <translation>助餐</translation>
    </message>
    <message>
        <source>{day} ({name}): no meals, the canteen is closed on holidays</source>
        <translation>{day}（{name}）：不供餐，节假日食堂休息</translation>
    </message>
    <message>
        <source>{day} ({name}): no meals; {n} scheduled meal(s) already ordered are cancelled and refunded</source>
        <translation>{day}（{name}）：不供餐；已按计划生成的{n}份餐取消并退款</translation>
    </message>
    <message>
        <source>{day}: meals as the weekly schedule says (no longer a day without meals)</source>
        <translation>{day}：按每周计划供餐（不再是停餐日）</translation>
    </message>
    <message>
        <source>{day}: an adjusted workday; meals for whoever has them every Monday to Friday</source>
        <translation>{day}：调休上班日；周一至周五每天订餐的老人供餐</translation>
    </message>
    <message>
        <source>{day}: meals as the weekly schedule of that weekday says</source>
        <translation>{day}：按当天星期的每周计划供餐</translation>
    </message>
    <message>
        <source>{day}: {n} meal(s) ordered by hand are kept; cancel them on the meals page if the canteen is closed</source>
        <translation>{day}：手工添加的{n}份餐保留；如食堂休息，请在助餐页面取消</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <source>Welfare check call</source>
        <translation>安全确认电话</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>拨打对象</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CliHelp</name>
    <message>
        <source>generate a day&apos;s meal orders and write route sheets and labels</source>
        <translation>生成一天的订餐，并写出送餐路线单和标签</translation>
    </message>
    <message>
        <source>default: today</source>
        <translation>默认：今天</translation>
    </message>
    <message>
        <source>folder for the PDFs (default: current folder)</source>
        <translation>存放 PDF 的文件夹（默认：当前文件夹）</translation>
    </message>
    <message>
        <source>staff account the work is logged under (default: the first administrator)</source>
        <translation>记入日志的工作人员账号（默认：第一个管理员）</translation>
    </message>
    <message>
        <source>check that every meal account balance equals the sum of its ledger entries</source>
        <translation>核对每个助餐账户的余额是否等于其流水合计</translation>
    </message>
</context>
<context>
    <name>CloseCheckDialog</name>
    <message>
        <source>Close welfare check</source>
        <translation>结束安全确认</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>情况说明</translation>
    </message>
</context>
<context>
    <name>CounterPanel</name>
    <message>
        <source>Dine-in check-in: find the resident or scan the passport code.</source>
        <translation>堂食签到：搜索居民或扫描微笑护照二维码。</translation>
    </message>
    <message>
        <source>Scan passport code</source>
        <translation>扫描护照码</translation>
    </message>
    <message>
        <source>{name}: {meal} served. Charged {charge} yuan, balance {balance} yuan.</source>
        <translation>{name}：{meal}已取餐。扣费 {charge} 元，余额 {balance} 元。</translation>
    </message>
    <message>
        <source>This code belongs to no resident; search by name instead.</source>
        <translation>此二维码未对应任何居民，请改用姓名搜索。</translation>
    </message>
</context>
<context>
    <name>DayTab</name>
    <message>
        <source>Generate orders</source>
        <translation>生成订餐</translation>
    </message>
    <message>
        <source>Print route sheets</source>
        <translation>打印送餐单</translation>
    </message>
    <message>
        <source>Print meal labels</source>
        <translation>打印餐盒标签</translation>
    </message>
    <message>
        <source>Print kitchen sheet</source>
        <translation>打印厨房备餐单</translation>
    </message>
    <message>
        <source>Today&apos;s papers…</source>
        <translation>今日单据…</translation>
    </message>
    <message>
        <source>Kitchen sheet, route sheets, labels and patrol sign-in sheets, printed in order</source>
        <translation>厨房备餐单、送餐单、餐盒标签和巡逻签到表，按顺序一次打印</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Diet</source>
        <translation>饮食要求</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>送餐志愿者</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Not home</source>
        <translation>无人应答</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>Cancelled at the door</source>
        <translation>上门时取消</translation>
    </message>
    <message>
        <source>Cancel before cut-off</source>
        <translation>截止前退订</translation>
    </message>
    <message>
        <source>Welfare checks (nobody home): call the recipient, then the emergency contact, then the grid worker</source>
        <translation>安全确认（无人应答）：先打本人电话，再打紧急联系人，最后联系网格员</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>通话记录</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Record a call…</source>
        <translation>记录通话…</translation>
    </message>
    <message>
        <source>Close check…</source>
        <translation>结束确认…</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Foods to avoid</source>
        <translation>忌口</translation>
    </message>
    <message>
        <source>{meal} on {day}: ordered {total}, outcome recorded {done}.</source>
        <translation>{day} {meal}：共订 {total} 份，已记录结果 {done} 份。</translation>
    </message>
    <message>
        <source>Orders generated: {created} new, {existing} already there, {paused} paused.</source>
        <translation>新生成 {created} 份订餐（已有 {existing} 份，暂停 {paused} 份）。</translation>
    </message>
    <message>
        <source>Kitchen sheet</source>
        <translation>厨房备餐单</translation>
    </message>
    <message>
        <source>Route (compound)</source>
        <translation>路线（小区）</translation>
    </message>
    <message>
        <source>Stops</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>Assign to route</source>
        <translation>指派到该路线</translation>
    </message>
    <message>
        <source>No meal-delivery team yet: add one with its volunteers on the rosters page.</source>
        <translation>还没有送餐队：请在排班页面建立送餐队并添加志愿者。</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>送餐路线</translation>
    </message>
    <message>
        <source>Canteen counter</source>
        <translation>食堂窗口</translation>
    </message>
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
        <source>Meals</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>no special diet</source>
        <translation>普通餐</translation>
    </message>
    <message>
        <source>not assigned</source>
        <translation>未指派</translation>
    </message>
    <message>
        <source>OPEN since {time}</source>
        <translation>未结束（{time} 起）</translation>
    </message>
    <message>
        <source>OVERDUE — not closed on {day}</source>
        <translation>已超期 —— {day} 当天未结束</translation>
    </message>
    <message>
        <source>no call yet</source>
        <translation>尚未拨打</translation>
    </message>
    <message>
        <source>{n} welfare check(s) open: nobody answered the door. Call and close each one today.</source>
        <translation>有 {n} 项安全确认未结束：送餐时无人应答。请今天逐一电话确认并结束。</translation>
    </message>
    <message>
        <source>{day} is a statutory holiday ({name}): the canteen is closed, no orders.</source>
        <translation>{day} 是法定节假日（{name}）：食堂休息，不生成订餐。</translation>
    </message>
    <message>
        <source>{day} is an adjusted workday: meals for whoever has them every Monday to Friday. Generated {created} new orders ({existing} already there, {paused} paused).</source>
        <translation>{day}是调休上班日：周一至周五每天订餐的老人供餐。新生成{created}份（已有{existing}份，暂停{paused}人）。</translation>
    </message>
    <message>
        <source>Not ordered, balance too low: {names}.</source>
        <translation>余额不足未订餐：{names}。</translation>
    </message>
    <message>
        <source>Generating orders</source>
        <translation>正在生成订餐</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>choose a registered resident first.</source>
        <translation>请先选择已登记的居民。</translation>
    </message>
    <message>
        <source>choose one of the listed options.</source>
        <translation>请从列表中选择。</translation>
    </message>
    <message>
        <source>“{value}” is not a time; write it as 09:30.</source>
        <translation>“{value}”不是时间，请写成 09:30 的格式。</translation>
    </message>
    <message>
        <source>use a short code of lower-case letters, digits and _ (e.g. age_85).</source>
        <translation>请用小写字母、数字和下划线组成的简短代码（如 age_85）。</translation>
    </message>
    <message>
        <source>the lowest age {low} is above the highest age {high}.</source>
        <translation>最低年龄 {low} 高于最高年龄 {high}。</translation>
    </message>
    <message>
        <source>tick the meals of the week.</source>
        <translation>请勾选每周的用餐安排。</translation>
    </message>
    <message>
        <source>an active delivery recipient needs at least one meal a week; tick lunch or dinner on some days.</source>
        <translation>送餐对象每周至少要有一餐，请勾选某几天的午餐或晚餐。</translation>
    </message>
    <message>
        <source>{name} is already a meal recipient; open the existing record instead.</source>
        <translation>{name} 已是助餐对象，请打开已有记录。</translation>
    </message>
    <message>
        <source>That meal recipient no longer exists.</source>
        <translation>该助餐对象已不存在。</translation>
    </message>
    <message>
        <source>is required; pick a date.</source>
        <translation>必填，请选择日期。</translation>
    </message>
    <message>
        <source>{end} is before the pause starts ({start}); pick an end on or after the start.</source>
        <translation>{end} 早于暂停开始日期（{start}），结束日期须不早于开始日期。</translation>
    </message>
    <message>
        <source>That pause no longer exists.</source>
        <translation>该暂停记录已不存在。</translation>
    </message>
    <message>
        <source>{name}&apos;s meal account has {balance} yuan; this meal costs {charge} yuan and the credit limit is {limit} yuan. Take a top-up first.</source>
        <translation>{name} 的餐费账户余额 {balance} 元，本餐 {charge} 元，可透支额度 {limit} 元。请先充值。</translation>
    </message>
    <message>
        <source>is more than 10,000 yuan; check the amount.</source>
        <translation>超过 10,000 元，请核对金额。</translation>
    </message>
    <message>
        <source>No meal price is set for {day}; an administrator must enter one.</source>
        <translation>{day} 没有设置餐价，请管理员先录入。</translation>
    </message>
    <message>
        <source>The cut-off for {meal} on {day} was {time}; the kitchen already has the counts. Record the outcome at the door instead.</source>
        <translation>{day} {meal}的截止时间是 {time}，厨房已按数备餐。请改为记录送餐结果。</translation>
    </message>
    <message>
        <source>{name}&apos;s meal service is {status}; change the status first.</source>
        <translation>{name} 的助餐服务状态为“{status}”，请先修改状态。</translation>
    </message>
    <message>
        <source>{name} already has {meal} ordered on {day}.</source>
        <translation>{name} 在 {day} 已订{meal}。</translation>
    </message>
    <message>
        <source>That meal order no longer exists.</source>
        <translation>该订餐已不存在。</translation>
    </message>
    <message>
        <source>This meal is already cancelled.</source>
        <translation>这份餐已经取消。</translation>
    </message>
    <message>
        <source>{name} has no {meal} ordered on {day}; an outcome can only be recorded for a meal that was ordered.</source>
        <translation>{name} 在 {day} 没有订{meal}，只能为已订的餐记录结果。</translation>
    </message>
    <message>
        <source>served is for dine-in meals; choose delivered for a delivery.</source>
        <translation>“已取餐”用于堂食，送餐请选“已送达”。</translation>
    </message>
    <message>
        <source>this is a dine-in meal; check the resident in at the counter instead.</source>
        <translation>这是堂食订餐，请在食堂窗口签到。</translation>
    </message>
    <message>
        <source>That welfare check no longer exists.</source>
        <translation>该安全确认已不存在。</translation>
    </message>
    <message>
        <source>This welfare check is already closed.</source>
        <translation>该安全确认已经结束。</translation>
    </message>
    <message>
        <source>call the {first} before the {then}: the order is recipient, emergency contact, grid worker.</source>
        <translation>请先联系{first}，再联系{then}：顺序是本人、紧急联系人、网格员。</translation>
    </message>
    <message>
        <source>record at least one call before closing the check; start with the recipient.</source>
        <translation>结束前至少要记录一次通话，请先打本人电话。</translation>
    </message>
    <message>
        <source>say what happened when the outcome is other.</source>
        <translation>结果选“其他”时请说明情况。</translation>
    </message>
    <message>
        <source>No meal recipient of this station has this number; check the card or search by name.</source>
        <translation>本站没有这个编号的助餐对象；请核对卡片，或按姓名查找。</translation>
    </message>
    <message>
        <source>{name} is not a meal recipient; register them for meal assistance first.</source>
        <translation>{name} 不是助餐对象，请先登记助餐。</translation>
    </message>
    <message>
        <source>{name} was already served {meal} at {time}.</source>
        <translation>{name} 已于 {time} 取过{meal}。</translation>
    </message>
    <message>
        <source>{name}&apos;s {meal} is on a delivery route today; cancel the delivery before serving at the counter.</source>
        <translation>{name} 今天的{meal}在送餐路线上，请先取消送餐再在窗口取餐。</translation>
    </message>
    <message>
        <source>{name}&apos;s {meal} today was cancelled; order it again first.</source>
        <translation>{name} 今天的{meal}已取消，请先重新订餐。</translation>
    </message>
    <message>
        <source>That food sample no longer exists.</source>
        <translation>该留样记录已不存在。</translation>
    </message>
    <message>
        <source>This sample was already discarded.</source>
        <translation>该留样已处理。</translation>
    </message>
    <message>
        <source>a sample must be kept 48 hours; this one may be discarded from {due}.</source>
        <translation>留样须保存 48 小时，此样品 {due} 之后才能处理。</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Weekly schedule</source>
        <translation>每周用餐</translation>
    </message>
    <message>
        <source>Foods to avoid</source>
        <translation>忌口</translation>
    </message>
    <message>
        <source>Delivery address</source>
        <translation>送餐地址</translation>
    </message>
    <message>
        <source>Delivery notes</source>
        <translation>送餐备注</translation>
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
        <source>Subsidy tier</source>
        <translation>补贴档次</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>透支额度</translation>
    </message>
    <message>
        <source>Pause from</source>
        <translation>暂停开始</translation>
    </message>
    <message>
        <source>Pause until</source>
        <translation>暂停结束</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>收据号</translation>
    </message>
    <message>
        <source>Meal</source>
        <translation>餐次</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Meal order</source>
        <translation>订餐</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Person called</source>
        <translation>联系对象</translation>
    </message>
    <message>
        <source>Call result</source>
        <translation>通话结果</translation>
    </message>
    <message>
        <source>Dishes</source>
        <translation>菜品</translation>
    </message>
    <message>
        <source>Kept by</source>
        <translation>留样人</translation>
    </message>
    <message>
        <source>Discarded by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Discard time</source>
        <translation>处理时间</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>餐价</translation>
    </message>
    <message>
        <source>Delivery fee</source>
        <translation>送餐费</translation>
    </message>
    <message>
        <source>Subsidy</source>
        <translation>补贴</translation>
    </message>
    <message>
        <source>Tier name</source>
        <translation>档次名称</translation>
    </message>
    <message>
        <source>Funding source</source>
        <translation>资金来源</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Cut-off time</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Low balance warning</source>
        <translation>余额提醒线</translation>
    </message>
    <message>
        <source>Delivery volunteer</source>
        <translation>送餐志愿者</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Meals on statutory holidays</source>
        <translation>法定节假日供餐</translation>
    </message>
    <message>
        <source>Meals on adjusted workdays</source>
        <translation>调休上班日供餐</translation>
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
    <name>Meals</name>
    <message>
        <source>pending</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>active</source>
        <translation>在册</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停餐</translation>
    </message>
    <message>
        <source>deceased</source>
        <translation>已故</translation>
    </message>
    <message>
        <source>delivery</source>
        <translation>送餐</translation>
    </message>
    <message>
        <source>dine-in</source>
        <translation>堂食</translation>
    </message>
    <message>
        <source>lunch</source>
        <translation>午餐</translation>
    </message>
    <message>
        <source>dinner</source>
        <translation>晚餐</translation>
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
        <source>soft/minced</source>
        <translation>软食/碎食</translation>
    </message>
    <message>
        <source>vegetarian</source>
        <translation>素食</translation>
    </message>
    <message>
        <source>halal/no pork</source>
        <translation>清真/不吃猪肉</translation>
    </message>
    <message>
        <source>in hospital</source>
        <translation>住院</translation>
    </message>
    <message>
        <source>away</source>
        <translation>外出</translation>
    </message>
    <message>
        <source>with family</source>
        <translation>去子女家</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>open</source>
        <translation>待送</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>not home</source>
        <translation>无人应答</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>served</source>
        <translation>已取餐</translation>
    </message>
    <message>
        <source>top-up</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>meal</source>
        <translation>餐费</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>transfer</source>
        <translation>转账</translation>
    </message>
    <message>
        <source>recipient</source>
        <translation>本人</translation>
    </message>
    <message>
        <source>emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <source>grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <source>reached</source>
        <translation>已联系上</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>unreachable / wrong number</source>
        <translation>打不通 / 号码错误</translation>
    </message>
    <message>
        <source>safe</source>
        <translation>人身安全</translation>
    </message>
    <message>
        <source>away from home</source>
        <translation>外出不在家</translation>
    </message>
    <message>
        <source>emergency services called</source>
        <translation>已呼叫急救/报警</translation>
    </message>
</context>
<context>
    <name>MealsCli</name>
    <message>
        <source>{day}: statutory holiday ({holiday}); no orders</source>
        <translation>{day}：法定节假日（{holiday}），不订餐</translation>
    </message>
    <message>
        <source>{day}: new orders {created}, already there {existing}, paused {paused}</source>
        <translation>{day}：新订餐 {created} 份，已有 {existing} 份，暂停 {paused} 人</translation>
    </message>
    <message>
        <source>not ordered, balance too low: {names}</source>
        <translation>余额不足未订餐：{names}</translation>
    </message>
    <message>
        <source>{meal}: meals {total} (delivery {delivery}, dine-in {dine_in})</source>
        <translation>{meal}：共 {total} 份（送餐 {delivery}，堂食 {dine_in}）</translation>
    </message>
    <message>
        <source>recipient {id}: balance read {balance} fen, ledger sums to {sum} fen</source>
        <translation>助餐对象 {id}：余额记为 {balance} 分，账目合计 {sum} 分</translation>
    </message>
    <message>
        <source>accounts checked: {n}; problems: {problems}</source>
        <translation>已核对账户 {n} 个；有问题 {problems} 个</translation>
    </message>
</context>
<context>
    <name>MealsCommon</name>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
</context>
<context>
    <name>MealsPage</name>
    <message>
        <source>Today&apos;s meals</source>
        <translation>今日助餐</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>助餐对象</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>餐费账户</translation>
    </message>
    <message>
        <source>Food samples</source>
        <translation>食品留样</translation>
    </message>
</context>
<context>
    <name>MealsPdf</name>
    <message>
        <source>Meal delivery route sheet</source>
        <translation>送餐路线单</translation>
    </message>
    <message>
        <source>Meal labels</source>
        <translation>餐盒标签</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Meal</source>
        <translation>餐次</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>路线</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>送餐志愿者</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>not assigned</source>
        <translation>未指派</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Diet</source>
        <translation>饮食要求</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签收</translation>
    </message>
    <message>
        <source>Nobody home? Call the station at once: it is a safety check, not a missed delivery.</source>
        <translation>敲门无人应答？请立即给驿站打电话：这是安全隐患，不是普通的没送到。</translation>
    </message>
    <message>
        <source>Kitchen sheet</source>
        <translation>厨房备餐单</translation>
    </message>
    <message>
        <source>no special diet</source>
        <translation>普通餐</translation>
    </message>
    <message>
        <source>Foods to avoid</source>
        <translation>忌口</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Page {n}</source>
        <translation>第 {n} 页</translation>
    </message>
    <message>
        <source>Mon Tue Wed Thu Fri Sat Sun</source>
        <translation>周一 周二 周三 周四 周五 周六 周日</translation>
    </message>
    <message>
        <source>Stops: {n}</source>
        <translation>共 {n} 户</translation>
    </message>
    <message>
        <source>Meal account statement</source>
        <translation>助餐账户月结单</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>助餐对象</translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation>期初余额</translation>
    </message>
    <message>
        <source>Closing balance</source>
        <translation>期末余额</translation>
    </message>
    <message>
        <source>Top-ups</source>
        <translation>本月充值</translation>
    </message>
    <message>
        <source>Meals charged (net)</source>
        <translation>本月餐费（净额）</translation>
    </message>
    <message>
        <source>Subsidy received</source>
        <translation>享受补贴</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>{meal} {price} − subsidy {subsidy} + delivery {fee}</source>
        <translation>{meal} {price} − 补贴 {subsidy} + 送餐费 {fee}</translation>
    </message>
    <message>
        <source>receipt {no}</source>
        <translation>收据 {no}</translation>
    </message>
    <message>
        <source>Meal subsidy claim</source>
        <translation>老年助餐补贴申报表</translation>
    </message>
    <message>
        <source>Funding source</source>
        <translation>资金来源</translation>
    </message>
    <message>
        <source>Subsidy tier</source>
        <translation>补贴档次</translation>
    </message>
    <message>
        <source>Terms from</source>
        <translation>标准执行起</translation>
    </message>
    <message>
        <source>Per meal</source>
        <translation>每餐补贴</translation>
    </message>
    <message>
        <source>Route sheets</source>
        <translation>送餐路线单</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>月结单</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>月结单</translation>
    </message>
    <message>
        <source>Subsidy claim</source>
        <translation>助餐补贴申报表</translation>
    </message>
    <message>
        <source>Meals</source>
        <translation>餐数</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>制表人</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Station (seal)</source>
        <translation>驿站（盖章）</translation>
    </message>
    <message>
        <source>no entries this month</source>
        <translation>本月无收支记录</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Meals</source>
        <translation>老年助餐</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>view meal assistance</source>
        <translation>查看老年助餐</translation>
    </message>
    <message>
        <source>add or edit meal recipients and pauses</source>
        <translation>登记、修改助餐对象及暂停</translation>
    </message>
    <message>
        <source>generate meal orders and routes</source>
        <translation>生成订餐和送餐路线</translation>
    </message>
    <message>
        <source>record deliveries and welfare checks</source>
        <translation>记录送餐结果和安全确认</translation>
    </message>
    <message>
        <source>check in dine-in meals</source>
        <translation>堂食签到</translation>
    </message>
    <message>
        <source>take meal account top-ups</source>
        <translation>收取餐费充值</translation>
    </message>
    <message>
        <source>correct meal accounts</source>
        <translation>更正餐费账户</translation>
    </message>
    <message>
        <source>change meal prices, subsidy tiers and meal settings</source>
        <translation>修改餐价、补贴档次和助餐设置</translation>
    </message>
    <message>
        <source>keep and discard food samples</source>
        <translation>食品留样及处理</translation>
    </message>
    <message>
        <source>print meal statements and subsidy claims</source>
        <translation>打印月结单和补贴申报表</translation>
    </message>
</context>
<context>
    <name>RatesDialog</name>
    <message>
        <source>Prices, subsidy tiers and settings</source>
        <translation>餐价、补贴档次和设置</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>From</source>
        <translation>执行起</translation>
    </message>
    <message>
        <source>Ages</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Hardship</source>
        <translation>特困/低保</translation>
    </message>
    <message>
        <source>Subsidy</source>
        <translation>每餐补贴</translation>
    </message>
    <message>
        <source>Funding source</source>
        <translation>资金来源</translation>
    </message>
    <message>
        <source>New tier terms (from a date on; earlier meals keep the old terms)</source>
        <translation>新的补贴标准（自生效日起执行，之前的餐仍按原标准）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>only 特困/低保</source>
        <translation>仅限特困/低保</translation>
    </message>
    <message>
        <source>Save tier</source>
        <translation>保存档次</translation>
    </message>
    <message>
        <source>Subsidy (yuan)</source>
        <translation>每餐补贴（元）</translation>
    </message>
    <message>
        <source>Lowest age</source>
        <translation>最低年龄</translation>
    </message>
    <message>
        <source>Highest age</source>
        <translation>最高年龄</translation>
    </message>
    <message>
        <source>Meal price from a date on</source>
        <translation>餐价（自生效日起执行）</translation>
    </message>
    <message>
        <source>price, yuan</source>
        <translation>餐价，元</translation>
    </message>
    <message>
        <source>delivery fee, yuan</source>
        <translation>送餐费，元</translation>
    </message>
    <message>
        <source>Save price</source>
        <translation>保存餐价</translation>
    </message>
    <message>
        <source>Cut-off times and account warnings</source>
        <translation>订餐截止时间和余额提醒</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>warn below (yuan)</source>
        <translation>余额提醒线（元）</translation>
    </message>
    <message>
        <source>default credit (yuan)</source>
        <translation>默认可透支（元）</translation>
    </message>
    <message>
        <source>Meals on statutory holidays and adjusted workdays (this station)</source>
        <translation>法定节假日和调休上班日供餐（本站）</translation>
    </message>
    <message>
        <source>closed: no meals</source>
        <translation>休息：不供餐</translation>
    </message>
    <message>
        <source>as the weekly schedule says</source>
        <translation>按每周计划供餐</translation>
    </message>
    <message>
        <source>the schedule of that weekday (a Saturday is a Saturday)</source>
        <translation>按当天星期的计划（周六就按周六）</translation>
    </message>
    <message>
        <source>like a working day: whoever has the meal Monday to Friday</source>
        <translation>按工作日：周一至周五每天订餐的老人供餐</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Adjusted workdays</source>
        <translation>调休上班日</translation>
    </message>
</context>
<context>
    <name>RecipientDialog</name>
    <message>
        <source>Meal recipient</source>
        <translation>助餐对象</translation>
    </message>
    <message>
        <source>New meal recipient</source>
        <translation>新增助餐对象</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Status and service</source>
        <translation>状态和方式</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Lunch Mon–Fri</source>
        <translation>周一至周五午餐</translation>
    </message>
    <message>
        <source>Weekly schedule</source>
        <translation>每周用餐</translation>
    </message>
    <message>
        <source>Diet</source>
        <translation>饮食要求</translation>
    </message>
    <message>
        <source>e.g. no coriander, allergic to shrimp</source>
        <translation>如：不吃香菜、对虾过敏</translation>
    </message>
    <message>
        <source>Foods to avoid</source>
        <translation>忌口</translation>
    </message>
    <message>
        <source>empty: the resident&apos;s registered address</source>
        <translation>不填则用居民登记地址</translation>
    </message>
    <message>
        <source>Delivery address</source>
        <translation>送餐地址</translation>
    </message>
    <message>
        <source>e.g. hard of hearing, knock loudly</source>
        <translation>如：耳背，请用力敲门</translation>
    </message>
    <message>
        <source>Delivery notes</source>
        <translation>送餐备注</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <source>best tier they qualify for</source>
        <translation>按条件自动取最高档</translation>
    </message>
    <message>
        <source>no subsidy</source>
        <translation>不享受补贴</translation>
    </message>
    <message>
        <source>granted: {name}</source>
        <translation>经审批：{name}</translation>
    </message>
    <message>
        <source>Credit limit (yuan)</source>
        <translation>可透支（元）</translation>
    </message>
    <message>
        <source>Subsidy tier</source>
        <translation>补贴档次</translation>
    </message>
    <message>
        <source>Pauses (meals stop on these days and restart by themselves)</source>
        <translation>暂停（期间自动停餐，到期自动恢复）</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Add pause</source>
        <translation>添加暂停</translation>
    </message>
    <message>
        <source>Resume meals from today</source>
        <translation>从今天起恢复用餐</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>until</source>
        <translation>至</translation>
    </message>
    <message>
        <source>now</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>未开始</translation>
    </message>
</context>
<context>
    <name>RecipientsTab</name>
    <message>
        <source>Search: name, pinyin, initials, phone digits</source>
        <translation>搜索：姓名、拼音、首字母、电话号码</translation>
    </message>
    <message>
        <source>all statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>New recipient…</source>
        <translation>新增对象…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Add a meal on the day shown</source>
        <translation>为所选日期加订一餐</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>用餐安排</translation>
    </message>
    <message>
        <source>Diet</source>
        <translation>饮食要求</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>paused until {day}</source>
        <translation>暂停至 {day}</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>日</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>Mon–Fri</source>
        <translation>周一至周五</translation>
    </message>
</context>
<context>
    <name>SamplesTab</name>
    <message>
        <source>dishes kept, e.g. braised fish, greens, rice</source>
        <translation>留样菜品，如：红烧鱼、青菜、米饭</translation>
    </message>
    <message>
        <source>Keep sample</source>
        <translation>登记留样</translation>
    </message>
    <message>
        <source>Discard selected</source>
        <translation>处理所选留样</translation>
    </message>
    <message>
        <source>by</source>
        <translation>经手人</translation>
    </message>
    <message>
        <source>Each meal&apos;s sample is kept 48 hours in the sample fridge, then discarded and signed off here.</source>
        <translation>每餐留样在留样冰箱保存 48 小时，到期处理后在此登记。</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Meal</source>
        <translation>餐次</translation>
    </message>
    <message>
        <source>Dishes</source>
        <translation>菜品</translation>
    </message>
    <message>
        <source>Kept by</source>
        <translation>留样人</translation>
    </message>
    <message>
        <source>Kept at</source>
        <translation>留样时间</translation>
    </message>
    <message>
        <source>May discard from</source>
        <translation>可处理时间</translation>
    </message>
    <message>
        <source>Discarded</source>
        <translation>已处理</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Calendar</name>
    <message>
        <source>Desk requests</source>
        <translation>服务诉求</translation>
    </message>
    <message>
        <source>No. {id} “{summary}”: due {before} → {after} ({n} working days from {received})</source>
        <translation>第{id}号“{summary}”：期限 {before} → {after}（自{received}起{n}个工作日）</translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <source>Desk categories</source>
        <translation>来访类别设置</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Deadline (working days)</source>
        <translation>办理时限（工作日）</translation>
    </message>
    <message>
        <source>Settled on the spot</source>
        <translation>当场办结</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Add category</source>
        <translation>新增类别</translation>
    </message>
    <message>
        <source>Number keys on the desk follow this order. A category settled on the spot is saved closed at once; the others enter the loop with the deadline shown.</source>
        <translation>登记时的数字键按此顺序对应。勾选“当场办结”的类别保存后直接办结；其他类别进入受理→派单→处置→反馈→回访流程，按所填工作日计算办理时限。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CliHelp</name>
    <message>
        <source>desk figures (received, closed, on-time rate, satisfaction) by category</source>
        <translation>按类别统计服务台数据（受理、办结、按时办结率、满意度）</translation>
    </message>
    <message>
        <source>first day (default: first of this month)</source>
        <translation>第一天（默认：本月 1 日）</translation>
    </message>
    <message>
        <source>last day (default: today)</source>
        <translation>最后一天（默认：今天）</translation>
    </message>
    <message>
        <source>only this station id</source>
        <translation>只统计这个站点编号</translation>
    </message>
    <message>
        <source>open desk records past their deadline (escalation list)</source>
        <translation>列出超过期限仍未办结的服务台记录（督办清单）</translation>
    </message>
    <message>
        <source>recount the desk&apos;s day figures from the records</source>
        <translation>根据记录重新统计服务台的日数据</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>Received: records received in the period (by the day they were received). Closed: of those, the ones now closed. On-time rate: of the closed ones, the share closed no later than their deadline. Satisfaction: of those followed up, the share whose latest rating is satisfied or basically satisfied. Records settled on the spot count as received, closed and on time, but not as followed up.</source>
        <translation>受理：统计期内受理的件数（按受理日期统计）。办结：其中目前已办结的件数。按时办结率：已办结件中，在办理时限内办结的比例。满意率：已回访件中，最近一次回访评价为“满意”或“基本满意”的比例。当场办结的事项计入受理、办结和按时办结，不计入回访。</translation>
    </message>
</context>
<context>
    <name>DeskAction</name>
    <message>
        <source>dispatch</source>
        <translation>派单</translation>
    </message>
    <message>
        <source>start handling</source>
        <translation>开始处置</translation>
    </message>
    <message>
        <source>resolve</source>
        <translation>反馈办理结果</translation>
    </message>
    <message>
        <source>follow up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>close</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>escalate</source>
        <translation>督办</translation>
    </message>
</context>
<context>
    <name>DeskCategories</name>
    <message>
        <source>Agency service</source>
        <translation>业务代办</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>政策咨询</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Mediation</source>
        <translation>矛盾调解</translation>
    </message>
    <message>
        <source>Legal aid</source>
        <translation>法律援助</translation>
    </message>
    <message>
        <source>Free clinic / health</source>
        <translation>义诊/健康</translation>
    </message>
    <message>
        <source>Convenience service</source>
        <translation>便民服务</translation>
    </message>
    <message>
        <source>Micro-wish</source>
        <translation>微心愿</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>DeskChannel</name>
    <message>
        <source>walk-in</source>
        <translation>来访</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>patrol finding</source>
        <translation>巡查发现</translation>
    </message>
    <message>
        <source>online</source>
        <translation>网上</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>DeskCli</name>
    <message>
        <source>desk figures {start} – {end}</source>
        <translation>来访统计 {start} – {end}</translation>
    </message>
    <message>
        <source>category</source>
        <translation>类别</translation>
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
        <source>on time</source>
        <translation>按时办结</translation>
    </message>
    <message>
        <source>followed up</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>person</source>
        <translation>来访人</translation>
    </message>
    <message>
        <source>handled by</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>(escalated)</source>
        <translation>（已上报）</translation>
    </message>
    <message>
        <source>overdue: {n}</source>
        <translation>逾期：{n} 件</translation>
    </message>
    <message>
        <source>day figures recounted: {n}</source>
        <translation>已重新统计日数据：{n} 天</translation>
    </message>
</context>
<context>
    <name>DeskContact</name>
    <message>
        <source>phone call</source>
        <translation>电话回访</translation>
    </message>
    <message>
        <source>home visit</source>
        <translation>上门回访</translation>
    </message>
    <message>
        <source>at the desk</source>
        <translation>来站当面</translation>
    </message>
    <message>
        <source>text message</source>
        <translation>短信/微信</translation>
    </message>
</context>
<context>
    <name>DeskEvent</name>
    <message>
        <source>received</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>settled on the spot</source>
        <translation>当场办结</translation>
    </message>
    <message>
        <source>dispatched</source>
        <translation>已派单</translation>
    </message>
    <message>
        <source>handling started</source>
        <translation>开始处置</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <source>followed up</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>reopened (dissatisfied)</source>
        <translation>不满意，重新处置</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>escalated</source>
        <translation>督办</translation>
    </message>
    <message>
        <source>linked as a repeat</source>
        <translation>关联为重复诉求</translation>
    </message>
    <message>
        <source>linked to resident</source>
        <translation>关联到居民档案</translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <source>— choose (1–0 or initials) —</source>
        <translation>— 请选择（按数字键或拼音首字母）—</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>新登记</translation>
    </message>
    <message>
        <source>or walk-in name</source>
        <translation>或填来访人姓名</translation>
    </message>
    <message>
        <source>phone (optional)</source>
        <translation>电话（可不填）</translation>
    </message>
    <message>
        <source>Press a number key, or type the category&apos;s initials (e.g. zc for 政策咨询).</source>
        <translation>按数字键选择，或输入类别的拼音首字母（如 zc 即“政策咨询”）。</translation>
    </message>
    <message>
        <source>What does the person need? (one line)</source>
        <translation>来访事由（一句话）</translation>
    </message>
    <message>
        <source>Details (optional)</source>
        <translation>详细情况（可不填）</translation>
    </message>
    <message>
        <source>Came earlier:</source>
        <translation>补登，来访时间：</translation>
    </message>
    <message>
        <source>Tick to log a visit afterwards with the time the person actually came.</source>
        <translation>事后补登时勾选，并填写实际来访时间。</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存（Ctrl+回车）</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>来访人</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Received today</source>
        <translation>今日登记</translation>
    </message>
    <message>
        <source>Open, by deadline</source>
        <translation>未办结（按时限排序）</translation>
    </message>
    <message>
        <source>Overdue (escalation list)</source>
        <translation>已超期（督办清单）</translation>
    </message>
    <message>
        <source>All, newest first from a date</source>
        <translation>全部（从某日往前）</translation>
    </message>
    <message>
        <source>Jump to date</source>
        <translation>跳到日期</translation>
    </message>
    <message>
        <source>Categories…</source>
        <translation>类别设置…</translation>
    </message>
    <message>
        <source>Edit categories, deadlines and which are settled on the spot</source>
        <translation>修改类别、办理时限和是否当场办结</translation>
    </message>
    <message>
        <source>{n}{more} records</source>
        <translation>共 {n}{more} 条</translation>
    </message>
    <message>
        <source>No. {id}</source>
        <translation>{id} 号</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{name} has {n} open request(s): {items}</source>
        <translation>{name} 还有 {n} 件未办结：{items}</translation>
    </message>
</context>
<context>
    <name>DeskSatisfaction</name>
    <message>
        <source>satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>dissatisfied</source>
        <translation>不满意</translation>
    </message>
</context>
<context>
    <name>DeskStatus</name>
    <message>
        <source>received</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>dispatched</source>
        <translation>已派单</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>处置中</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <source>followed up</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已办结</translation>
    </message>
</context>
<context>
    <name>DeskTable</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>来访人</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>(patrol finding)</source>
        <translation>（巡查发现）</translation>
    </message>
    <message>
        <source>{name} (walk-in){tail}</source>
        <translation>{name}（来访）{tail}</translation>
    </message>
    <message>
        <source> · overdue</source>
        <translation> · 已超期</translation>
    </message>
    <message>
        <source> · due soon</source>
        <translation> · 即将到期</translation>
    </message>
    <message>
        <source> · escalated</source>
        <translation> · 已督办</translation>
    </message>
    <message>
        <source>Closed {closed}; deadline was {due}.</source>
        <translation>{closed} 办结；时限为 {due}。</translation>
    </message>
    <message>
        <source>Deadline: {due}</source>
        <translation>办理时限：{due}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>nothing (the record is closed)</source>
        <translation>无（该记录已办结）</translation>
    </message>
    <message>
        <source>not chosen; press the category&apos;s number key or pick it from the list.</source>
        <translation>还没有选择；请按类别的数字键，或从列表中选择。</translation>
    </message>
    <message>
        <source>“{code}” is not a known category; choose one from the list.</source>
        <translation>没有“{code}”这个类别，请从列表中选择。</translation>
    </message>
    <message>
        <source>“{code}” is no longer in use; choose another category.</source>
        <translation>“{code}”类别已停用，请选择其他类别。</translation>
    </message>
    <message>
        <source>A category named “{name}” already exists.</source>
        <translation>已有名为“{name}”的类别。</translation>
    </message>
    <message>
        <source>must be a whole number of working days from 0 to 60.</source>
        <translation>必须是 0 到 60 之间的整数个工作日。</translation>
    </message>
    <message>
        <source>“{value}” is not a channel; choose walk-in, phone, patrol, online or other.</source>
        <translation>“{value}”不是有效渠道，请选择来访、电话、巡查发现、网上或其他。</translation>
    </message>
    <message>
        <source>is blank; write in one line what the person needs.</source>
        <translation>没有填写，请用一句话写明来访人要办的事。</translation>
    </message>
    <message>
        <source>a registered resident was chosen and a walk-in name or phone typed; keep only one.</source>
        <translation>既选了登记居民，又填了来访人姓名或电话，请只保留一种。</translation>
    </message>
    <message>
        <source>nobody chosen; pick a registered resident (Enter) or type the walk-in&apos;s name.</source>
        <translation>还没有选择来访人：请搜索居民后按回车选中，或填写来访人姓名。</translation>
    </message>
    <message>
        <source>nobody chosen; pick a registered resident (Enter) or type the walk-in&apos;s name. Still empty as well: {others}.</source>
        <translation>还没有选择；请选择已登记的居民（回车），或填写来访人姓名。同样还没填写的：{others}。</translation>
    </message>
    <message>
        <source>not chosen; press the category&apos;s number key or pick it from the list. Still empty as well: {others}.</source>
        <translation>还没有选择；请按类别的数字键，或从列表中选择。同样还没填写的：{others}。</translation>
    </message>
    <message>
        <source>has no time zone; this is a program error.</source>
        <translation>缺少时区信息，这是程序错误。</translation>
    </message>
    <message>
        <source>{value} is in the future; enter when the person actually came.</source>
        <translation>{value} 是将来的时间，请填写实际来访时间。</translation>
    </message>
    <message>
        <source>cannot be before the year 2000; check the date.</source>
        <translation>不能早于 2000 年，请检查日期。</translation>
    </message>
    <message>
        <source>Desk record No. {id} does not exist.</source>
        <translation>登记记录 {id} 号不存在。</translation>
    </message>
    <message>
        <source>Record No. {id} is already closed, so you cannot {action} it. If the matter came back, log a new record and link it as a repeat.</source>
        <translation>{id} 号记录已办结，不能再{action}。如果问题再次出现，请新登记一条并关联为重复诉求。</translation>
    </message>
    <message>
        <source>Record No. {id} is {status}, so you cannot {action} it now. Possible next steps: {next}.</source>
        <translation>{id} 号记录目前{status}，现在不能{action}。下一步可以：{next}。</translation>
    </message>
    <message>
        <source>Record No. {id} is {status}: follow up with the resident only after it is resolved.</source>
        <translation>{id} 号记录目前{status}，要等办理结果反馈后才能回访。</translation>
    </message>
    <message>
        <source>{value} is in the future; enter when it actually happened.</source>
        <translation>{value} 是将来的时间，请填写实际发生的时间。</translation>
    </message>
    <message>
        <source>is before the record was received ({value}); check the time.</source>
        <translation>早于受理时间（{value}），请检查。</translation>
    </message>
    <message>
        <source>is blank; write who will handle it (a staff member, grid worker or unit).</source>
        <translation>没有填写，请写明由谁承办（工作人员、网格员或单位）。</translation>
    </message>
    <message>
        <source>is blank; write what was done for the resident.</source>
        <translation>没有填写，请写明为居民做了什么。</translation>
    </message>
    <message>
        <source>choose satisfied, basically satisfied or dissatisfied.</source>
        <translation>请选择满意、基本满意或不满意。</translation>
    </message>
    <message>
        <source>choose phone call, home visit, at the desk or text message.</source>
        <translation>请选择电话回访、上门回访、来站当面或短信/微信。</translation>
    </message>
    <message>
        <source>is blank; write what the resident is still unhappy about, so it can be handled again.</source>
        <translation>没有填写，请写明居民哪里还不满意，以便重新处置。</translation>
    </message>
    <message>
        <source>is blank; write what must happen and by when.</source>
        <translation>没有填写，请写明督办要求和完成时间。</translation>
    </message>
    <message>
        <source>a record cannot be a repeat of itself; choose an earlier record.</source>
        <translation>不能关联到自己，请选择更早的一条记录。</translation>
    </message>
    <message>
        <source>No. {id} was received later; link the newer record to the older one.</source>
        <translation>{id} 号受理得更晚，请把新记录关联到旧记录上。</translation>
    </message>
    <message>
        <source>Records No. {a} and No. {b} are about different people; only the same person&apos;s requests can be linked.</source>
        <translation>{a} 号和 {b} 号不是同一个人的事，只能关联同一人的诉求。</translation>
    </message>
    <message>
        <source>Record No. {id} already belongs to a registered resident.</source>
        <translation>{id} 号记录已经关联了居民档案。</translation>
    </message>
    <message>
        <source>starts on {start}, after it ends ({end}); swap the dates.</source>
        <translation>开始日期 {start} 晚于结束日期 {end}，请对调。</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Resident</source>
        <translation>来访人</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>来访人</translation>
    </message>
    <message>
        <source>Walk-in name</source>
        <translation>来访人姓名</translation>
    </message>
    <message>
        <source>Walk-in phone</source>
        <translation>来访人电话</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细情况</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Dispatched to</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Contacted by</source>
        <translation>回访方式</translation>
    </message>
    <message>
        <source>Resident&apos;s comment</source>
        <translation>居民意见</translation>
    </message>
    <message>
        <source>Earlier record</source>
        <translation>原记录</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计期</translation>
    </message>
    <message>
        <source>Deadline (working days)</source>
        <translation>办理时限（工作日）</translation>
    </message>
    <message>
        <source>Category name</source>
        <translation>类别名称</translation>
    </message>
    <message>
        <source>Time of the step</source>
        <translation>办理时间</translation>
    </message>
</context>
<context>
    <name>FiguresBox</name>
    <message>
        <source>Figures</source>
        <translation>统计</translation>
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
        <source>On-time rate</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Satisfaction rate</source>
        <translation>满意率</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>How are these counted?</source>
        <translation>统计口径</translation>
    </message>
    <message>
        <source>All stations</source>
        <translation>全部站点</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>{start} – {end}: received {received:,}, closed {closed:,}, on-time rate {ontime}, satisfaction {sat}.</source>
        <translation>{start} 至 {end}：受理 {received:,} 件，办结 {closed:,} 件，按时办结率 {ontime}，满意率 {sat}。</translation>
    </message>
</context>
<context>
    <name>LinkRepeatDialog</name>
    <message>
        <source>Link record No. {id} to an earlier request</source>
        <translation>把 {id} 号关联到之前的诉求</translation>
    </message>
    <message>
        <source>No. {id}</source>
        <translation>{id} 号</translation>
    </message>
    <message>
        <source>Earlier records of the same person in the past year:</source>
        <translation>此人近一年的登记记录：</translation>
    </message>
    <message>
        <source>This person has no earlier records in the past year.</source>
        <translation>此人近一年没有其他登记记录。</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>关联</translation>
    </message>
</context>
<context>
    <name>LinkResidentDialog</name>
    <message>
        <source>Link record No. {id} to a resident</source>
        <translation>把 {id} 号关联到居民档案</translation>
    </message>
    <message>
        <source>Walk-in: {name} {phone}</source>
        <translation>来访人：{name} {phone}</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>关联</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Service desk</source>
        <translation>来访登记</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>record visits</source>
        <translation>登记来访</translation>
    </message>
    <message>
        <source>view desk records</source>
        <translation>查看来访登记</translation>
    </message>
    <message>
        <source>handle requests through the loop</source>
        <translation>办理诉求（派单、处置、反馈、回访、办结）</translation>
    </message>
    <message>
        <source>escalate overdue requests</source>
        <translation>督办超期诉求</translation>
    </message>
    <message>
        <source>edit desk categories</source>
        <translation>修改来访类别</translation>
    </message>
    <message>
        <source>see desk figures</source>
        <translation>查看来访统计</translation>
    </message>
</context>
<context>
    <name>RecordDetail</name>
    <message>
        <source>Selected record</source>
        <translation>选中的记录</translation>
    </message>
    <message>
        <source>Select a record in the list to see its timeline.</source>
        <translation>在左侧列表中选中一条记录，查看办理过程。</translation>
    </message>
    <message>
        <source>Dispatch…</source>
        <translation>派单…</translation>
    </message>
    <message>
        <source>Start handling…</source>
        <translation>开始处置…</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>反馈结果…</translation>
    </message>
    <message>
        <source>Follow up…</source>
        <translation>回访…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>办结…</translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation>督办…</translation>
    </message>
    <message>
        <source>Link repeat…</source>
        <translation>关联重复诉求…</translation>
    </message>
    <message>
        <source>Link to resident…</source>
        <translation>关联居民档案…</translation>
    </message>
    <message>
        <source>No. {id}</source>
        <translation>{id} 号</translation>
    </message>
    <message>
        <source>Status: {s}</source>
        <translation>状态：{s}</translation>
    </message>
    <message>
        <source>deadline {due}</source>
        <translation>时限 {due}</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>repeat of No. {id}</source>
        <translation>重复诉求，原件 {id} 号</translation>
    </message>
    <message>
        <source>to {who}</source>
        <translation>交 {who}</translation>
    </message>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Dispatch record No. {id}</source>
        <translation>{id} 号派单</translation>
    </message>
    <message>
        <source>Start handling record No. {id}</source>
        <translation>{id} 号开始处置</translation>
    </message>
    <message>
        <source>Resolve record No. {id}</source>
        <translation>{id} 号反馈办理结果</translation>
    </message>
    <message>
        <source>Follow up record No. {id}</source>
        <translation>{id} 号回访</translation>
    </message>
    <message>
        <source>Close record No. {id}</source>
        <translation>{id} 号办结</translation>
    </message>
    <message>
        <source>Escalate record No. {id}</source>
        <translation>{id} 号督办</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>staff member, grid worker or unit, e.g. 网格员 王芳</source>
        <translation>工作人员、网格员或单位，如：网格员 王芳</translation>
    </message>
    <message>
        <source>Dispatch to</source>
        <translation>派给</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>what was done for the resident</source>
        <translation>为居民做了什么</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>Contacted by</source>
        <translation>回访方式</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>what the resident said (required when dissatisfied)</source>
        <translation>居民怎么说（不满意时必填）</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>居民意见</translation>
    </message>
    <message>
        <source>what must happen, and by when</source>
        <translation>督办要求和完成时间</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>督办要求</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>_RecordDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>

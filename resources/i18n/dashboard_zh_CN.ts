<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DashboardPage</name>
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
        <source>Station</source>
        <translation>驿站</translation>
    </message>
    <message>
        <source>Period of the charts</source>
        <translation>图表统计期</translation>
    </message>
    <message>
        <source>Last 6 months</source>
        <translation>近 6 个月</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>近 12 个月</translation>
    </message>
    <message>
        <source>Last 24 months</source>
        <translation>近 24 个月</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Patrols today</source>
        <translation>今日巡逻</translation>
    </message>
    <message>
        <source>Meals and welfare checks</source>
        <translation>助餐与安全确认</translation>
    </message>
    <message>
        <source>Desk requests</source>
        <translation>来访诉求</translation>
    </message>
    <message>
        <source>Stamps today</source>
        <translation>今日盖章</translation>
    </message>
    <message>
        <source>Certificates waiting</source>
        <translation>待办证书</translation>
    </message>
    <message>
        <source>All stations</source>
        <translation>全部站点</translation>
    </message>
    <message>
        <source>{n} volunteer hours entries are not yet recorded in the national volunteer system: {late} past the 10-working-day deadline, {soon} due within 3 working days (Rosters → National system).</source>
        <translation>有{n}条志愿服务时长尚未录入全国志愿服务信息系统：{late}条已超过10个工作日期限，{soon}条将在3个工作日内到期（志愿排班 → 全国系统）。</translation>
    </message>
    <message>
        <source>{n} patrol(s) nobody checked out of were closed at the scheduled end; a coordinator confirms or corrects them (Rosters → Hours).</source>
        <translation>有{n}次巡逻无人签退，已按计划结束时间自动结束；请协调员确认或更正（志愿排班 → 服务时长）。</translation>
    </message>
    <message>
        <source>Today, {day} ({weekday})</source>
        <translation>今天：{day}（{weekday}）</translation>
    </message>
    <message>
        <source>not part of this installation</source>
        <translation>本系统未安装此功能</translation>
    </message>
    <message>
        <source>{covered} of {shifts} fully staffed, {short} short; {n} checked in</source>
        <translation>{shifts} 班中 {covered} 班人员到位，{short} 班缺人；已签到 {n} 人</translation>
    </message>
    <message>
        <source>{done} of {n} meals done; welfare checks open: {open} ({late} from earlier days)</source>
        <translation>已完成 {done}/{n} 份；未结束的安全确认 {open} 件（其中往日 {late} 件）</translation>
    </message>
    <message>
        <source>open, {overdue} overdue; {today} received today</source>
        <translation>件未办结，其中超期 {overdue} 件；今日受理 {today} 件</translation>
    </message>
    <message>
        <source>residents stamped today: {n}</source>
        <translation>今日盖章居民：{n} 位</translation>
    </message>
    <message>
        <source>requests to issue; {n} issued but not printed</source>
        <translation>份待出具；已出具未打印 {n} 份</translation>
    </message>
    <message>
        <source>Desk records by category</source>
        <translation>各类来访登记</translation>
    </message>
    <message>
        <source>Closure and on-time rates (%)</source>
        <translation>办结率与按时办结率（%）</translation>
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
        <source>Volunteer hours</source>
        <translation>志愿服务时长</translation>
    </message>
    <message>
        <source>Meals served</source>
        <translation>供餐份数</translation>
    </message>
    <message>
        <source>Stamps awarded</source>
        <translation>盖章数</translation>
    </message>
    <message>
        <source>No records in these months yet.</source>
        <translation>这几个月还没有记录。</translation>
    </message>
    <message>
        <source>other categories</source>
        <translation>其他类别</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Months shown</source>
        <translation>显示月数</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>see the home page figures</source>
        <translation>查看首页统计</translation>
    </message>
</context>
</TS>

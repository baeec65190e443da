<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddVolunteerDialog</name>
    <message>
        <source>Add a volunteer to the team</source>
        <translation>添加队员</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>Patrols</source>
        <translation>巡逻排班</translation>
    </message>
    <message>
        <source>{team}, {day}: {n} patrol(s) become holiday patrols ({name}); at least {before} → {after} people; hours ×{mb} → ×{ma}</source>
        <translation>{team}，{day}：{n}个班次改为节假日班次（{name}）；最少人数 {before} → {after}；时长系数 ×{mb} → ×{ma}</translation>
    </message>
    <message>
        <source>{team}, {day}: {n} patrol(s) are no longer holiday patrols; at least {before} → {after} people; hours ×{mb} → ×{ma}</source>
        <translation>{team}，{day}：{n}个班次不再是节假日班次；最少人数 {before} → {after}；时长系数 ×{mb} → ×{ma}</translation>
    </message>
    <message>
        <source>{team}, {day}: {n} patrol(s) follow the calendar ({name}); at least {before} → {after} people</source>
        <translation>{team}，{day}：{n}个班次按日历更新（{name}）；最少人数 {before} → {after}</translation>
    </message>
</context>
<context>
    <name>CliHelp</name>
    <message>
        <source>create the shifts of a month and fill them (explains any shortfall)</source>
        <translation>生成一个月的班次并排满（排不满时说明原因）</translation>
    </message>
    <message>
        <source>YYYY-MM</source>
        <translation>月份，例如 2026-12</translation>
    </message>
    <message>
        <source>team name (default: every patrol team)</source>
        <translation>队伍名称（默认：全部巡逻队）</translation>
    </message>
    <message>
        <source>CP-SAT time limit after the greedy fill</source>
        <translation>初步排班之后继续优化的时间上限（秒）</translation>
    </message>
    <message>
        <source>solve and report, save nothing</source>
        <translation>只排班并报告结果，不保存</translation>
    </message>
    <message>
        <source>staff account the change is logged under (default: the first administrator)</source>
        <translation>记入日志的工作人员账号（默认：第一个管理员）</translation>
    </message>
    <message>
        <source>print a day&apos;s patrols as text for the team&apos;s WeChat group</source>
        <translation>把一天的巡逻安排输出为文字，发到队伍的微信群</translation>
    </message>
    <message>
        <source>default: tomorrow</source>
        <translation>默认：明天</translation>
    </message>
    <message>
        <source>team name (default: every team)</source>
        <translation>队伍名称（默认：全部队伍）</translation>
    </message>
    <message>
        <source>close patrols nobody checked out of, two hours after their end (hours credited, flagged for a coordinator)</source>
        <translation>结束两小时后仍无人签退的巡逻自动结束（照记时长，并标记给协调员查看）</translation>
    </message>
    <message>
        <source>hours not yet recorded in the national volunteer system, with their deadlines, in the national system&apos;s columns (.xlsx or .csv)</source>
        <translation>尚未录入全国志愿服务信息系统的时长及录入期限，按该系统的列导出（.xlsx 或 .csv）</translation>
    </message>
    <message>
        <source>file to write (.xlsx or .csv)</source>
        <translation>要写出的文件（.xlsx 或 .csv）</translation>
    </message>
    <message>
        <source>staff account the export is logged under (default: the first administrator)</source>
        <translation>记入日志的工作人员账号（默认：第一个管理员）</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>nobody chosen; type a name and pick the resident from the list.</source>
        <translation>还没有选人；请输入姓名并从列表中选择居民。</translation>
    </message>
    <message>
        <source>That team no longer exists.</source>
        <translation>该队伍已不存在。</translation>
    </message>
    <message>
        <source>That volunteer no longer exists.</source>
        <translation>该志愿者已不存在。</translation>
    </message>
    <message>
        <source>That shift no longer exists.</source>
        <translation>该班次已不存在。</translation>
    </message>
    <message>
        <source>there is no team yet: create one first with “New team…” on the Team tab.</source>
        <translation>还没有队伍：请先在“队伍”页点“新建队伍…”建立一支。</translation>
    </message>
    <message>
        <source>is before the start date; swap the two dates.</source>
        <translation>早于开始日期；请把两个日期对调。</translation>
    </message>
    <message>
        <source>is more than a year after the start; plan at most a year at a time.</source>
        <translation>距开始日期超过一年；一次最多安排一年。</translation>
    </message>
    <message>
        <source>choose one of the listed kinds of team.</source>
        <translation>请从列出的队伍类型中选择。</translation>
    </message>
    <message>
        <source>A team called {name} already exists.</source>
        <translation>已有名为“{name}”的队伍。</translation>
    </message>
    <message>
        <source>That shift template no longer exists.</source>
        <translation>该班次模板已不存在。</translation>
    </message>
    <message>
        <source>at most {n} qualifications for each kind of requirement.</source>
        <translation>每类要求最多{n}项资质。</translation>
    </message>
    <message>
        <source>“{name}” is longer than 50 characters.</source>
        <translation>“{name}”超过50个字。</translation>
    </message>
    <message>
        <source>the end must be after the start.</source>
        <translation>结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>must be between 0 and 50.</source>
        <translation>必须在 0 到 50 之间。</translation>
    </message>
    <message>
        <source>the maximum must not be below the minimum.</source>
        <translation>最多人数不能少于最少人数。</translation>
    </message>
    <message>
        <source>choose team leader or member.</source>
        <translation>请选择队长或队员。</translation>
    </message>
    <message>
        <source>That resident no longer exists.</source>
        <translation>该居民已不存在。</translation>
    </message>
    <message>
        <source>{name} is already in {team}.</source>
        <translation>{name}已经是{team}的成员。</translation>
    </message>
    <message>
        <source>This volunteer is not in that team.</source>
        <translation>该志愿者不在这个队伍中。</translation>
    </message>
    <message>
        <source>must be between 0 and 7 (one patrol a day at most).</source>
        <translation>必须在 0 到 7 之间（每天最多一班）。</translation>
    </message>
    <message>
        <source>must be between 0 and 31.</source>
        <translation>必须在 0 到 31 之间。</translation>
    </message>
    <message>
        <source>choose Monday to Sunday.</source>
        <translation>请选择周一到周日。</translation>
    </message>
    <message>
        <source>choose morning, afternoon or evening.</source>
        <translation>请选择早班、午班或晚班。</translation>
    </message>
    <message>
        <source>choose unavailable, preferred or available.</source>
        <translation>请选择不能来、优先或可以来。</translation>
    </message>
    <message>
        <source>choose someone else as the partner.</source>
        <translation>搭档请选择另一个人。</translation>
    </message>
    <message>
        <source>That skill was already removed.</source>
        <translation>该技能已被删除。</translation>
    </message>
    <message>
        <source>This team has no shift templates; add the daily shifts first.</source>
        <translation>该队伍还没有班次模板；请先设置每天的班次。</translation>
    </message>
    <message>
        <source>choose at least one team.</source>
        <translation>请至少选择一个队伍。</translation>
    </message>
    <message>
        <source>{start} to {end} is in the past; past rosters are not planned again.</source>
        <translation>{start} 至 {end} 已经过去；过去的排班不再重新安排。</translation>
    </message>
    <message>
        <source>There are no shifts from {start} to {end}; generate them first.</source>
        <translation>{start} 至 {end} 没有班次；请先生成班次。</translation>
    </message>
    <message>
        <source>The roster breaks {count} rule(s) and was not saved: {first}</source>
        <translation>排班违反 {count} 条规则，未保存：{first}</translation>
    </message>
    <message>
        <source>Not allowed: {reasons}</source>
        <translation>不能这样安排：{reasons}</translation>
    </message>
    <message>
        <source>{name} is already on this patrol.</source>
        <translation>{name}已经在这个班次里。</translation>
    </message>
    <message>
        <source>{name} is not an active member of this team.</source>
        <translation>{name}不是本队在册队员。</translation>
    </message>
    <message>
        <source>{name} is not on this patrol.</source>
        <translation>{name}不在这个班次里。</translation>
    </message>
    <message>
        <source>{name} is locked on this patrol; unlock the cell first.</source>
        <translation>{name}在这个班次已锁定；请先解锁。</translation>
    </message>
    <message>
        <source>{name} has already checked in or been marked for this patrol.</source>
        <translation>{name}已签到或已登记出勤情况。</translation>
    </message>
    <message>
        <source>Not allowed: {name} is the only team leader on this patrol; find cover first.</source>
        <translation>不能移除：{name}是本班唯一的队长，请先找人顶班。</translation>
    </message>
    <message>
        <source>Not allowed: the patrol would drop below its minimum of {min}; find cover first.</source>
        <translation>不能移除：本班人数将少于最少 {min} 人，请先找人顶班。</translation>
    </message>
    <message>
        <source>Not allowed: {name} is the only one on this patrol holding {skill}; find cover first.</source>
        <translation>不允许：{name}是本班次唯一持有{skill}的人，请先找人替班。</translation>
    </message>
    <message>
        <source>choose at the desk, by scanning, or on the volunteer&apos;s behalf.</source>
        <translation>请选择前台签到、扫码签到或代为签到。</translation>
    </message>
    <message>
        <source>This patrol is on {day} {start}–{end}; check-in is open from two hours before to two hours after.</source>
        <translation>该班次在 {day} {start}–{end}；签到时间为开始前两小时至结束后两小时。</translation>
    </message>
    <message>
        <source>{name} checked in already at {time}.</source>
        <translation>{name}已于 {time} 签到。</translation>
    </message>
    <message>
        <source>{name} has not checked in to this patrol.</source>
        <translation>{name}还没有签到。</translation>
    </message>
    <message>
        <source>{name} checked out already.</source>
        <translation>{name}已经签退。</translation>
    </message>
    <message>
        <source>is before the check-in time.</source>
        <translation>早于签到时间。</translation>
    </message>
    <message>
        <source>{name} checked in; a person who came cannot be a no-show.</source>
        <translation>{name}已签到，到岗的人不能记为缺勤。</translation>
    </message>
    <message>
        <source>must be a whole number of minutes, not zero, at most a day (1440) either way.</source>
        <translation>必须是整数分钟，不能为零，增减都不超过一天（1440 分钟）。</translation>
    </message>
    <message>
        <source>The entry to correct does not exist for this volunteer.</source>
        <translation>要更正的记录不存在或不属于该志愿者。</translation>
    </message>
    <message>
        <source>would make the total negative ({total} minutes recorded).</source>
        <translation>会使累计时长为负（现有 {total} 分钟）。</translation>
    </message>
    <message>
        <source>choose holiday or evening.</source>
        <translation>请选择节假日或晚班。</translation>
    </message>
    <message>
        <source>must be between 1 and 3.</source>
        <translation>必须在 1 到 3 之间。</translation>
    </message>
    <message>
        <source>choose one of the listed categories.</source>
        <translation>请从列出的类别中选择。</translation>
    </message>
    <message>
        <source>That finding no longer exists.</source>
        <translation>该巡查发现已不存在。</translation>
    </message>
    <message>
        <source>This finding already opened desk record {id}.</source>
        <translation>该巡查发现已生成服务台记录 {id}。</translation>
    </message>
    <message>
        <source>cannot be negative.</source>
        <translation>不能为负数。</translation>
    </message>
    <message>
        <source>That check-in no longer exists.</source>
        <translation>该签到记录已不存在。</translation>
    </message>
    <message>
        <source>This check-out was already confirmed or corrected.</source>
        <translation>该签退已被确认或更正过。</translation>
    </message>
    <message>
        <source>must be between the check-in ({start}) and twelve hours after the patrol&apos;s end ({end}).</source>
        <translation>必须在签到时间（{start}）与班次结束（{end}）后十二小时之间。</translation>
    </message>
    <message>
        <source>choose the entries recorded in the national system.</source>
        <translation>请选择已录入全国系统的记录。</translation>
    </message>
    <message>
        <source>cannot be in the future.</source>
        <translation>不能是将来的日期。</translation>
    </message>
    <message>
        <source>Someone else marked some of these entries as recorded just now; look at the list again.</source>
        <translation>其他人刚刚已把其中部分记录标记为已录入；请重新查看列表。</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Team name</source>
        <translation>队名</translation>
    </message>
    <message>
        <source>Kind of team</source>
        <translation>队伍类型</translation>
    </message>
    <message>
        <source>Role in the team</source>
        <translation>队内职务</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Patrols per week</source>
        <translation>每周班次</translation>
    </message>
    <message>
        <source>Patrols per month</source>
        <translation>每月班次</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Shift times</source>
        <translation>班次时间</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Skill or qualification</source>
        <translation>技能或资质</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟数</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Multiplier</source>
        <translation>折算系数</translation>
    </message>
    <message>
        <source>Minimum hours</source>
        <translation>最少时长</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>路线</translation>
    </message>
    <message>
        <source>Check-in method</source>
        <translation>签到方式</translation>
    </message>
    <message>
        <source>Check-out time</source>
        <translation>签退时间</translation>
    </message>
    <message>
        <source>Left at</source>
        <translation>离开时间</translation>
    </message>
    <message>
        <source>Hours entries</source>
        <translation>时长记录</translation>
    </message>
    <message>
        <source>Recorded on</source>
        <translation>录入日期</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <source>Patrol finding</source>
        <translation>巡查发现</translation>
    </message>
    <message>
        <source>e.g. Building 3, unit 2 stairwell</source>
        <translation>例如：3栋2单元楼道</translation>
    </message>
    <message>
        <source>Open a desk record so it is dispatched and followed up</source>
        <translation>同时生成服务台记录，进入派单、处置、回访流程</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>FindingsTab</name>
    <message>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Desk record</source>
        <translation>服务台记录</translation>
    </message>
    <message>
        <source>Open a desk record</source>
        <translation>生成服务台记录</translation>
    </message>
    <message>
        <source>Desk record #{id} opened; it follows the usual loop.</source>
        <translation>已生成服务台记录 #{id}，按正常流程派单处置。</translation>
    </message>
</context>
<context>
    <name>HoursDialog</name>
    <message>
        <source>Service hours: {name}</source>
        <translation>服务时长：{name}</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>why, e.g. forgot to check out</source>
        <translation>原因，例如：忘记签退</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Served {served:.1f} h; credited {credited:.1f} h</source>
        <translation>实际服务 {served:.1f} 小时；折算后 {credited:.1f} 小时</translation>
    </message>
</context>
<context>
    <name>HoursTab</name>
    <message>
        <source>Closed automatically: nobody checked out; confirm or correct</source>
        <translation>自动结束：无人签退；请确认或更正</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>结束于</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Really left at</source>
        <translation>实际离开时间</translation>
    </message>
    <message>
        <source>why (optional), e.g. left early, unwell</source>
        <translation>原因（选填），如：身体不适提前离开</translation>
    </message>
    <message>
        <source>Confirm: left at the end</source>
        <translation>确认：按时结束</translation>
    </message>
    <message>
        <source>Correct the time</source>
        <translation>更正时间</translation>
    </message>
    <message>
        <source>Hour multipliers (credit for holiday and evening patrols)</source>
        <translation>时长系数（节假日和晚班巡逻的记时倍数）</translation>
    </message>
    <message>
        <source>Holiday patrols</source>
        <translation>节假日巡逻</translation>
    </message>
    <message>
        <source>Evening patrols</source>
        <translation>晚班巡逻</translation>
    </message>
    <message>
        <source>Save multipliers</source>
        <translation>保存系数</translation>
    </message>
    <message>
        <source>The larger applies when both do. Hours credited from now on use them; entries already in the ledger keep theirs.</source>
        <translation>两者都适用时取较大者。此后记入的时长按新系数计算；台账中已有的记录保持原系数。</translation>
    </message>
</context>
<context>
    <name>MonthTab</name>
    <message>
        <source>Patrols of the month</source>
        <translation>本月巡逻班次</translation>
    </message>
    <message>
        <source>On this patrol</source>
        <translation>本班人员</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Lock / unlock</source>
        <translation>锁定/解锁</translation>
    </message>
    <message>
        <source>Who can take it (best first):</source>
        <translation>可以顶班的人（最合适的在前）：</translation>
    </message>
    <message>
        <source>Add to patrol</source>
        <translation>加入本班</translation>
    </message>
    <message>
        <source>Swap…</source>
        <translation>交换…</translation>
    </message>
    <message>
        <source>Pick a person here, press Swap, then pick a person in another patrol and press again</source>
        <translation>先在这里选一个人按“交换”，再到另一个班次选一个人再按一次</translation>
    </message>
    <message>
        <source>Drops out: repair</source>
        <translation>临时缺岗：补位</translation>
    </message>
    <message>
        <source>The selected person cannot come: take them off and find cover, changing as little as possible</source>
        <translation>选中的人来不了：移出本班并找人补位，尽量少改动</translation>
    </message>
    <message>
        <source>Why patrols are short</source>
        <translation>缺人原因</translation>
    </message>
    <message>
        <source>After filling the month, shortfalls are explained here.</source>
        <translation>自动排班后，排不满的原因会显示在这里。</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>short or no leader</source>
        <translation>缺人或缺队长</translation>
    </message>
    <message>
        <source>covered</source>
        <translation>已排满</translation>
    </message>
    <message>
        <source>full</source>
        <translation>满员</translation>
    </message>
    <message>
        <source>team leader</source>
        <translation>队长</translation>
    </message>
    <message>
        <source>[locked]</source>
        <translation>【锁】</translation>
    </message>
    <message>
        <source>kept when the month is filled again</source>
        <translation>重新排班时保留</translation>
    </message>
    <message>
        <source>{n} patrol(s) this month are short of people or of a leader.</source>
        <translation>本月有 {n} 个班次缺人或缺队长。</translation>
    </message>
    <message>
        <source>no leader</source>
        <translation>缺队长</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>还没有人</translation>
    </message>
    <message>
        <source>Click a patrol in the grid to see who is on it and who could cover.</source>
        <translation>点击表中的班次，查看在班人员和可以顶班的人。</translation>
    </message>
    <message>
        <source>{day} {period} {start}–{end}: {count} of {min}–{max}</source>
        <translation>{day} {period} {start}–{end}：{count} 人（需 {min}–{max} 人）</translation>
    </message>
    <message>
        <source> · {n} this month</source>
        <translation> · 本月 {n} 班</translation>
    </message>
    <message>
        <source>Remove anyway and leave the patrol short?</source>
        <translation>仍然移除，让这个班次缺人吗？</translation>
    </message>
    <message>
        <source>{name} taken off; {added} place(s) refilled, {left} still short.</source>
        <translation>已移出{name}；补上 {added} 个位置，仍缺 {left} 个。</translation>
    </message>
    <message>
        <source>Swap with {name}</source>
        <translation>与{name}交换</translation>
    </message>
</context>
<context>
    <name>NationalTab</name>
    <message>
        <source>Hours not yet recorded in the national volunteer system</source>
        <translation>尚未录入全国志愿服务信息系统的时长</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>录入期限</translation>
    </message>
    <message>
        <source>Served on</source>
        <translation>服务日期</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Team and shift</source>
        <translation>队伍与班次</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>服务时长（小时）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Export for the national system…</source>
        <translation>导出供全国系统录入…</translation>
    </message>
    <message>
        <source>Recorded on</source>
        <translation>录入日期</translation>
    </message>
    <message>
        <source>Mark selected as recorded</source>
        <translation>将选中的标记为已录入</translation>
    </message>
    <message>
        <source>{n} hours entries are not yet recorded in the national volunteer system (10 working days are allowed): {late} past the deadline, {soon} due within 3 working days. Enter them there, then mark them here.</source>
        <translation>有{n}条时长尚未录入全国志愿服务信息系统（应在10个工作日内录入）：{late}条已超期，{soon}条将在3个工作日内到期。请在全国系统中录入后，在此标记。</translation>
    </message>
    <message>
        <source>Every volunteer&apos;s hours are recorded in the national volunteer system.</source>
        <translation>所有志愿者的服务时长均已录入全国志愿服务信息系统。</translation>
    </message>
    <message>
        <source>correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>hours for the national system-{day}.xlsx</source>
        <translation>全国志愿服务信息系统待录入时长-{day}.xlsx</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 文件 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>{n} entries saved to {path}</source>
        <translation>已保存{n}条记录到 {path}</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Volunteer rosters</source>
        <translation>志愿排班</translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <source>morning</source>
        <translation>早班</translation>
    </message>
    <message>
        <source>afternoon</source>
        <translation>午班</translation>
    </message>
    <message>
        <source>evening</source>
        <translation>晚班</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>view rosters and volunteers</source>
        <translation>查看排班和志愿者</translation>
    </message>
    <message>
        <source>manage teams, volunteers and rosters</source>
        <translation>管理队伍、志愿者和排班</translation>
    </message>
    <message>
        <source>check volunteers in and out</source>
        <translation>为志愿者签到签退</translation>
    </message>
    <message>
        <source>check in on behalf of volunteers and mark no-shows</source>
        <translation>代签到和登记缺勤</translation>
    </message>
    <message>
        <source>correct volunteer hours</source>
        <translation>更正志愿服务时长</translation>
    </message>
    <message>
        <source>record patrol findings</source>
        <translation>登记巡查发现</translation>
    </message>
    <message>
        <source>read service hours for certificates</source>
        <translation>读取服务时长用于开具证明</translation>
    </message>
</context>
<context>
    <name>Rosters</name>
    <message>
        <source>{day} {period}: {count} people, more than the maximum of {max}.</source>
        <translation>{day} {period}：{count} 人，超过最多 {max} 人。</translation>
    </message>
    <message>
        <source>{name} is not an active volunteer.</source>
        <translation>{name}不是在册志愿者。</translation>
    </message>
    <message>
        <source>{name} is not a member of this team.</source>
        <translation>{name}不是本队队员。</translation>
    </message>
    <message>
        <source>{name} is on leave on {day}.</source>
        <translation>{name}在 {day} 请假。</translation>
    </message>
    <message>
        <source>{name} is not available on this weekday for the {period} patrol.</source>
        <translation>{name}这一天不能上{period}。</translation>
    </message>
    <message>
        <source>{name} does not do evening patrols.</source>
        <translation>{name}不排晚班。</translation>
    </message>
    <message>
        <source>{name} must not patrol alone on {day} {period}.</source>
        <translation>{name}不能单独巡逻（{day} {period}）。</translation>
    </message>
    <message>
        <source>{name} already has a patrol on {day} (at most one a day).</source>
        <translation>{name}在 {day} 已有班次（每天最多一班）。</translation>
    </message>
    <message>
        <source>{name} patrols the evening before {day}; no morning patrol right after.</source>
        <translation>{name}在 {day} 前一天上晚班，第二天不能紧接早班。</translation>
    </message>
    <message>
        <source>{name} has {count} patrols in week {week}; the limit is {limit}.</source>
        <translation>{name}第 {week} 周已有 {count} 班，上限 {limit} 班。</translation>
    </message>
    <message>
        <source>{name} has {count} patrols in {year}-{month:02d}; the limit is {limit}.</source>
        <translation>{name}在 {year}年{month}月已有 {count} 班，上限 {limit} 班。</translation>
    </message>
    <message>
        <source>The locked assignment of {name} was removed.</source>
        <translation>{name}的锁定班次被移除了。</translation>
    </message>
    <message>
        <source>{name}&apos;s {skill} expired on {expired}; everyone on the patrol of {day} must hold it.</source>
        <translation>{name}的{skill}已于{expired}过期；{day}的这个班次要求每人都持有。</translation>
    </message>
    <message>
        <source>{name} does not hold {skill}, which everyone on the patrol of {day} must hold.</source>
        <translation>{name}没有{skill}，而{day}的这个班次要求每人都持有。</translation>
    </message>
    <message>
        <source>patrol</source>
        <translation>巡逻</translation>
    </message>
    <message>
        <source>meal delivery</source>
        <translation>送餐</translation>
    </message>
    <message>
        <source>garbage sorting</source>
        <translation>垃圾分类</translation>
    </message>
    <message>
        <source>elderly care</source>
        <translation>关爱老人</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>team leader</source>
        <translation>队长</translation>
    </message>
    <message>
        <source>member</source>
        <translation>队员</translation>
    </message>
    <message>
        <source>safety hazard</source>
        <translation>安全隐患</translation>
    </message>
    <message>
        <source>illegal parking</source>
        <translation>乱停放</translation>
    </message>
    <message>
        <source>e-bike charging in a stairwell</source>
        <translation>电动车楼道充电</translation>
    </message>
    <message>
        <source>facility damage</source>
        <translation>设施损坏</translation>
    </message>
    <message>
        <source>sanitation</source>
        <translation>环境卫生</translation>
    </message>
    <message>
        <source>other finding</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>lacks a qualification the patrol requires</source>
        <translation>缺少班次要求的资质</translation>
    </message>
    <message>
        <source>checked out</source>
        <translation>签退</translation>
    </message>
    <message>
        <source>patrol closed: planned time</source>
        <translation>结束巡逻：按计划时长</translation>
    </message>
    <message>
        <source>no check-out: closed at the scheduled end</source>
        <translation>未签退：按计划结束时间自动结束</translation>
    </message>
    <message>
        <source>the patrol on {day} would lose its only team leader.</source>
        <translation>{day} 的班次将没有队长。</translation>
    </message>
    <message>
        <source>the patrol on {day} would lose the only person holding {skill}.</source>
        <translation>{day}的班次将失去唯一持有{skill}的人。</translation>
    </message>
    <message>
        <source>already patrols that day</source>
        <translation>当天已有班</translation>
    </message>
    <message>
        <source>evening and next morning</source>
        <translation>晚班接早班</translation>
    </message>
    <message>
        <source>weekly limit reached</source>
        <translation>本周已满</translation>
    </message>
    <message>
        <source>monthly limit reached</source>
        <translation>本月已满</translation>
    </message>
    <message>
        <source>on leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>not available then</source>
        <translation>该时段不能来</translation>
    </message>
    <message>
        <source>no evening patrols</source>
        <translation>不排晚班</translation>
    </message>
    <message>
        <source>{team}: {period} patrols {dates}: no team leader who can come holds {skills} (valid on these days), which the leader must hold.</source>
        <translation>{team}：{dates}的{period}巡逻：能来的队长都没有{skills}（在这些日期有效），而带队人必须持有。</translation>
    </message>
    <message>
        <source>{team}: {period} patrols {dates}: no team leader is available on these days (leave, availability or no evenings).</source>
        <translation>{team}：{dates} {period}巡逻没有队长能来（请假、时间不便或不排晚班）。</translation>
    </message>
    <message>
        <source>{team}: {period} patrols {dates}: nobody who can come holds {skills} (valid on these days), which at least one person on the patrol must hold.</source>
        <translation>{team}：{dates}的{period}巡逻：能来的人都没有{skills}（在这些日期有效），而每班至少要有一人持有。</translation>
    </message>
    <message>
        <source>{team}: {period} patrols {dates}: {need} people needed per patrol, only {avail} who can come hold {skills} (valid on these days), which everyone must hold.</source>
        <translation>{team}：{dates}的{period}巡逻：每班需要{need}人，能来且持有{skills}（在这些日期有效）的只有{avail}人，而每人都必须持有。</translation>
    </message>
    <message>
        <source>{team}: {period} patrols {dates}: {need} people needed per patrol, only {avail} can come.</source>
        <translation>{team}：{dates} {period}巡逻每班需 {need} 人，只有 {avail} 人能来。</translation>
    </message>
    <message>
        <source>{team}: {period} patrols {dates}: {need} leader slots, the leaders can take only {avail} (availability, leave and limits).</source>
        <translation>{team}：{dates} {period}巡逻共需队长 {need} 人次，队长们最多只能上 {avail} 人次（受空闲时间、请假和班次上限限制）。</translation>
    </message>
    <message>
        <source>{team}: {period} patrols {dates}: {need} places to fill, the volunteers can take only {avail} (availability, leave and limits).</source>
        <translation>{team}：{dates} {period}巡逻共需 {need} 人次，队员们最多只能上 {avail} 人次（受空闲时间、请假和班次上限限制）。</translation>
    </message>
</context>
<context>
    <name>RostersCli</name>
    <message>
        <source>no team called {name}</source>
        <translation>没有名为 {name} 的队伍</translation>
    </message>
    <message>
        <source>--month must look like 2026-12</source>
        <translation>--month 请写成 2026-12 的格式</translation>
    </message>
    <message>
        <source>{team}: shifts created {made} (shifts not yet worked follow the holiday calendar); filled in {seconds} s; patrols short {short}; fairness spread {all}/{evening}/{holiday}</source>
        <translation>{team}：新建班次 {made} 个（尚未执勤的班次按节假日安排）；排班用时 {seconds} 秒；缺人巡逻 {short} 班；公平差距 {all}/{evening}/{holiday}</translation>
    </message>
    <message>
        <source> — not saved (dry run)</source>
        <translation>——试排，未保存</translation>
    </message>
</context>
<context>
    <name>RostersCommands</name>
    <message>
        <source>{n} check-in(s) closed at the patrol&apos;s scheduled end; a coordinator confirms them on the rosters page (Hours).</source>
        <translation>已按计划结束时间自动结束{n}次无人签退的巡逻；请协调员在“志愿排班 → 服务时长”中确认。</translation>
    </message>
    <message>
        <source>{n} hours entries not yet recorded written to {path}: {late} past the 10-working-day deadline, {soon} due within 3 working days.</source>
        <translation>已将{n}条尚未录入全国系统的时长写入 {path}：{late}条已超过10个工作日的录入期限，{soon}条将在3个工作日内到期。</translation>
    </message>
</context>
<context>
    <name>RostersPage</name>
    <message>
        <source>Create shifts</source>
        <translation>生成班次</translation>
    </message>
    <message>
        <source>Fill the month</source>
        <translation>自动排班</translation>
    </message>
    <message>
        <source>Fill every unlocked place fairly; locked cells are kept</source>
        <translation>公平填满所有未锁定的位置；已锁定的保持不变</translation>
    </message>
    <message>
        <source>Print roster</source>
        <translation>打印排班表</translation>
    </message>
    <message>
        <source>Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Tomorrow&apos;s text</source>
        <translation>明日班次文字</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月排班</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日签到</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <source>Print sign-in sheet</source>
        <translation>打印签到表</translation>
    </message>
    <message>
        <source>The sign-in sheet of the day chosen in the month grid</source>
        <translation>月历中所选那一天的签到表</translation>
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
        <source>Findings</source>
        <translation>巡查发现</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>National system</source>
        <translation>全国系统</translation>
    </message>
    <message>
        <source>{year}-{month:02d}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <source>{n} shift(s) created; shifts not yet worked follow the holiday calendar.</source>
        <translation>已创建{n}个班次；尚未执勤的班次已按节假日日历更新。</translation>
    </message>
    <message>
        <source>Filled in {seconds:.1f} s: {gaps} patrol(s) still short; fairness spread {spread}.</source>
        <translation>用时 {seconds:.1f} 秒：仍有 {gaps} 个班次缺人；同类队员班次最多相差 {spread} 班。</translation>
    </message>
    <message>
        <source>The limits together leave these patrols short; lock or edit cells, or relax limits.</source>
        <translation>各项限制叠加导致这些班次排不满；可手动调整、锁定，或放宽上限。</translation>
    </message>
    <message>
        <source>Filling the month…</source>
        <translation>正在自动排班…</translation>
    </message>
    <message>
        <source>Patrol roster</source>
        <translation>巡逻排班表</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>巡逻签到表</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Copied; paste it into the WeChat group:</source>
        <translation>已复制，可直接粘贴到微信群：</translation>
    </message>
</context>
<context>
    <name>RostersPdf</name>
    <message>
        <source>{team} patrol roster {month}</source>
        <translation>{team} {month} 巡逻排班表</translation>
    </message>
    <message>
        <source>Grid: {grid}</source>
        <translation>网格：{grid}</translation>
    </message>
    <message>
        <source>Route: {route}</source>
        <translation>路线：{route}</translation>
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
        <source>Holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>缺口</translation>
    </message>
    <message>
        <source> (short of {n})</source>
        <translation>（缺{n}人）</translation>
    </message>
    <message>
        <source> (no leader)</source>
        <translation>（缺队长）</translation>
    </message>
    <message>
        <source>★ leader    Please arrive 5 minutes before your patrol, check in and wear the red cap. If you cannot come, tell your leader in good time.    Printed {day}</source>
        <translation>★ 队长　　每班请提前5分钟到岗签到，佩戴小红帽。不能到岗请提前告知队长。　　打印日期：{day}</translation>
    </message>
    <message>
        <source>{team} patrol sign-in sheet</source>
        <translation>{team} 巡逻签到表</translation>
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
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>签到时间</translation>
    </message>
    <message>
        <source>Checked out</source>
        <translation>签退时间</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>本人签名</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>巡查发现</translation>
    </message>
    <message>
        <source>leader</source>
        <translation>队长</translation>
    </message>
    <message>
        <source>member</source>
        <translation>队员</translation>
    </message>
    <message>
        <source>Leader&apos;s signature: ________________        Staff on duty: ________________</source>
        <translation>队长签字：________________　　　　值班人员：________________</translation>
    </message>
    <message>
        <source>Patrols this month</source>
        <translation>本月班次</translation>
    </message>
</context>
<context>
    <name>RostersShare</name>
    <message>
        <source>[{team}] {day} {weekday}{holiday} patrols</source>
        <translation>【{team}】{day} {weekday}{holiday} 巡逻安排</translation>
    </message>
    <message>
        <source>{month}/{day}</source>
        <translation>{month}月{day}日</translation>
    </message>
    <message>
        <source> (holiday)</source>
        <translation>（节假日）</translation>
    </message>
    <message>
        <source>Patrol team</source>
        <translation>巡逻队</translation>
    </message>
    <message>
        <source>{name} (leader)</source>
        <translation>{name}（队长）</translation>
    </message>
    <message>
        <source>[nobody yet, please sign up]</source>
        <translation>【缺人，请报名】</translation>
    </message>
    <message>
        <source> (short of {n})</source>
        <translation>（还差{n}人）</translation>
    </message>
    <message>
        <source> (no leader)</source>
        <translation>（缺队长）</translation>
    </message>
    <message>
        <source>{period} {start}–{end}{where}: {names}</source>
        <translation>{period} {start}–{end}{where}：{names}</translation>
    </message>
    <message>
        <source> | {route}</source>
        <translation>｜{route}</translation>
    </message>
    <message>
        <source>Please arrive on time, check in and wear the red cap. If you cannot come, tell your leader in good time.</source>
        <translation>请按时到岗签到，戴好小红帽。不能到岗请提前告知队长。</translation>
    </message>
    <message>
        <source>No patrols that day.</source>
        <translation>当日无巡逻安排。</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>New team</source>
        <translation>新建队伍</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>路线</translation>
    </message>
</context>
<context>
    <name>TeamTab</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Per week</source>
        <translation>每周上限</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>每月上限</translation>
    </message>
    <message>
        <source>Evenings</source>
        <translation>晚班</translation>
    </message>
    <message>
        <source>no</source>
        <translation>不排</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>可排</translation>
    </message>
    <message>
        <source>Patrols this month</source>
        <translation>本月班次</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>服务时长（小时）</translation>
    </message>
    <message>
        <source>Add volunteer…</source>
        <translation>添加队员…</translation>
    </message>
    <message>
        <source>New team…</source>
        <translation>新建队伍…</translation>
    </message>
    <message>
        <source>Daily shifts…</source>
        <translation>每日班次…</translation>
    </message>
    <message>
        <source>Limits and availability…</source>
        <translation>班次上限与空闲时间…</translation>
    </message>
    <message>
        <source>Hours…</source>
        <translation>服务时长…</translation>
    </message>
    <message>
        <source>Calendar file (.ics)…</source>
        <translation>导出日历 (.ics)…</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Daily shifts of the team</source>
        <translation>本队每日班次</translation>
    </message>
    <message>
        <source>Times and headcounts apply to shifts created from now on. Qualifications (as volunteers&apos; skills name them, several separated by 、) apply to every shift of the template and must be valid on the shift&apos;s date.</source>
        <translation>时间和人数只对此后创建的班次生效。资质（与志愿者技能的名称一致，多项用“、”分隔）对该模板的所有班次生效，且须在班次当天有效。</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最少</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最多</translation>
    </message>
    <message>
        <source>Holiday min</source>
        <translation>节假日最少</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>需队长</translation>
    </message>
    <message>
        <source>Leader holds</source>
        <translation>带队人须持有</translation>
    </message>
    <message>
        <source>Everyone holds</source>
        <translation>每人须持有</translation>
    </message>
    <message>
        <source>At least one holds</source>
        <translation>至少一人持有</translation>
    </message>
    <message>
        <source>same</source>
        <translation>同平日</translation>
    </message>
    <message>
        <source>e.g. 急救证</source>
        <translation>如：急救证</translation>
    </message>
</context>
<context>
    <name>TodayTab</name>
    <message>
        <source>Patrol</source>
        <translation>巡逻班次</translation>
    </message>
    <message>
        <source>On this patrol</source>
        <translation>本班人员</translation>
    </message>
    <message>
        <source>Volunteer: name, pinyin, initials or phone digits; or scan the passport code</source>
        <translation>志愿者：姓名、拼音、首字母或手机号数字；也可扫微笑护照码</translation>
    </message>
    <message>
        <source>Volunteers found</source>
        <translation>找到的志愿者</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Check in on behalf</source>
        <translation>代签到</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>签退</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>Close patrol</source>
        <translation>结束本班</translation>
    </message>
    <message>
        <source>Everyone checked in but not out is credited the planned duration</source>
        <translation>已签到未签退的人按计划时长记入服务时长</translation>
    </message>
    <message>
        <source>Record a finding…</source>
        <translation>登记巡查发现…</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>未到</translation>
    </message>
    <message>
        <source>no-show</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>left {time}</source>
        <translation>{time} 签退</translation>
    </message>
    <message>
        <source>arrived {time}</source>
        <translation>{time} 签到</translation>
    </message>
    <message>
        <source> ({n} min late)</source>
        <translation>（迟到 {n} 分钟）</translation>
    </message>
</context>
<context>
    <name>VolunteerDialog</name>
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
        <source>Volunteer: {name}</source>
        <translation>志愿者：{name}</translation>
    </message>
    <message>
        <source>age default ({n})</source>
        <translation>按年龄默认（{n}）</translation>
    </message>
    <message>
        <source>age default ({v})</source>
        <translation>按年龄默认（{v}）</translation>
    </message>
    <message>
        <source>no evenings</source>
        <translation>不排晚班</translation>
    </message>
    <message>
        <source>evenings allowed</source>
        <translation>可排晚班</translation>
    </message>
    <message>
        <source>never patrols alone</source>
        <translation>不能单独巡逻</translation>
    </message>
    <message>
        <source>can come</source>
        <translation>可以</translation>
    </message>
    <message>
        <source>prefers</source>
        <translation>优先</translation>
    </message>
    <message>
        <source>cannot</source>
        <translation>不能来</translation>
    </message>
    <message>
        <source>add leave</source>
        <translation>登记请假</translation>
    </message>
    <message>
        <source>Patrols per week</source>
        <translation>每周班次</translation>
    </message>
    <message>
        <source>Patrols per month</source>
        <translation>每月班次</translation>
    </message>
    <message>
        <source>Evening patrols</source>
        <translation>晚班</translation>
    </message>
    <message>
        <source>Weekly availability</source>
        <translation>每周空闲时间</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>(expired {d})</source>
        <translation>（{d} 已过期）</translation>
    </message>
    <message>
        <source>(valid until {d})</source>
        <translation>（有效期至 {d}）</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>new skill, e.g. 急救证</source>
        <translation>新技能，如：急救证</translation>
    </message>
    <message>
        <source>valid until, e.g. 2027-06-30 (blank: no expiry)</source>
        <translation>有效期至，如 2027-06-30（不填：长期有效）</translation>
    </message>
    <message>
        <source>Skills and qualifications</source>
        <translation>技能与资质</translation>
    </message>
    <message>
        <source>— add a partner —</source>
        <translation>— 添加搭档 —</translation>
    </message>
    <message>
        <source>Likes to patrol with</source>
        <translation>希望一起巡逻的搭档</translation>
    </message>
    <message>
        <source>leave</source>
        <translation>请假</translation>
    </message>
</context>
<context>
    <name>_Dialog</name>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About drill-app</source>
        <translation>关于 drill-app</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>关闭本窗口</translation>
    </message>
    <message>
        <source>Python {python}, Qt {qt}, PySide6 {pyside}</source>
        <translation>Python {python}，Qt {qt}，PySide6 {pyside}</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>预案：</translation>
    </message>
    <message>
        <source>(not loaded)</source>
        <translation>（未加载）</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>(not opened yet)</source>
        <translation>（尚未打开）</translation>
    </message>
    <message>
        <source>Built with:</source>
        <translation>运行环境：</translation>
    </message>
    <message>
        <source>Runs and scores emergency drills and tabletop exercises against the district urban gas emergency plan.</source>
        <translation>依据区城镇燃气突发事件应急预案组织实施应急演练和桌面推演，并进行评估。</translation>
    </message>
    <message>
        <source>drill-app is free software under the MIT License. It includes Qt and PySide6 (LGPL-3.0) and the WenQuanYi Micro Hei font (Apache-2.0).</source>
        <translation>drill-app 是依据 MIT 许可证发布的自由软件，内含 Qt 和 PySide6（LGPL-3.0）以及文泉驿微米黑字体（Apache-2.0）。</translation>
    </message>
</context>
<context>
    <name>ActAsUnitPanel</name>
    <message>
        <source>Recorded {time}: {what}</source>
        <translation>已记录 {time}：{what}</translation>
    </message>
    <message>
        <source>Recorded {time}</source>
        <translation>已记录 {time}</translation>
    </message>
    <message>
        <source>Acting for</source>
        <translation>代表参演单位</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报送信息</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>判定级别</translation>
    </message>
    <message>
        <source>Working groups</source>
        <translation>工作组</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Steps and measures</source>
        <translation>处置措施</translation>
    </message>
    <message>
        <source>Gas supply</source>
        <translation>压减/恢复供气</translation>
    </message>
    <message>
        <source>Command and response</source>
        <translation>指挥与响应</translation>
    </message>
    <message>
        <source>Information and support</source>
        <translation>信息发布与支援</translation>
    </message>
    <message>
        <source>The unit whose trainee is at this computer: every form below acts for it</source>
        <translation>受训人员在本机操作的单位：下方各表单均代其办理</translation>
    </message>
    <message>
        <source>What the unit does: choose an action to open its form</source>
        <translation>单位要办理的事项：选择一项打开其表单</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>办理事项</translation>
    </message>
    <message>
        <source>Acting for {unit} ({person})</source>
        <translation>正在代{unit}（{person}）操作</translation>
    </message>
    <message>
        <source>Acting for {unit}</source>
        <translation>正在代{unit}操作</translation>
    </message>
</context>
<context>
    <name>ActionPageWidget</name>
    <message>
        <source>Recording…</source>
        <translation>正在记录…</translation>
    </message>
    <message>
        <source>{action}: {page}{ref}</source>
        <translation>{action}：{page}{ref}</translation>
    </message>
</context>
<context>
    <name>AdhocInjectDialog</name>
    <message>
        <source>Ad-hoc inject</source>
        <translation>临时注入</translation>
    </message>
    <message>
        <source>A short title of the inject, as the MSEL lists it</source>
        <translation>注入的简短标题（在注入清单中显示）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>e.g. residents report a smell of gas near the scene</source>
        <translation>例如：市民来电反映现场周边仍有燃气味</translation>
    </message>
    <message>
        <source>What the recipients are told</source>
        <translation>向接收单位通报的内容</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Who the information comes from</source>
        <translation>信息来源</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Tick the units that receive the inject</source>
        <translation>勾选接收本注入的单位</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>接收单位</translation>
    </message>
    <message>
        <source>The recipients learn of the incident with this inject (reporting clocks start)</source>
        <translation>接收单位由此获知事件（开始计算报告时限）</translation>
    </message>
    <message>
        <source>Tick when this inject is how the recipients first learn of the incident</source>
        <translation>接收单位首次由本注入获知事件时勾选</translation>
    </message>
    <message>
        <source>The city HQ arrives on scene with this inject (hand-over due, §5.3.1.7)</source>
        <translation>市应急指挥部随本注入到达现场（此后应移交指挥权，§5.3.1.7）</translation>
    </message>
    <message>
        <source>Tick when the city headquarters arrives with this inject</source>
        <translation>市应急指挥部随本注入到达现场时勾选</translation>
    </message>
    <message>
        <source>A fact of the incident the inject states (casualties, pressure …)</source>
        <translation>本注入说明的事件情况（伤亡、压力……）</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>The value of the fact</source>
        <translation>该情况的数值</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Add fact</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add the fact and its value to the inject</source>
        <translation>将该情况及其数值加入注入</translation>
    </message>
    <message>
        <source>The facts the inject states</source>
        <translation>本注入说明的情况</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>Remove fact</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected fact from the inject</source>
        <translation>从注入中移除所选情况</translation>
    </message>
    <message>
        <source>Facts change the incident (casualties, losses …) from the moment of release; the recipients are then held to know them.</source>
        <translation>事件情况（伤亡、损失等）自发出时起生效，接收单位即被视为已掌握。</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>接收单位：</translation>
    </message>
    <message>
        <source>Facts (optional):</source>
        <translation>事件情况（可选）：</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>发出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Release the inject to its recipients now</source>
        <translation>立即向接收单位发出本注入</translation>
    </message>
    <message>
        <source>Close without releasing anything</source>
        <translation>关闭，不发出任何注入</translation>
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
        <source>Give the inject a title.</source>
        <translation>请填写注入标题。</translation>
    </message>
    <message>
        <source>Write what the recipients are told.</source>
        <translation>请填写通报内容。</translation>
    </message>
    <message>
        <source>Choose at least one recipient.</source>
        <translation>请至少选择一个接收单位。</translation>
    </message>
    <message>
        <source>This inject cannot be released: {reason}</source>
        <translation>无法发出此注入：{reason}</translation>
    </message>
</context>
<context>
    <name>AmountSpinBox</name>
    <message>
        <source>not filled</source>
        <translation>未填</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>drill-app: cannot open the plan</source>
        <translation>drill-app：无法打开预案</translation>
    </message>
    <message>
        <source>The plan file {file} has errors and was not opened:</source>
        <translation>预案文件 {file} 有错误，未能打开：</translation>
    </message>
</context>
<context>
    <name>BoardColumn</name>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Phone report (§4.1.1, §4.1.2)</source>
        <translation>电话报告（第4.1.1、4.1.2条）</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>书面</translation>
    </message>
    <message>
        <source>Written report (§4.1.2)</source>
        <translation>书面报告（第4.1.2条）</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Report content and accuracy (§4.1.3, §8)</source>
        <translation>报告内容齐全、数据如实（第4.1.3条、第8章）</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>续报</translation>
    </message>
    <message>
        <source>Follow-up and final reports (§4.1.2)</source>
        <translation>续报和终报（第4.1.2条）</translation>
    </message>
    <message>
        <source>Sensitive</source>
        <translation>敏感</translation>
    </message>
    <message>
        <source>Sensitive-event report (§4.1.2)</source>
        <translation>敏感事件报告（第4.1.2条）</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Result report (§5.2.1)</source>
        <translation>处置结果报告（第5.2.1条）</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Incident level (§1.6.2, §4.2)</source>
        <translation>事件级别判定（第1.6.2、4.2条）</translation>
    </message>
    <message>
        <source>Hand-over</source>
        <translation>移交</translation>
    </message>
    <message>
        <source>Command hand-over to the city HQ (§5.3.1.7)</source>
        <translation>向市应急指挥部移交指挥权（第5.3.1.7条）</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Requests to the city (§5.2.1, §5.4)</source>
        <translation>请求市有关部门响应、报请市政府协助（第5.2.1、5.4条）</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>工作组</translation>
    </message>
    <message>
        <source>Working groups (§2.3.2)</source>
        <translation>启动工作组（第2.3.2条）</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Warnings (§3.3–§3.6)</source>
        <translation>预警发布与落实（第3.3—3.6条）</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>处置</translation>
    </message>
    <message>
        <source>First response and measures (§5.1, §5.2, §3.5)</source>
        <translation>先期处置与应对措施（第5.1、5.2、3.5条）</translation>
    </message>
    <message>
        <source>Supply</source>
        <translation>保供</translation>
    </message>
    <message>
        <source>Supply cut in priority order (§5.1.2)</source>
        <translation>按优先保障顺序压减供气（第5.1.2条）</translation>
    </message>
    <message>
        <source>End/info</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>End of response and information release (§5.5, §5.6)</source>
        <translation>宣布响应结束、发布事件信息（第5.5、5.6条）</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>专项</translation>
    </message>
    <message>
        <source>The scenario&apos;s own tasks</source>
        <translation>本情景设定的专项任务</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Anything else (acts without authority or not warranted)</source>
        <translation>其他（越权或依据不足的行为）</translation>
    </message>
</context>
<context>
    <name>ChoiceListPage</name>
    <message>
        <source>Choose one in the list first.</source>
        <translation>请先在列表中选择一项。</translation>
    </message>
</context>
<context>
    <name>ClockBar</name>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>End the exercise?</source>
        <translation>结束演练？</translation>
    </message>
    <message>
        <source>End the exercise now? The clock stops for good; injects can no longer be released and units can no longer act. Evaluator notes and ratings can still be added.</source>
        <translation>现在结束演练吗？演练时钟将永久停止，不能再发出注入，参演单位也不能再记录行动；评估人员仍可补充评估记录和评分。</translation>
    </message>
    <message>
        <source>End exercise</source>
        <translation>结束演练</translation>
    </message>
    <message>
        <source>Continue the exercise</source>
        <translation>继续演练</translation>
    </message>
</context>
<context>
    <name>ClockBarWidget</name>
    <message>
        <source>Scenario time (hours:minutes:seconds)</source>
        <translation>推演时间（时:分:秒）</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Start the exercise clock (F5)</source>
        <translation>开始演练计时（F5）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>The exercise has not started yet.</source>
        <translation>演练尚未开始。</translation>
    </message>
    <message>
        <source>The exercise has ended.</source>
        <translation>演练已结束。</translation>
    </message>
    <message>
        <source>Waiting until the last clock command is recorded.</source>
        <translation>正在等待上一条时钟指令记录完毕。</translation>
    </message>
    <message>
        <source>The exercise has already started.</source>
        <translation>演练已经开始。</translation>
    </message>
    <message>
        <source>Pause the exercise clock (Space, Pause)</source>
        <translation>暂停演练计时（空格键或Pause键）</translation>
    </message>
    <message>
        <source>The clock is already paused.</source>
        <translation>时钟已暂停。</translation>
    </message>
    <message>
        <source>Resume the exercise clock (Space, Pause)</source>
        <translation>继续演练计时（空格键或Pause键）</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>速度：</translation>
    </message>
    <message>
        <source>Run the scenario clock {speed} as fast as real time ({key})</source>
        <translation>推演时钟按实际时间的{speed}运行（{key}）</translation>
    </message>
    <message>
        <source>Jump to next inject</source>
        <translation>跳至下一注入</translation>
    </message>
    <message>
        <source>End exercise</source>
        <translation>结束演练</translation>
    </message>
    <message>
        <source>The clock is running.</source>
        <translation>时钟正在运行。</translation>
    </message>
    <message>
        <source>No inject is waiting.</source>
        <translation>没有待发的注入。</translation>
    </message>
    <message>
        <source>End the exercise: no more injects or unit actions, only evaluation (Ctrl+E)</source>
        <translation>结束演练：此后不能再发出注入或记录参演单位行动，只能补充评估（Ctrl+E）</translation>
    </message>
    <message>
        <source>Speed {speed}</source>
        <translation>速度 {speed}</translation>
    </message>
    <message>
        <source>Jump to next inject ({time})</source>
        <translation>跳至下一注入（{time}）</translation>
    </message>
    <message>
        <source>Move the scenario clock forward to the next inject&apos;s time (Ctrl+J)</source>
        <translation>将推演时钟拨快到下一条注入的时间（Ctrl+J）</translation>
    </message>
</context>
<context>
    <name>CommandActionWidget</name>
    <message>
        <source>Command and response</source>
        <translation>指挥与响应</translation>
    </message>
    <message>
        <source>Who takes over command when the higher headquarters arrives</source>
        <translation>上级指挥部到达后由谁接管指挥</translation>
    </message>
    <message>
        <source>Hand command over to</source>
        <translation>移交指挥权给</translation>
    </message>
    <message>
        <source>Hand over command to</source>
        <translation>移交指挥权给</translation>
    </message>
    <message>
        <source>Hand over command</source>
        <translation>移交指挥权</translation>
    </message>
    <message>
        <source>Determine that this is a sensitive event (e.g. abandoned supply)</source>
        <translation>研判为弃供等敏感突发事件</translation>
    </message>
    <message>
        <source>Sensitive event</source>
        <translation>研判为敏感事件</translation>
    </message>
    <message>
        <source>Disposal has ended (scene under control, repair begun)</source>
        <translation>处置结束（现场得到控制、开始抢修）</translation>
    </message>
    <message>
        <source>End disposal</source>
        <translation>处置结束</translation>
    </message>
    <message>
        <source>Declare the emergency response ended</source>
        <translation>宣布应急响应结束</translation>
    </message>
    <message>
        <source>End response</source>
        <translation>宣布响应结束</translation>
    </message>
    <message>
        <source>Handed over at {time} ({unit}) to </source>
        <translation>{time}（{unit}）已移交指挥权给</translation>
    </message>
    <message>
        <source>Determined sensitive at {time} ({unit})</source>
        <translation>{time}（{unit}）已研判为敏感事件</translation>
    </message>
    <message>
        <source>Disposal ended at {time} ({unit})</source>
        <translation>{time}（{unit}）已确认处置结束</translation>
    </message>
    <message>
        <source>Response ended at {time} ({unit})</source>
        <translation>{time}（{unit}）已宣布应急响应结束</translation>
    </message>
</context>
<context>
    <name>DatabaseFiles</name>
    <message>
        <source>The backup could not be copied</source>
        <translation>无法复制备份</translation>
    </message>
    <message>
        <source>Opened a copy of the backup: {file}</source>
        <translation>已打开备份的副本：{file}</translation>
    </message>
    <message>
        <source>Open or create a database</source>
        <translation>打开或新建数据库</translation>
    </message>
    <message>
        <source>drill-app databases (*.sqlite3 *.sqlite *.db)</source>
        <translation>演练数据库 (*.sqlite3 *.sqlite *.db)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>DatabaseProblemPanel</name>
    <message>
        <source>The database could not be opened</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Nothing in the database file was changed. Open another database file, or continue from a backup copy (the copy is opened, the backup itself is kept).</source>
        <translation>数据库文件未做任何改动。请打开其他数据库文件，或从备份继续（打开的是备份的副本，备份本身保持不变）。</translation>
    </message>
    <message>
        <source>What is wrong:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Copies of the database saved before each upgrade, newest first</source>
        <translation>每次升级前保存的数据库副本，最新的在前</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Open another database file…</source>
        <translation>打开其他数据库文件…</translation>
    </message>
    <message>
        <source>Choose another drill database file to open</source>
        <translation>选择另一个演练数据库文件打开</translation>
    </message>
    <message>
        <source>Use the selected backup</source>
        <translation>使用所选备份</translation>
    </message>
    <message>
        <source>Open the selected backup copy instead of the damaged database</source>
        <translation>打开所选备份副本，代替已损坏的数据库</translation>
    </message>
    <message>
        <source>Backups of this database (newest first):</source>
        <translation>该数据库的备份（最新的在前）：</translation>
    </message>
    <message>
        <source>There is no backup of this database.</source>
        <translation>该数据库没有备份。</translation>
    </message>
</context>
<context>
    <name>Describe</name>
    <message>
        <source>Waiting until the last one is recorded.</source>
        <translation>正在等待上一项记录完毕。</translation>
    </message>
</context>
<context>
    <name>DisplayNames</name>
    <message>
        <source>not set</source>
        <translation>未设定</translation>
    </message>
    <message>
        <source>Level {level}</source>
        <translation>{level}级</translation>
    </message>
    <message>
        <source>no warning</source>
        <translation>无预警</translation>
    </message>
    <message>
        <source>{colour} warning</source>
        <translation>{colour}预警</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes}分钟</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>Drill scoring sheet</source>
        <translation>演练评估表</translation>
    </message>
    <message>
        <source>Drill after-action report</source>
        <translation>演练总结报告</translation>
    </message>
    <message>
        <source>Cannot write {path}: check that the folder exists and that you may write to it</source>
        <translation>无法写入 {path}：请确认文件夹存在且有写入权限</translation>
    </message>
    <message>
        <source>The printer did not accept the document ({error})</source>
        <translation>打印机未接受该文件（{error}）</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>Print and export</source>
        <translation>打印与导出</translation>
    </message>
    <message>
        <source>Scope of the scoring sheet</source>
        <translation>评分表范围</translation>
    </message>
    <message>
        <source>Whole drill (all units)</source>
        <translation>整个演练（全部参演单位）</translation>
    </message>
    <message>
        <source>The scoring sheet of the whole drill, or of one participating unit</source>
        <translation>整个演练的评估表，或某一参演单位的评估表</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出PDF…</translation>
    </message>
    <message>
        <source>Show the {document} as it will print</source>
        <translation>显示{document}的打印效果</translation>
    </message>
    <message>
        <source>Print the {document} on a printer you choose</source>
        <translation>在所选打印机上打印{document}</translation>
    </message>
    <message>
        <source>Save the {document} as a PDF file</source>
        <translation>将{document}保存为PDF文件</translation>
    </message>
    <message>
        <source>Whole drill</source>
        <translation>整个演练</translation>
    </message>
    <message>
        <source>Preview before printing. The PDF carries its fonts: it prints the same on any computer.</source>
        <translation>可先打印预览再打印；导出的PDF已嵌入字体，在任何电脑上打印效果都相同。</translation>
    </message>
    <message>
        <source>A document is being made; one at a time.</source>
        <translation>正在生成文档，一次只能生成一份。</translation>
    </message>
    <message>
        <source>Preparing the print preview of the {document}…</source>
        <translation>正在准备{document}的打印预览…</translation>
    </message>
    <message>
        <source>Printing the {document}…</source>
        <translation>正在打印{document}…</translation>
    </message>
    <message>
        <source>Exporting the {document} to PDF…</source>
        <translation>正在将{document}导出为PDF…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>Exported {pages} pages: {path}</source>
        <translation>已导出 {pages} 页：{path}</translation>
    </message>
    <message>
        <source>Sent {pages} pages to the printer</source>
        <translation>已发送到打印机，共 {pages} 页</translation>
    </message>
    <message>
        <source>Print preview of the {document}</source>
        <translation>{document}打印预览</translation>
    </message>
    <message>
        <source>The preview could not be drawn: {error}</source>
        <translation>无法显示打印预览：{error}</translation>
    </message>
    <message>
        <source>Not exported: {error}</source>
        <translation>未能导出：{error}</translation>
    </message>
    <message>
        <source>Not printed: {error}</source>
        <translation>未能打印：{error}</translation>
    </message>
    <message>
        <source>No preview: {error}</source>
        <translation>未能生成打印预览：{error}</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>DrillSchedulePanel</name>
    <message>
        <source>Drill schedule</source>
        <translation>演练周期</translation>
    </message>
    <message>
        <source>Last drill:</source>
        <translation>上次演练：</translation>
    </message>
    <message>
        <source>Next drill due by:</source>
        <translation>下次演练截止：</translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation>剩余时间：</translation>
    </message>
    <message>
        <source>Open improvement items:</source>
        <translation>未完成整改事项：</translation>
    </message>
    <message>
        <source>Drill schedule (plan {ref})</source>
        <translation>演练周期（预案{ref}）</translation>
    </message>
    <message>
        <source>The plan requires at least one drill every {years} years.</source>
        <translation>预案要求每{years}年至少组织一次演练。</translation>
    </message>
    <message>
        <source>none on record</source>
        <translation>尚无记录</translation>
    </message>
    <message>
        <source>now</source>
        <translation>即刻</translation>
    </message>
    <message>
        <source>No drill on record: one is due now</source>
        <translation>尚无演练记录，应立即组织演练</translation>
    </message>
    <message>
        <source>Overdue by {days} days</source>
        <translation>已逾期{days}天</translation>
    </message>
    <message>
        <source>{days} days left</source>
        <translation>还剩{days}天</translation>
    </message>
    <message>
        <source>{count} open</source>
        <translation>{count}项</translation>
    </message>
</context>
<context>
    <name>Evaluation</name>
    <message>
        <source>Tabletop exercise</source>
        <translation>桌面推演</translation>
    </message>
    <message>
        <source>Live exercise</source>
        <translation>实战演练</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Controller&apos;s on-the-spot review</source>
        <translation>现场点评（导调人员）</translation>
    </message>
    <message>
        <source>Participants&apos; self-assessment</source>
        <translation>参演人员自评</translation>
    </message>
    <message>
        <source>Evaluation team&apos;s assessment</source>
        <translation>评估组评估</translation>
    </message>
    <message>
        <source>Plan revision</source>
        <translation>预案修订</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>组织机构</translation>
    </message>
    <message>
        <source>Equipment and supplies</source>
        <translation>装备物资</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Exercises</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未整改</translation>
    </message>
    <message>
        <source>Under way</source>
        <translation>整改中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>EvaluatorPanel</name>
    <message>
        <source>Exercise as a whole</source>
        <translation>演练总体</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>观察记录</translation>
    </message>
    <message>
        <source>What you observed (strengths, problems)</source>
        <translation>观察到的情况（亮点、问题）</translation>
    </message>
    <message>
        <source>Record observation</source>
        <translation>记录观察</translation>
    </message>
    <message>
        <source>About unit</source>
        <translation>涉及单位</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>评语（可选）</translation>
    </message>
    <message>
        <source>Record rating</source>
        <translation>记录评级</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>评估目标</translation>
    </message>
    <message>
        <source>The unit the observation is about</source>
        <translation>观察所涉单位</translation>
    </message>
    <message>
        <source>Record this observation in the exercise log</source>
        <translation>将本条观察记入演练记录</translation>
    </message>
    <message>
        <source>The scenario&apos;s objective being rated, or the drill as a whole</source>
        <translation>所评的情景目标，或演练整体</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>参演单位</translation>
    </message>
    <message>
        <source>The unit being rated</source>
        <translation>被评级的单位</translation>
    </message>
    <message>
        <source>Rate the objective: {rating}</source>
        <translation>评定该目标：{rating}</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <source>Comment on the rating (optional)</source>
        <translation>评级说明（可选）</translation>
    </message>
    <message>
        <source>Record this rating in the exercise log</source>
        <translation>将本次评级记入演练记录</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Every observation and rating recorded so far</source>
        <translation>目前已记录的全部观察和评级</translation>
    </message>
    <message>
        <source>Observations and ratings</source>
        <translation>观察和评级</translation>
    </message>
    <message>
        <source>Notes and ratings recorded</source>
        <translation>已记录的观察和评级</translation>
    </message>
    <message>
        <source>Write the observation first</source>
        <translation>请先填写观察到的情况</translation>
    </message>
    <message>
        <source>Choose a rating: P, S, M or U</source>
        <translation>请选择评级：P、S、M 或 U</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>正在记录…</translation>
    </message>
    <message>
        <source>(no particular unit)</source>
        <translation>（不限单位）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>观察记录</translation>
    </message>
</context>
<context>
    <name>EventFeed</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>[VOIDED: {reason}] {summary}</source>
        <translation>[已作废：{reason}] {summary}</translation>
    </message>
    <message>
        <source>[After the end, in review] </source>
        <translation>［演练结束后，点评中更正］</translation>
    </message>
</context>
<context>
    <name>EventFeedPanel</name>
    <message>
        <source>Event log</source>
        <translation>演练事件记录</translation>
    </message>
    <message>
        <source>Show the events of one unit only</source>
        <translation>只显示某一单位的事件</translation>
    </message>
    <message>
        <source>Unit filter</source>
        <translation>单位筛选</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Control cell / system (no unit)</source>
        <translation>导调组/系统</translation>
    </message>
    <message>
        <source>Show one kind of event only</source>
        <translation>只显示某一类事件</translation>
    </message>
    <message>
        <source>Kind filter</source>
        <translation>类型筛选</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Everything recorded, with its scenario time; select a unit&apos;s entry to void it</source>
        <translation>全部记录及其情景时间；选择单位的记录可将其作废</translation>
    </message>
    <message>
        <source>Nothing has happened yet. From the start, every action of the control cell and of the units is logged here with its scenario time.</source>
        <translation>尚无记录。演练开始后，导调组和各参演单位的每项操作都会连同推演时间记录在这里。</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Void the selected unit entry as a mistake: it stays in the log, marked</source>
        <translation>将所选的参演单位记录作为误录作废：该记录仍保留在事件记录中，并标注为已作废</translation>
    </message>
    <message>
        <source>Select a unit&apos;s entry in the log first.</source>
        <translation>请先在记录中选择一条单位记录。</translation>
    </message>
    <message>
        <source>This entry has already been voided.</source>
        <translation>该记录已作废。</translation>
    </message>
    <message>
        <source>Only the units&apos; entries can be voided; control events, injects and evaluators&apos; records stand as recorded.</source>
        <translation>只能作废单位的记录；控制事件、注入和评估人员的记录保持原样。</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>正在记录…</translation>
    </message>
    <message>
        <source>Entry voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>{count} events</source>
        <translation>共{count}条</translation>
    </message>
    <message>
        <source>{shown} of {count} events</source>
        <translation>显示{shown}条/共{count}条</translation>
    </message>
</context>
<context>
    <name>EventKinds</name>
    <message>
        <source>Exercise started</source>
        <translation>演练开始</translation>
    </message>
    <message>
        <source>Exercise paused</source>
        <translation>演练暂停</translation>
    </message>
    <message>
        <source>Exercise resumed</source>
        <translation>演练继续</translation>
    </message>
    <message>
        <source>Clock speed changed</source>
        <translation>调整推演速度</translation>
    </message>
    <message>
        <source>Clock jumped</source>
        <translation>时钟跳转</translation>
    </message>
    <message>
        <source>Exercise ended</source>
        <translation>演练结束</translation>
    </message>
    <message>
        <source>Host restarted</source>
        <translation>主机重启</translation>
    </message>
    <message>
        <source>Host taken over (the previous one had died)</source>
        <translation>已由新主机接管（原主机已停止）</translation>
    </message>
    <message>
        <source>Inject delivered</source>
        <translation>情景注入</translation>
    </message>
    <message>
        <source>Inject skipped</source>
        <translation>跳过注入</translation>
    </message>
    <message>
        <source>Disposal ended</source>
        <translation>处置结束</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>信息报告</translation>
    </message>
    <message>
        <source>Level determined</source>
        <translation>级别判定</translation>
    </message>
    <message>
        <source>Working group activated</source>
        <translation>启动工作组</translation>
    </message>
    <message>
        <source>Working group stood down</source>
        <translation>撤销工作组</translation>
    </message>
    <message>
        <source>Warning issued</source>
        <translation>发布预警</translation>
    </message>
    <message>
        <source>Warning changed</source>
        <translation>调整预警</translation>
    </message>
    <message>
        <source>Warning lifted</source>
        <translation>解除预警</translation>
    </message>
    <message>
        <source>Measure taken</source>
        <translation>处置措施</translation>
    </message>
    <message>
        <source>Supply cut</source>
        <translation>压减供气</translation>
    </message>
    <message>
        <source>Supply restored</source>
        <translation>恢复供气</translation>
    </message>
    <message>
        <source>Command handed over</source>
        <translation>移交指挥权</translation>
    </message>
    <message>
        <source>Response ended</source>
        <translation>响应结束</translation>
    </message>
    <message>
        <source>Information released</source>
        <translation>信息发布</translation>
    </message>
    <message>
        <source>Sensitive event determined</source>
        <translation>研判为敏感事件</translation>
    </message>
    <message>
        <source>Help requested</source>
        <translation>请求支援</translation>
    </message>
    <message>
        <source>Evaluator note</source>
        <translation>评估记录</translation>
    </message>
    <message>
        <source>Evaluator rating</source>
        <translation>评估评分</translation>
    </message>
    <message>
        <source>Finding recorded</source>
        <translation>记录评估发现</translation>
    </message>
    <message>
        <source>Review recorded</source>
        <translation>记录点评与评估</translation>
    </message>
    <message>
        <source>Entry voided</source>
        <translation>作废记录</translation>
    </message>
    <message>
        <source>Control cell</source>
        <translation>导调组</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Evaluators</source>
        <translation>评估组</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>参演单位</translation>
    </message>
    <message>
        <source>below every level criterion</source>
        <translation>未达分级标准</translation>
    </message>
    <message>
        <source>level {level}</source>
        <translation>{level}级</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>its heartbeat had stopped</source>
        <translation>其心跳已停止</translation>
    </message>
    <message>
        <source>its process was gone</source>
        <translation>其进程已不存在</translation>
    </message>
    <message>
        <source>Taken over from process {pid} on the computer {machine}: {reason}</source>
        <translation>接管自计算机 {machine} 上的进程 {pid}：{reason}</translation>
    </message>
    <message>
        <source>Clock speed {speed}</source>
        <translation>推演速度调整为{speed}</translation>
    </message>
    <message>
        <source>Clock moved to {time}</source>
        <translation>时钟跳至 {time}</translation>
    </message>
    <message>
        <source>Host restarted after {seconds:.0f} s down</source>
        <translation>主机中断{seconds:.0f}秒后重启</translation>
    </message>
    <message>
        <source>[{source}] {title} → {to}</source>
        <translation>【{source}】{title} → {to}</translation>
    </message>
    <message>
        <source>Ad-hoc [{source}] {title} → {to}</source>
        <translation>临时注入【{source}】{title} → {to}</translation>
    </message>
    <message>
        <source>Skipped “{title}”: {reason}</source>
        <translation>跳过“{title}”：{reason}</translation>
    </message>
    <message>
        <source>Skipped “{title}”</source>
        <translation>跳过“{title}”</translation>
    </message>
    <message>
        <source>; initial level: {level}</source>
        <translation>，初判{level}</translation>
    </message>
    <message>
        <source>Level determined: {level}</source>
        <translation>判定级别：{level}</translation>
    </message>
    <message>
        <source>Activated: {group}</source>
        <translation>启动{group}</translation>
    </message>
    <message>
        <source>Stood down: {group}</source>
        <translation>撤销{group}</translation>
    </message>
    <message>
        <source>{colour} warning issued</source>
        <translation>发布{colour}预警</translation>
    </message>
    <message>
        <source>Warning changed to {colour}</source>
        <translation>预警调整为{colour}</translation>
    </message>
    <message>
        <source>Supply cut: {users}</source>
        <translation>压减供气：{users}</translation>
    </message>
    <message>
        <source>Supply restored: {users}</source>
        <translation>恢复供气：{users}</translation>
    </message>
    <message>
        <source>Command handed over to {party}</source>
        <translation>指挥权移交{party}</translation>
    </message>
    <message>
        <source>Released: {text}</source>
        <translation>发布信息：{text}</translation>
    </message>
    <message>
        <source>Help requested from {party}</source>
        <translation>请求{party}支援</translation>
    </message>
    <message>
        <source>Voided an entry: {reason}</source>
        <translation>作废一条记录：{reason}</translation>
    </message>
</context>
<context>
    <name>EvidenceVoidWidget</name>
    <message>
        <source>Void the selected entry…</source>
        <translation>作废所选记录…</translation>
    </message>
    <message>
        <source>Void the selected entry</source>
        <translation>作废所选记录</translation>
    </message>
    <message>
        <source>Void the selected entry as a mistake: it stays in the log, marked, and the score no longer counts it (after the end: a correction of the review)</source>
        <translation>将所选记录作为误录作废：仍保留在记录中并加标注，不再计分（演练结束后为点评中的更正）</translation>
    </message>
    <message>
        <source>Select a unit&apos;s entry in the evidence list first.</source>
        <translation>请先在依据列表中选择一条单位记录。</translation>
    </message>
    <message>
        <source>This entry has already been voided.</source>
        <translation>该记录已作废。</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>正在记录…</translation>
    </message>
    <message>
        <source>Entry voided</source>
        <translation>记录已作废</translation>
    </message>
</context>
<context>
    <name>ExerciseView</name>
    <message>
        <source>Scenario: {title} ({kind}, {place})</source>
        <translation>情景：{title}（{kind}，{place}）</translation>
    </message>
    <message>
        <source>Injects</source>
        <translation>情景注入</translation>
    </message>
    <message>
        <source>Act as unit</source>
        <translation>代参演单位操作</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Training room</source>
        <translation>培训教室</translation>
    </message>
    <message>
        <source>The MSEL: release, skip or delay injects</source>
        <translation>情景事件清单（MSEL）：发出、跳过或推迟注入</translation>
    </message>
    <message>
        <source>File reports and decisions for a unit whose trainee is at this computer</source>
        <translation>参演人员在本机轮流操作时，代其单位报送信息、作出决策</translation>
    </message>
    <message>
        <source>Evaluator observations and ratings</source>
        <translation>评估人员的观察记录与评分</translation>
    </message>
    <message>
        <source>Injects, acting for a unit, evaluation</source>
        <translation>情景注入、代参演单位操作、评估</translation>
    </message>
    <message>
        <source>Host the exercise on the room&apos;s network: trainees join from their desks</source>
        <translation>在局域网开放演练：参演人员在各自工作站加入</translation>
    </message>
    <message>
        <source>Watching only: {owner} runs this exercise; this window shows what it records and sends nothing.</source>
        <translation>只读观看：本演练由{owner}运行；本窗口显示其记录的内容，不发送任何操作。</translation>
    </message>
    <message>
        <source>Not done: {action}: {reason}</source>
        <translation>未执行“{action}”：{reason}</translation>
    </message>
    <message>
        <source>Injects ({count} due)</source>
        <translation>情景注入（{count}条到时）</translation>
    </message>
</context>
<context>
    <name>FigureSpinBox</name>
    <message>
        <source>not filled</source>
        <translation>未填</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Right after the drill, the controller comments on how it went, on the spot.</source>
        <translation>演练结束后，由导调人员当场对演练情况进行点评。</translation>
    </message>
    <message>
        <source>Each participating unit assesses its own performance: choose the unit.</source>
        <translation>各参演单位对本单位的表现进行自我评估：请选择单位。</translation>
    </message>
    <message>
        <source>The evaluation team&apos;s assessment against the plan and the evaluation criteria.</source>
        <translation>评估组对照预案和评估标准对演练进行综合评估。</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>亮点</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>By</source>
        <translation>点评人</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>The reviews recorded after the drill, stage by stage</source>
        <translation>演练结束后按阶段记录的点评</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>点评</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>§</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因分析</translation>
    </message>
    <message>
        <source>The strengths and problems recorded, with their grade and evidence</source>
        <translation>已记录的亮点和问题及其等级和依据</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>亮点和问题</translation>
    </message>
    <message>
        <source>Reviews recorded</source>
        <translation>已记录的点评</translation>
    </message>
    <message>
        <source>Strengths and problems recorded</source>
        <translation>已记录的亮点与问题</translation>
    </message>
    <message>
        <source>Reviews after the drill (AQ/T 9009)</source>
        <translation>演练后点评与评估（AQ/T 9009）</translation>
    </message>
    <message>
        <source>The review stage (AQ/T 9009): on-site review, self-assessment, evaluation team</source>
        <translation>点评阶段（AQ/T 9009）：现场点评、参演人员自评、评估组评估</translation>
    </message>
    <message>
        <source>Review stage</source>
        <translation>点评阶段</translation>
    </message>
    <message>
        <source>The unit the review is about</source>
        <translation>点评所涉单位</translation>
    </message>
    <message>
        <source>Unit reviewed</source>
        <translation>被点评单位</translation>
    </message>
    <message>
        <source>Name of the person speaking</source>
        <translation>点评人或发言人姓名</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>What was said: the main points</source>
        <translation>点评要点</translation>
    </message>
    <message>
        <source>Record review</source>
        <translation>记录点评</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>点评内容</translation>
    </message>
    <message>
        <source>Strengths and problems</source>
        <translation>亮点与问题</translation>
    </message>
    <message>
        <source>Problem (area for improvement)</source>
        <translation>问题（需改进）</translation>
    </message>
    <message>
        <source>(no scored item)</source>
        <translation>（不关联评分项目）</translation>
    </message>
    <message>
        <source>What went well, or what went wrong</source>
        <translation>做得好的地方，或存在的问题</translation>
    </message>
    <message>
        <source>Why it happened (analysis of the cause)</source>
        <translation>问题产生的原因（原因分析）</translation>
    </message>
    <message>
        <source>(choose the grade)</source>
        <translation>（请选择等级）</translation>
    </message>
    <message>
        <source>Deficiency: not done; needs rectification: done wrongly; could be improved: done late or only partly</source>
        <translation>不足项：未完成；整改项：做错，须整改；改进项：超时或部分完成，可改进</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Scored item</source>
        <translation>评分项目</translation>
    </message>
    <message>
        <source>Record this review in the exercise log</source>
        <translation>将本次点评记入演练记录</translation>
    </message>
    <message>
        <source>The kind of finding: {kind}</source>
        <translation>发现类型：{kind}</translation>
    </message>
    <message>
        <source>The scored item the finding is about; its evidence comes with it</source>
        <translation>该发现所涉的评分项，其依据一并带入</translation>
    </message>
    <message>
        <source>The section of the plan the finding refers to, e.g. §4.1.2</source>
        <translation>该发现引用的预案条款，如§4.1.2</translation>
    </message>
    <message>
        <source>Plan section</source>
        <translation>预案条款</translation>
    </message>
    <message>
        <source>The unit the finding is about</source>
        <translation>该发现所涉单位</translation>
    </message>
    <message>
        <source>Record this finding in the exercise log</source>
        <translation>将本条发现记入演练记录</translation>
    </message>
    <message>
        <source>Plan §</source>
        <translation>预案条款</translation>
    </message>
    <message>
        <source>A self-assessment is by a unit: choose the unit</source>
        <translation>参演人员自评须选择自评的单位</translation>
    </message>
    <message>
        <source>Write what was said</source>
        <translation>请填写点评内容</translation>
    </message>
    <message>
        <source>Describe the problem</source>
        <translation>请描述存在的问题</translation>
    </message>
    <message>
        <source>Describe the strength</source>
        <translation>请描述亮点</translation>
    </message>
    <message>
        <source>Write a section of the plan, e.g. §4.1.2</source>
        <translation>请填写预案条款，如 §4.1.2</translation>
    </message>
    <message>
        <source>Choose the grade of the problem</source>
        <translation>请选择问题等级</translation>
    </message>
    <message>
        <source>Not recorded: see the fields marked</source>
        <translation>未记录：请按提示修改</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>正在记录…</translation>
    </message>
    <message>
        <source>Record problem</source>
        <translation>记录问题</translation>
    </message>
    <message>
        <source>Record strength</source>
        <translation>记录亮点</translation>
    </message>
    <message>
        <source>Choose the scored item the finding is about, to attach its evidence</source>
        <translation>选择所针对的评分项目，即附上该项目的依据事件</translation>
    </message>
    <message>
        <source>Evidence: {count} events of this item</source>
        <translation>依据事件：该评分项目的 {count} 个事件</translation>
    </message>
    <message>
        <source>Evidence: this item has no event</source>
        <translation>依据事件：该评分项目没有相关事件</translation>
    </message>
    <message>
        <source>(whole drill)</source>
        <translation>（整个演练）</translation>
    </message>
</context>
<context>
    <name>GroupsActionWidget</name>
    <message>
        <source>Activate or stand down working groups</source>
        <translation>启动/撤销工作组</translation>
    </message>
    <message>
        <source>Working group</source>
        <translation>工作组</translation>
    </message>
    <message>
        <source>§</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The plan&apos;s working groups (§2.3.2) and whether each is active</source>
        <translation>预案规定的工作组（§2.3.2）及其是否已启动</translation>
    </message>
    <message>
        <source>Working groups</source>
        <translation>工作组</translation>
    </message>
    <message>
        <source>Activate group</source>
        <translation>启动工作组</translation>
    </message>
    <message>
        <source>Stand down group</source>
        <translation>撤销工作组</translation>
    </message>
    <message>
        <source>Choose a working group in the list</source>
        <translation>请在列表中选择工作组</translation>
    </message>
    <message>
        <source>{group} activated</source>
        <translation>启动{group}</translation>
    </message>
    <message>
        <source>{group} stood down</source>
        <translation>撤销{group}</translation>
    </message>
    <message>
        <source>Active since {time} ({unit})</source>
        <translation>已启动（{time}，{unit}）</translation>
    </message>
    <message>
        <source>Not active</source>
        <translation>未启动</translation>
    </message>
</context>
<context>
    <name>HostPanel</name>
    <message>
        <source>Observer / evaluator</source>
        <translation>观察员/评估人员</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>offline (may reconnect)</source>
        <translation>已断开（可重新连接）</translation>
    </message>
    <message>
        <source>not joined</source>
        <translation>未加入</translation>
    </message>
    <message>
        <source>{seconds} s ago</source>
        <translation>{seconds}秒前</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} ms</translation>
    </message>
    <message>
        <source>Open this exercise to the training room&apos;s network: each unit&apos;s workstation joins it as a seat (加入演练) with the address and the join code below, and files its own reports against the clock.</source>
        <translation>将本演练开放到培训教室的局域网：各单位的工作站用下方的地址和加入码以席位加入（加入演练），按演练时钟自行报送。</translation>
    </message>
    <message>
        <source>Host on the network</source>
        <translation>在局域网开放</translation>
    </message>
    <message>
        <source>Listen on this computer&apos;s network: workstations join with the code</source>
        <translation>在本机所在局域网上开放：各工作站用加入码加入</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the address and the join code</source>
        <translation>复制地址和加入码</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Round trip</source>
        <translation>往返时延</translation>
    </message>
    <message>
        <source>The seats: unit, person, connected or not, last seen, round trip</source>
        <translation>席位：单位、人员、是否连接、最近联系、往返时延</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>席位</translation>
    </message>
    <message>
        <source>New join code…</source>
        <translation>更换加入码…</translation>
    </message>
    <message>
        <source>A new code; every workstation must join again with it</source>
        <translation>生成新的加入码；所有工作站须用新码重新加入</translation>
    </message>
    <message>
        <source>Free seat…</source>
        <translation>释放席位…</translation>
    </message>
    <message>
        <source>Disconnect the selected seat; another person may take it with the code</source>
        <translation>断开所选席位；其他人可用加入码占用该席位</translation>
    </message>
    <message>
        <source>Move seat…</source>
        <translation>调换席位…</translation>
    </message>
    <message>
        <source>Give the selected seat&apos;s person another unit&apos;s free seat</source>
        <translation>让所选席位的人员改坐另一单位的空闲席位</translation>
    </message>
    <message>
        <source>Stop hosting…</source>
        <translation>停止开放…</translation>
    </message>
    <message>
        <source>Disconnect every workstation; this computer runs the exercise alone again</source>
        <translation>断开所有工作站；本机重新独自运行演练</translation>
    </message>
    <message>
        <source>Join code:</source>
        <translation>加入码：</translation>
    </message>
    <message>
        <source>Address: {addresses}</source>
        <translation>地址：{addresses}</translation>
    </message>
    <message>
        <source>Address: {addresses}  Join code: {code}</source>
        <translation>地址：{addresses}  加入码：{code}</translation>
    </message>
    <message>
        <source>New join code</source>
        <translation>新的加入码</translation>
    </message>
    <message>
        <source>Make a new join code? Every workstation is disconnected and must join again with the new code.</source>
        <translation>生成新的加入码？所有工作站将断开连接，须用新码重新加入。</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>生成新码</translation>
    </message>
    <message>
        <source>Keep the code</source>
        <translation>保留原码</translation>
    </message>
    <message>
        <source>Select the seat to free first.</source>
        <translation>请先选择要释放的席位。</translation>
    </message>
    <message>
        <source>Free seat</source>
        <translation>释放席位</translation>
    </message>
    <message>
        <source>Free the seat of {unit}? Its workstation is disconnected and must join again with the code.</source>
        <translation>释放{unit}的席位？其工作站将断开连接，须用加入码重新加入。</translation>
    </message>
    <message>
        <source>Free the seat</source>
        <translation>释放席位</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Select the seat to move first.</source>
        <translation>请先选择要调换的席位。</translation>
    </message>
    <message>
        <source>Move {name} from {unit} to:</source>
        <translation>将{name}从{unit}调换到：</translation>
    </message>
    <message>
        <source>No seat is free to move to.</source>
        <translation>没有可调换到的空闲席位。</translation>
    </message>
    <message>
        <source>Move seat</source>
        <translation>调换席位</translation>
    </message>
    <message>
        <source>Stop hosting</source>
        <translation>停止开放</translation>
    </message>
    <message>
        <source>Stop hosting this exercise on the network? The workstations are told and disconnected; this computer goes on running the exercise by itself.</source>
        <translation>停止在局域网开放本演练？各工作站将收到通知并断开；本机继续独自运行演练。</translation>
    </message>
    <message>
        <source>Go on hosting</source>
        <translation>继续开放</translation>
    </message>
</context>
<context>
    <name>Hosting</name>
    <message>
        <source>the controller&apos;s console</source>
        <translation>导调控制台</translation>
    </message>
    <message>
        <source>a host</source>
        <translation>主持端</translation>
    </message>
    <message>
        <source>{role} on the computer {machine} (address {address})</source>
        <translation>计算机 {machine} 上的{role}（地址 {address}）</translation>
    </message>
    <message>
        <source>{role} on the computer {machine}</source>
        <translation>计算机 {machine} 上的{role}</translation>
    </message>
</context>
<context>
    <name>ImprovementsTab</name>
    <message>
        <source>Issue</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>整改类别</translation>
    </message>
    <message>
        <source>Owner unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>§</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应完成</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The improvement plan: each item, its owner, due date and status</source>
        <translation>整改计划：各事项及其责任单位、完成时限和状态</translation>
    </message>
    <message>
        <source>Improvement plan</source>
        <translation>整改计划</translation>
    </message>
    <message>
        <source>New improvement item</source>
        <translation>新增整改事项</translation>
    </message>
    <message>
        <source>The problem found in the drill</source>
        <translation>演练中发现的问题</translation>
    </message>
    <message>
        <source>What will be done about it</source>
        <translation>将采取的整改措施</translation>
    </message>
    <message>
        <source>What the action improves (plan, organisation, training, equipment …)</source>
        <translation>整改针对的方面（预案、组织、培训、装备……）</translation>
    </message>
    <message>
        <source>The unit responsible for the item</source>
        <translation>负责该事项的单位</translation>
    </message>
    <message>
        <source>(choose the unit)</source>
        <translation>（请选择单位）</translation>
    </message>
    <message>
        <source>Who to contact: name and phone</source>
        <translation>联系人：姓名和电话</translation>
    </message>
    <message>
        <source>Name and phone</source>
        <translation>姓名、联系电话</translation>
    </message>
    <message>
        <source>The section of the plan the item refers to, e.g. §4.1.2</source>
        <translation>该事项引用的预案条款，如§4.1.2</translation>
    </message>
    <message>
        <source>Plan section</source>
        <translation>预案条款</translation>
    </message>
    <message>
        <source>When the work on the item starts</source>
        <translation>该事项的开始日期</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>When the item is due to be done</source>
        <translation>该事项的完成时限</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add the item to the improvement plan</source>
        <translation>将该事项加入整改计划</translation>
    </message>
    <message>
        <source>Issue found</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <source>Plan §</source>
        <translation>预案条款</translation>
    </message>
    <message>
        <source>Status of the selected item</source>
        <translation>所选事项的整改状态</translation>
    </message>
    <message>
        <source>The new status of the selected item</source>
        <translation>所选事项的新状态</translation>
    </message>
    <message>
        <source>A note on the change of status (optional)</source>
        <translation>状态变更说明（可选）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Note (what was done)</source>
        <translation>说明（整改情况）</translation>
    </message>
    <message>
        <source>Update status</source>
        <translation>更新状态</translation>
    </message>
    <message>
        <source>Describe the issue found</source>
        <translation>请填写存在的问题</translation>
    </message>
    <message>
        <source>Describe the corrective action</source>
        <translation>请填写整改措施</translation>
    </message>
    <message>
        <source>Choose the unit responsible</source>
        <translation>请选择责任单位</translation>
    </message>
    <message>
        <source>Write a section of the plan, e.g. §4.1.2</source>
        <translation>请填写预案条款，如 §4.1.2</translation>
    </message>
    <message>
        <source>The due date is before the start date</source>
        <translation>完成期限早于开始日期</translation>
    </message>
    <message>
        <source>Not added: see the fields marked</source>
        <translation>未添加：请按提示修改</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Record the selected item&apos;s new status</source>
        <translation>记录所选事项的新状态</translation>
    </message>
    <message>
        <source>Waiting until the last change is saved.</source>
        <translation>正在等待上一项更改保存完毕。</translation>
    </message>
    <message>
        <source>Select an item in the improvement plan first.</source>
        <translation>请先在整改计划中选择一个事项。</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>整改记录：</translation>
    </message>
    <message>
        <source>Item added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <source>Status updated</source>
        <translation>状态已更新</translation>
    </message>
    <message>
        <source>Not added: {error}</source>
        <translation>未添加：{error}</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
</context>
<context>
    <name>InformationActionWidget</name>
    <message>
        <source>Release information, request support</source>
        <translation>发布信息、请求支援</translation>
    </message>
    <message>
        <source>The text released to the public</source>
        <translation>向公众发布的信息</translation>
    </message>
    <message>
        <source>Information released</source>
        <translation>发布的信息</translation>
    </message>
    <message>
        <source>Text released to the public</source>
        <translation>向社会发布的信息内容</translation>
    </message>
    <message>
        <source>Release information</source>
        <translation>发布信息</translation>
    </message>
    <message>
        <source>Who is asked for support</source>
        <translation>请求谁提供支援</translation>
    </message>
    <message>
        <source>Request support from</source>
        <translation>请求支援的对象</translation>
    </message>
    <message>
        <source>What is needed (optional)</source>
        <translation>需要支援的事项（可选）</translation>
    </message>
    <message>
        <source>Support needed</source>
        <translation>所需支援</translation>
    </message>
    <message>
        <source>Request support</source>
        <translation>请求支援</translation>
    </message>
    <message>
        <source>Information release</source>
        <translation>信息发布</translation>
    </message>
    <message>
        <source>From</source>
        <translation>请求对象</translation>
    </message>
    <message>
        <source>Write the text to release</source>
        <translation>请填写要发布的信息内容</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Join an exercise</source>
        <translation>加入演练</translation>
    </message>
    <message>
        <source>Searching this network is not possible here: type the address</source>
        <translation>本机无法在网络中查找演练：请输入地址</translation>
    </message>
    <message>
        <source>Type the address the controller shows</source>
        <translation>请输入导调人员显示的地址</translation>
    </message>
    <message>
        <source>Exercises found on the network</source>
        <translation>在本网络中找到的演练</translation>
    </message>
    <message>
        <source>Exercises hosted on this network (searching…)</source>
        <translation>本网络中开放的演练（正在查找…）</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.20:47615</source>
        <translation>例如 192.168.1.20:47615</translation>
    </message>
    <message>
        <source>(chosen from the list, or typed)</source>
        <translation>（从列表中选择，或输入地址）</translation>
    </message>
    <message>
        <source>Who sits at this seat</source>
        <translation>在此席位操作的人员</translation>
    </message>
    <message>
        <source>The 6 characters the controller shows</source>
        <translation>导调人员显示的6位加入码</translation>
    </message>
    <message>
        <source>Host address</source>
        <translation>主机地址</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>Seat (unit)</source>
        <translation>席位（单位）</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Join code</source>
        <translation>加入码</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>加入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Type the host&apos;s address as the controller shows it: HOST:PORT</source>
        <translation>请按导调人员显示的格式输入主机地址：主机:端口</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>正在加入…</translation>
    </message>
</context>
<context>
    <name>LevelActionWidget</name>
    <message>
        <source>Determine the level</source>
        <translation>判定事件级别</translation>
    </message>
    <message>
        <source>Determine level</source>
        <translation>判定级别</translation>
    </message>
    <message>
        <source>Level of the incident</source>
        <translation>事件级别</translation>
    </message>
    <message>
        <source>This unit has not determined a level yet.</source>
        <translation>本单位尚未判定事件级别。</translation>
    </message>
    <message>
        <source>This unit&apos;s determination: {level} (at {time})</source>
        <translation>本单位当前判定：{level}（{time}）</translation>
    </message>
</context>
<context>
    <name>LineStatus</name>
    <message>
        <source>Reported {minutes} min late</source>
        <translation>迟报{minutes}分钟</translation>
    </message>
    <message>
        <source>{minutes} min late</source>
        <translation>超时{minutes}分钟</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Not yet due</source>
        <translation>未到期</translation>
    </message>
</context>
<context>
    <name>LinesTab</name>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>满分</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>得分率</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Points by unit; select a unit to show its items</source>
        <translation>按单位统计的得分；选择单位可显示其评分项</translation>
    </message>
    <message>
        <source>Totals by unit</source>
        <translation>按单位合计</translation>
    </message>
    <message>
        <source>Points by category of the scoring rules</source>
        <translation>按评分规则类别统计的得分</translation>
    </message>
    <message>
        <source>Totals by category</source>
        <translation>按类别合计</translation>
    </message>
    <message>
        <source>By unit</source>
        <translation>按单位</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评分项目</translation>
    </message>
    <message>
        <source>§</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应完成</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Every scored item: what the plan asks, what was done, the points</source>
        <translation>全部评分项：预案要求、实际完成情况和得分</translation>
    </message>
    <message>
        <source>Scoring sheet</source>
        <translation>评分表</translation>
    </message>
    <message>
        <source>Show the items of one unit only</source>
        <translation>只显示一个单位的评分项</translation>
    </message>
    <message>
        <source>Unit filter</source>
        <translation>单位筛选</translation>
    </message>
    <message>
        <source>Show the items of one category only</source>
        <translation>只显示一个类别的评分项</translation>
    </message>
    <message>
        <source>Category filter</source>
        <translation>类别筛选</translation>
    </message>
    <message>
        <source>Scored items</source>
        <translation>评分项目</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>The log entries the selected item was judged on</source>
        <translation>所选评分项的评判依据（演练记录）</translation>
    </message>
    <message>
        <source>Add an improvement item for this</source>
        <translation>据此新增整改事项</translation>
    </message>
    <message>
        <source>Record a strength or problem about this</source>
        <translation>就此记录亮点或问题</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>依据事件</translation>
    </message>
    <message>
        <source>Select a scored item above first.</source>
        <translation>请先在上方选择一个评分项。</translation>
    </message>
    <message>
        <source>Start an improvement plan item from the selected scored item</source>
        <translation>根据所选评分项新增整改事项</translation>
    </message>
    <message>
        <source>This item was done as the plan asks.</source>
        <translation>该项已按预案要求完成。</translation>
    </message>
    <message>
        <source>Record a strength or a problem citing the selected item as evidence</source>
        <translation>以所选评分项为依据记录亮点或问题</translation>
    </message>
    <message>
        <source>This item is not decided yet.</source>
        <translation>该项尚未判定。</translation>
    </message>
    <message>
        <source>select an item above</source>
        <translation>请在上方选择评分项目</translation>
    </message>
    <message>
        <source>Evidence for: {item}</source>
        <translation>依据事件：{item}</translation>
    </message>
    <message>
        <source>(no event)</source>
        <translation>（无相关事件）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New exercise…</source>
        <translation>新建演练(&amp;N)…</translation>
    </message>
    <message>
        <source>Open &amp;database…</source>
        <translation>打开数据库(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Start page</source>
        <translation>首页(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Plan browser</source>
        <translation>预案浏览(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Continuing the exercise that was running: {title}</source>
        <translation>已恢复进行中的演练：{title}</translation>
    </message>
    <message>
        <source>Database: {url}</source>
        <translation>数据库：{url}</translation>
    </message>
    <message>
        <source>The exercise was not created</source>
        <translation>未能新建演练</translation>
    </message>
    <message>
        <source>The exercise could not be opened</source>
        <translation>无法打开该演练</translation>
    </message>
    <message>
        <source>This exercise&apos;s stored record has been altered</source>
        <translation>本演练的存档记录已被改动（校验未通过），据此打印的文件每页都会注明</translation>
    </message>
    <message>
        <source>Creating the exercise…</source>
        <translation>正在新建演练…</translation>
    </message>
    <message>
        <source>Opening the exercise…</source>
        <translation>正在打开演练…</translation>
    </message>
    <message>
        <source>The window fell out of step with the archive ({problem}); reloaded from disk.</source>
        <translation>窗口与存档不一致（{problem}），已从磁盘重新载入。</translation>
    </message>
    <message>
        <source>The language changes the next time drill-app starts.</source>
        <translation>界面语言将在下次启动时生效。</translation>
    </message>
    <message>
        <source>Language: {change}</source>
        <translation>界面语言：{change}</translation>
    </message>
</context>
<context>
    <name>Msel</name>
    <message>
        <source>{report} by {unit}</source>
        <translation>{unit}{report}</translation>
    </message>
    <message>
        <source>complete written report by {unit}</source>
        <translation>{unit}书面报告内容齐全</translation>
    </message>
    <message>
        <source>accurate figures in the reports of {unit}</source>
        <translation>{unit}报告数据准确</translation>
    </message>
    <message>
        <source>level {level} determined</source>
        <translation>判定为{level}级</translation>
    </message>
    <message>
        <source>{group} activated</source>
        <translation>启动{group}</translation>
    </message>
    <message>
        <source>{colour} warning issued</source>
        <translation>发布{colour}预警</translation>
    </message>
    <message>
        <source>command handed over</source>
        <translation>移交指挥权</translation>
    </message>
    <message>
        <source>supply cut in the priority order</source>
        <translation>按优先保障顺序压减供气</translation>
    </message>
    <message>
        <source>end of the response announced</source>
        <translation>宣布应急响应结束</translation>
    </message>
    <message>
        <source>information released</source>
        <translation>发布事件信息</translation>
    </message>
    <message>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <source> and </source>
        <translation>且</translation>
    </message>
    <message>
        <source>{what} overdue</source>
        <translation>{what}超时</translation>
    </message>
    <message>
        <source>{what} done</source>
        <translation>{what}已完成</translation>
    </message>
    <message>
        <source>{fact}: yes</source>
        <translation>{fact}：是</translation>
    </message>
    <message>
        <source>{fact}: no</source>
        <translation>{fact}：否</translation>
    </message>
    <message>
        <source>any unit</source>
        <translation>任一单位</translation>
    </message>
    <message>
        <source>{unit}: {action}</source>
        <translation>{unit}{action}</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>To</source>
        <translation>接收单位</translation>
    </message>
    <message>
        <source>Inject</source>
        <translation>注入内容</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Condition: {condition}</source>
        <translation>条件：{condition}</translation>
    </message>
    <message>
        <source>Released {time}</source>
        <translation>已发出 {time}</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>提交中…</translation>
    </message>
    <message>
        <source>Delayed to {time}</source>
        <translation>推迟至 {time}</translation>
    </message>
    <message>
        <source>Not released</source>
        <translation>未发出</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>已到时</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待发</translation>
    </message>
    <message>
        <source>Ad-hoc</source>
        <translation>临时</translation>
    </message>
    <message>
        <source>minute {minute} ({time})</source>
        <translation>第{minute}分钟（{time}）</translation>
    </message>
    <message>
        <source>; released {minutes} min after the condition holds</source>
        <translation>，条件满足{minutes}分钟后发出</translation>
    </message>
    <message>
        <source>Ad-hoc inject, released at {time}</source>
        <translation>临时注入，{time}发出</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>跳过原因</translation>
    </message>
    <message>
        <source>Informs</source>
        <translation>告知</translation>
    </message>
    <message>
        <source>The recipients learn of the incident (reporting clocks start)</source>
        <translation>接收单位由此获知事件（开始计算报告时限）</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>事件情况</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预期行动</translation>
    </message>
    <message>
        <source>{text} (within {minutes} min)</source>
        <translation>{text}（{minutes}分钟内）</translation>
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
        <source>Skip inject</source>
        <translation>跳过注入</translation>
    </message>
    <message>
        <source>Skip “{title}”. Reason (optional, goes into the log):</source>
        <translation>跳过“{title}”。原因（可不填，记入演练记录）：</translation>
    </message>
</context>
<context>
    <name>MselPanel</name>
    <message>
        <source>Injects (MSEL)</source>
        <translation>情景注入（MSEL）</translation>
    </message>
    <message>
        <source>The injects in order of time and their status; select one to act on it</source>
        <translation>按时间排列的注入及其状态；选择一条进行操作</translation>
    </message>
    <message>
        <source>The selected inject&apos;s full text, source, recipients and condition</source>
        <translation>所选注入的全文、来源、接收单位和条件</translation>
    </message>
    <message>
        <source>Inject detail</source>
        <translation>注入详情</translation>
    </message>
    <message>
        <source>Select an inject to read its full text.</source>
        <translation>选择一条注入，在此查看全文。</translation>
    </message>
    <message>
        <source>Release now</source>
        <translation>立即发出</translation>
    </message>
    <message>
        <source>Skip…</source>
        <translation>跳过…</translation>
    </message>
    <message>
        <source>Delay by minutes</source>
        <translation>推迟分钟数</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Ad-hoc inject</source>
        <translation>临时注入</translation>
    </message>
    <message>
        <source>Leave the selected inject out of this exercise</source>
        <translation>本次演练不发出所选注入</translation>
    </message>
    <message>
        <source>How many minutes the Delay button holds the selected inject back</source>
        <translation>“推迟”按钮将所选注入推迟的分钟数</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>推迟</translation>
    </message>
    <message>
        <source>Select a pending inject in the list first.</source>
        <translation>请先在列表中选择一条待发注入。</translation>
    </message>
    <message>
        <source>Deliver the selected inject to its recipients now (Ctrl+R)</source>
        <translation>立即向接收单位发出所选注入（Ctrl+R）</translation>
    </message>
    <message>
        <source>Hold the selected inject back: it is not offered as due until then. Only the actual release is recorded.</source>
        <translation>暂缓发出所选注入：推迟期间不再提示到时。演练记录只记实际发出的时间。</translation>
    </message>
    <message>
        <source>Release all due</source>
        <translation>发出全部到时注入</translation>
    </message>
    <message>
        <source>Ad-hoc inject…</source>
        <translation>临时注入…</translation>
    </message>
    <message>
        <source>Release every inject that is due now</source>
        <translation>发出当前全部到时注入</translation>
    </message>
    <message>
        <source>No inject is due now.</source>
        <translation>当前没有到时的注入。</translation>
    </message>
    <message>
        <source>Write and release an inject that is not in the MSEL</source>
        <translation>编写并发出情景脚本以外的临时注入</translation>
    </message>
    <message>
        <source>{due} due · {pending} to come · {released} released</source>
        <translation>到时{due}条 · 待发{pending}条 · 已发出{released}条</translation>
    </message>
    <message>
        <source>Release all due ({count})</source>
        <translation>发出全部到时注入（{count}条）</translation>
    </message>
    <message>
        <source>The exercise has ended.</source>
        <translation>演练已结束。</translation>
    </message>
    <message>
        <source>Start the exercise first.</source>
        <translation>请先开始演练。</translation>
    </message>
</context>
<context>
    <name>NewExerciseDialog</name>
    <message>
        <source>New exercise</source>
        <translation>新建演练</translation>
    </message>
    <message>
        <source>The scenario the drill plays (only scenarios without problems are offered)</source>
        <translation>演练使用的情景（只列出没有问题的情景）</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>The exercise&apos;s title, as printed on its scoring sheet and report</source>
        <translation>演练名称，印在评分表和报告上</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The day the drill is held</source>
        <translation>演练举行日期</translation>
    </message>
    <message>
        <source>Date held</source>
        <translation>举行日期</translation>
    </message>
    <message>
        <source>Where the drill is held</source>
        <translation>演练地点</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>The form of the drill (§9.3: tabletop or field exercise)</source>
        <translation>演练形式（§9.3：桌面推演或实战演练）</translation>
    </message>
    <message>
        <source>Exercise type</source>
        <translation>演练形式</translation>
    </message>
    <message>
        <source>Who directs the exercise</source>
        <translation>负责导调的人员</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>导调人员</translation>
    </message>
    <message>
        <source>Several names separated by commas or 、</source>
        <translation>多人请用逗号或顿号（、）分隔</translation>
    </message>
    <message>
        <source>Who observes and rates the drill; several names separated by commas or 、</source>
        <translation>观察并评估演练的人员；多人以逗号或顿号分隔</translation>
    </message>
    <message>
        <source>Evaluators</source>
        <translation>评估人员</translation>
    </message>
    <message>
        <source>Show reporting deadlines to trainees</source>
        <translation>向参演人员显示报告时限</translation>
    </message>
    <message>
        <source>Trainees see the countdown to each deadline. Clear it to test whether units know the plan&apos;s deadlines by themselves.</source>
        <translation>参演人员可看到各项时限的倒计时。取消勾选可检验各单位是否自行掌握预案规定的时限。</translation>
    </message>
    <message>
        <source>Clock speed</source>
        <translation>时钟倍速</translation>
    </message>
    <message>
        <source>How fast scenario time runs when the exercise starts; it can be changed.</source>
        <translation>演练开始时情景时间的倍速，演练中可随时调整。</translation>
    </message>
    <message>
        <source>Scenario:</source>
        <translation>演练情景：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>演练名称：</translation>
    </message>
    <message>
        <source>Date held:</source>
        <translation>演练日期：</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>演练地点：</translation>
    </message>
    <message>
        <source>Exercise type:</source>
        <translation>演练形式：</translation>
    </message>
    <message>
        <source>Controller:</source>
        <translation>导调人员：</translation>
    </message>
    <message>
        <source>Evaluators:</source>
        <translation>评估人员：</translation>
    </message>
    <message>
        <source>Clock speed:</source>
        <translation>时钟倍速：</translation>
    </message>
    <message>
        <source>The new exercise is not started yet: the controller starts its clock on the exercise console when everyone is in place.</source>
        <translation>新建的演练处于“未开始”状态：各席位人员就位后，由导调人员在演练控制台上开始计时。</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>演练信息</translation>
    </message>
    <message>
        <source>One seat per participating unit: type who plays each unit in the right column</source>
        <translation>每个参演单位一个席位：在右列填写扮演该单位的人员</translation>
    </message>
    <message>
        <source>One seat per participating unit. Enter the person who plays each unit (click a cell in the right-hand column and type).</source>
        <translation>每个参演单位一个席位。请填写代表各单位参演的人员（点击右列单元格后输入）。</translation>
    </message>
    <message>
        <source>Create the exercise; its clock starts on the exercise console</source>
        <translation>创建演练；在演练控制台启动其时钟</translation>
    </message>
    <message>
        <source>Not yet: {problems}</source>
        <translation>尚不能创建：{problems}</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>参演席位</translation>
    </message>
    <message>
        <source>Create exercise</source>
        <translation>新建演练</translation>
    </message>
    <message>
        <source>Close without creating an exercise</source>
        <translation>关闭，不创建演练</translation>
    </message>
    <message>
        <source>There is no valid scenario to choose.</source>
        <translation>没有可用的演练情景。</translation>
    </message>
    <message>
        <source>The scenario file {file} cannot be read.</source>
        <translation>无法读取情景文件 {file}。</translation>
    </message>
    <message>
        <source>Enter a title for the exercise.</source>
        <translation>请填写演练名称。</translation>
    </message>
    <message>
        <source>{date} is more than a year from today; check the date.</source>
        <translation>{date}距今超过一年，请核对演练日期。</translation>
    </message>
    <message>
        <source>No participant yet for: {units}. The exercise can be created; these seats show no name.</source>
        <translation>以下单位尚无参演人员：{units}。仍可新建演练，这些席位将不显示人员姓名。</translation>
    </message>
</context>
<context>
    <name>OwnedElsewhereDialog</name>
    <message>
        <source>The exercise is run elsewhere</source>
        <translation>演练正在别处运行</translation>
    </message>
    <message>
        <source>“{title}” is being run by {owner}.</source>
        <translation>“{title}”正由{owner}运行。</translation>
    </message>
    <message>
        <source>An exercise has one computer that records it; this one will not write to it.</source>
        <translation>一个演练只由一台计算机记录；本机不会写入它。</translation>
    </message>
    <message>
        <source>Watch it: this window shows what is recorded, and sends nothing.</source>
        <translation>只读观看：本窗口显示已记录的内容，不发送任何操作。</translation>
    </message>
    <message>
        <source>Join it as a seat: a unit&apos;s workstation on that host.</source>
        <translation>以席位加入：作为该主持端上某单位的工作站。</translation>
    </message>
    <message>
        <source>Join as a seat…</source>
        <translation>以席位加入…</translation>
    </message>
    <message>
        <source>Watch (read-only)</source>
        <translation>只读观看</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PlanBrowserWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open plan…</source>
        <translation>打开预案(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>The plan&apos;s sections: choose one to show its tables</source>
        <translation>预案章节：选择一章显示其表格</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Show only the rows of this section that contain the text (Ctrl+F)</source>
        <translation>只显示本章中包含该文字的行（Ctrl+F）</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Filter the rows of this section</source>
        <translation>筛选本栏目的条目</translation>
    </message>
    <message>
        <source>F&amp;ilter:</source>
        <translation>筛选(&amp;I)：</translation>
    </message>
    <message>
        <source>The selected row&apos;s full text and its place in the plan</source>
        <translation>所选行的全文及其在预案中的位置</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Select a row to read its full text here.</source>
        <translation>选择一行，在此查看全文。</translation>
    </message>
    <message>
        <source>Cannot open the plan</source>
        <translation>无法打开预案</translation>
    </message>
    <message>
        <source>The plan file {file} has errors and was not opened:</source>
        <translation>预案文件 {file} 有错误，未能打开：</translation>
    </message>
    <message>
        <source>{shown} of {total} rows</source>
        <translation>显示 {shown}/{total} 行</translation>
    </message>
    <message>
        <source>Open plan</source>
        <translation>打开预案</translation>
    </message>
    <message>
        <source>Plan files (*.yaml *.yml *.json);;All files (*)</source>
        <translation>预案文件 (*.yaml *.yml *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Runs and scores emergency drills against a district urban gas emergency plan.</source>
        <translation>依据区级城镇燃气突发事件应急预案组织应急演练并评分。</translation>
    </message>
    <message>
        <source>Plan: {title} ({number})</source>
        <translation>预案：{title}（{number}）</translation>
    </message>
    <message>
        <source>About drill-app</source>
        <translation>关于 drill-app</translation>
    </message>
</context>
<context>
    <name>PlanSections</name>
    <message>
        <source>{n} days</source>
        <translation>{n}日</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n}小时</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n}分钟</translation>
    </message>
    <message>
        <source>{date:%Y-%m-%d}</source>
        <translation>{date.year}年{date.month}月{date.day}日</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Title (Chinese)</source>
        <translation>中文标题</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>印发日期</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>印发机关</translation>
    </message>
    <message>
        <source>Published in</source>
        <translation>刊载</translation>
    </message>
    <message>
        <source>Interpreted by</source>
        <translation>解释部门</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>The plan</source>
        <translation>预案信息</translation>
    </message>
    <message>
        <source>Headquarters</source>
        <translation>指挥机构</translation>
    </message>
    <message>
        <source>How it is set up</source>
        <translation>成立方式</translation>
    </message>
    <message>
        <source>Headquarters office</source>
        <translation>指挥部办公室</translation>
    </message>
    <message>
        <source>Office hosted by</source>
        <translation>办公室设在</translation>
    </message>
    <message>
        <source>Office director</source>
        <translation>办公室主任</translation>
    </message>
    <message>
        <source>Office duty</source>
        <translation>办公室职责</translation>
    </message>
    <message>
        <source>On-scene headquarters</source>
        <translation>现场指挥部</translation>
    </message>
    <message>
        <source>On-scene headquarters duty</source>
        <translation>现场指挥部职责</translation>
    </message>
    <message>
        <source>Command structure</source>
        <translation>组织指挥体系</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>Party committee department</source>
        <translation>党委部门</translation>
    </message>
    <message>
        <source>Government office</source>
        <translation>政府办公室</translation>
    </message>
    <message>
        <source>Government department</source>
        <translation>政府部门</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Sub-district office</source>
        <translation>街道办事处</translation>
    </message>
    <message>
        <source>Public institution</source>
        <translation>事业单位</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>Also called</source>
        <translation>又称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Duties</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>Member units and their duties</source>
        <translation>成员单位及职责</translation>
    </message>
    <message>
        <source>Member units</source>
        <translation>成员单位</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>工作组</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>When activated</source>
        <translation>启动时机</translation>
    </message>
    <message>
        <source>also called {names}</source>
        <translation>又称{names}</translation>
    </message>
    <message>
        <source>Working groups of the headquarters</source>
        <translation>区应急指挥部工作组</translation>
    </message>
    <message>
        <source>Working groups</source>
        <translation>工作组</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>事件分类</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Criteria by level</source>
        <translation>分级标准</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Text in the plan</source>
        <translation>预案原文</translation>
    </message>
    <message>
        <source>Numeric reading</source>
        <translation>数值解读</translation>
    </message>
    <message>
        <source>Incident levels</source>
        <translation>事件分级</translation>
    </message>
    <message>
        <source>assisted by {parties}</source>
        <translation>{parties}协助</translation>
    </message>
    <message>
        <source>Units on scene: {units}</source>
        <translation>到场单位：{units}</translation>
    </message>
    <message>
        <source>Leads the response</source>
        <translation>应对主体</translation>
    </message>
    <message>
        <source>Response proposed by</source>
        <translation>启动响应的提出</translation>
    </message>
    <message>
        <source>Response approved by</source>
        <translation>启动响应的批准</translation>
    </message>
    <message>
        <source>Who does what at each level</source>
        <translation>各级别的应对主体</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>先期处置</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>提出</translation>
    </message>
    <message>
        <source>On scene</source>
        <translation>赶赴现场</translation>
    </message>
    <message>
        <source>and</source>
        <translation>且</translation>
    </message>
    <message>
        <source>Command handed over to</source>
        <translation>指挥权移交</translation>
    </message>
    <message>
        <source>Ends the response</source>
        <translation>宣布响应结束</translation>
    </message>
    <message>
        <source>Releases information</source>
        <translation>信息发布</translation>
    </message>
    <message>
        <source>Response by level</source>
        <translation>分级应对</translation>
    </message>
    <message>
        <source>Warning levels and who decides</source>
        <translation>预警级别及发布、调整和解除</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>对应级别</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Lifted by</source>
        <translation>解除</translation>
    </message>
    <message>
        <source>District role</source>
        <translation>区级职责</translation>
    </message>
    <message>
        <source>Pipeline pressure</source>
        <translation>管网压力</translation>
    </message>
    <message>
        <source>Judged by the exercise control</source>
        <translation>由导调人员研判</translation>
    </message>
    <message>
        <source>Warning criteria</source>
        <translation>预警分级标准</translation>
    </message>
    <message>
        <source>Publishing a warning</source>
        <translation>预警发布</translation>
    </message>
    <message>
        <source>Content of a warning</source>
        <translation>预警内容</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>发布渠道</translation>
    </message>
    <message>
        <source>Special groups</source>
        <translation>特殊人群和场所</translation>
    </message>
    <message>
        <source>Key periods and areas</source>
        <translation>重大节日、重大活动和重点区域</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>预警</translation>
    </message>
    <message>
        <source> or </source>
        <translation>，或</translation>
    </message>
    <message>
        <source> and </source>
        <translation>，且</translation>
    </message>
    <message>
        <source>{limits}; and {flag}</source>
        <translation>{limits}；且{flag}</translation>
    </message>
    <message>
        <source>When the incident occurs</source>
        <translation>事件发生时</translation>
    </message>
    <message>
        <source>When the reporting unit learns of it</source>
        <translation>报告单位获知时</translation>
    </message>
    <message>
        <source>When it is judged a sensitive event</source>
        <translation>研判确定为敏感事件时</translation>
    </message>
    <message>
        <source>When disposal has ended</source>
        <translation>处置结束时</translation>
    </message>
    <message>
        <source>By telephone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>In writing</source>
        <translation>书面</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>续报</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>终报</translation>
    </message>
    <message>
        <source>Sensitive event</source>
        <translation>敏感事件</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>处置结果</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>事故调查</translation>
    </message>
    <message>
        <source>no fixed time limit</source>
        <translation>无具体时限</translation>
    </message>
    <message>
        <source>{minutes} min ({duration})</source>
        <translation>{minutes}分钟（{duration}）</translation>
    </message>
    <message>
        <source>extendable by {duration}</source>
        <translation>经批准可延长{duration}</translation>
    </message>
    <message>
        <source>Reports and their time limits</source>
        <translation>报告种类及时限</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Clock starts</source>
        <translation>时限起算</translation>
    </message>
    <message>
        <source>Time limit in the plan</source>
        <translation>预案规定</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>报告单位</translation>
    </message>
    <message>
        <source>Reported to</source>
        <translation>报送对象</translation>
    </message>
    <message>
        <source>What a report contains</source>
        <translation>报告内容</translation>
    </message>
    <message>
        <source>Duty to report</source>
        <translation>报告责任</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任主体</translation>
    </message>
    <message>
        <source>Principles</source>
        <translation>报告原则</translation>
    </message>
    <message>
        <source>Failures to report</source>
        <translation>责任追究情形</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>情形</translation>
    </message>
    <message>
        <source>Reporting</source>
        <translation>信息报告</translation>
    </message>
    <message>
        <source>Supply priority</source>
        <translation>优先保障供应顺序</translation>
    </message>
    <message>
        <source>Ending the response</source>
        <translation>响应结束</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>扩大应急</translation>
    </message>
    <message>
        <source>Measures in the order of the response</source>
        <translation>按响应顺序排列的处置措施</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>By</source>
        <translation>实施单位</translation>
    </message>
    <message>
        <source>Response actions</source>
        <translation>处置措施</translation>
    </message>
    <message>
        <source>Once every {n} years</source>
        <translation>每{n}年一次</translation>
    </message>
    <message>
        <source>Drills required by the plan</source>
        <translation>预案规定的演练</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>频次</translation>
    </message>
    <message>
        <source>Organised by</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <source>Together with</source>
        <translation>会同</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>What to evaluate</source>
        <translation>评估内容</translation>
    </message>
    <message>
        <source>Drills</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>When report time limits start</source>
        <translation>报告时限的起算点</translation>
    </message>
    <message>
        <source>Who must report</source>
        <translation>报告义务主体</translation>
    </message>
    <message>
        <source>Warning item (1): demand and households</source>
        <translation>预警第(1)项：用气负荷与影响户数</translation>
    </message>
    <message>
        <source>Warning item (2): the two pressures</source>
        <translation>预警第(2)项：两个管网压力条件</translation>
    </message>
    <message>
        <source>Cross-district level IV incidents</source>
        <translation>跨区县的一般（Ⅳ级）事件</translation>
    </message>
    <message>
        <source>Time limit of the final report</source>
        <translation>书面终报时限</translation>
    </message>
    <message>
        <source>Time limit of a follow-up report (minutes)</source>
        <translation>续报时限（分钟）</translation>
    </message>
    <message>
        <source>from when the incident occurred</source>
        <translation>自事件发生时起算</translation>
    </message>
    <message>
        <source>from when the unit learned of it</source>
        <translation>自报告单位获知时起算</translation>
    </message>
    <message>
        <source>each bureau reports</source>
        <translation>两局各自报告</translation>
    </message>
    <message>
        <source>one joint report</source>
        <translation>联合报送一份报告</translation>
    </message>
    <message>
        <source>either is enough</source>
        <translation>任一满足即可</translation>
    </message>
    <message>
        <source>both are needed</source>
        <translation>须同时满足</translation>
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
        <source>no time limit</source>
        <translation>不设时限</translation>
    </message>
    <message>
        <source>Settings the rules follow</source>
        <translation>规则采用的解读设置</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation>采用</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>How the data reads open passages</source>
        <translation>数据对条文未明之处的解读</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>解读</translation>
    </message>
    <message>
        <source>Readings</source>
        <translation>解读设置</translation>
    </message>
</context>
<context>
    <name>PlanTableWidget</name>
    <message>
        <source>{table} ({section}): select a row to read it whole below</source>
        <translation>{table}（{section}）：选择一行可在下方阅读全文</translation>
    </message>
</context>
<context>
    <name>ProblemListDialog</name>
    <message>
        <source>… and {count} more</source>
        <translation>……另有 {count} 项</translation>
    </message>
</context>
<context>
    <name>ProjectorActions</name>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>Status &amp;board window</source>
        <translation>状态看板窗口(&amp;B)</translation>
    </message>
    <message>
        <source>The status board alone and large: full screen on a second screen</source>
        <translation>单独放大显示状态看板：有第二块屏幕时在其上全屏显示</translation>
    </message>
    <message>
        <source>Zoom: {percent} %</source>
        <translation>缩放：{percent} %</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>Rating</name>
    <message>
        <source>Performed without challenges</source>
        <translation>顺利完成</translation>
    </message>
    <message>
        <source>Performed with some challenges</source>
        <translation>基本完成（存在一些问题）</translation>
    </message>
    <message>
        <source>Performed with major challenges</source>
        <translation>部分完成（存在较大问题）</translation>
    </message>
    <message>
        <source>Unable to be performed</source>
        <translation>未能完成</translation>
    </message>
    <message>
        <source>{rating}: {meaning}</source>
        <translation>{rating}：{meaning}</translation>
    </message>
</context>
<context>
    <name>RatingsTab</name>
    <message>
        <source>Objective</source>
        <translation>评估目标</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>The latest rating of each objective and unit by the evaluators</source>
        <translation>评估人员对各目标和单位的最新评级</translation>
    </message>
    <message>
        <source>Evaluators&apos; ratings</source>
        <translation>评估人员评级</translation>
    </message>
    <message>
        <source>The rating in force for each objective and unit. Select a row to rate it again; the new rating replaces it.</source>
        <translation>各评估目标、参演单位的现行评级。选中一行可重新评级，新评级取代原评级。</translation>
    </message>
    <message>
        <source>Ratings in force</source>
        <translation>现行评级</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>未评级</translation>
    </message>
</context>
<context>
    <name>RecentExercisesModel</name>
    <message>
        <source>Date</source>
        <translation>演练日期</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>演练名称</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>演练情景</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>演练形式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件数</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>The exercise has not started yet</source>
        <translation>演练尚未开始</translation>
    </message>
    <message>
        <source>The exercise has ended; only evaluator notes and ratings can be added</source>
        <translation>演练已结束，只能添加评估记录和评级</translation>
    </message>
    <message>
        <source>No warning has been issued: nothing to change</source>
        <translation>预警尚未发布，无法调整</translation>
    </message>
    <message>
        <source>No warning has been issued: nothing to lift</source>
        <translation>预警尚未发布，无法解除</translation>
    </message>
    <message>
        <source>A warning is already in force: change or lift it</source>
        <translation>已有预警生效，请调整或解除</translation>
    </message>
    <message>
        <source>The plan has no unit or body {party}</source>
        <translation>预案中没有该单位或机构：{party}</translation>
    </message>
    <message>
        <source>The plan has no report recipient {party}</source>
        <translation>预案中没有该报告对象：{party}</translation>
    </message>
    <message>
        <source>The response has already been ended</source>
        <translation>应急响应已宣布结束</translation>
    </message>
    <message>
        <source>The scenario has no objective {objective}</source>
        <translation>本场景没有评估目标{objective}</translation>
    </message>
    <message>
        <source>No exercise is open</source>
        <translation>没有打开的演练</translation>
    </message>
    <message>
        <source>The exercise is already paused</source>
        <translation>演练已暂停</translation>
    </message>
    <message>
        <source>The exercise is not paused</source>
        <translation>演练未暂停</translation>
    </message>
    <message>
        <source>The exercise has already started</source>
        <translation>演练已开始</translation>
    </message>
    <message>
        <source>The {colour} warning is already in force</source>
        <translation>当前已是{colour}预警</translation>
    </message>
    <message>
        <source>{group} is already activated</source>
        <translation>{group}已启动</translation>
    </message>
    <message>
        <source>Unknown kind of action: {kind}</source>
        <translation>未知的操作类型：{kind}</translation>
    </message>
    <message>
        <source>{fact}: {problem}</source>
        <translation>{fact}：{problem}</translation>
    </message>
    <message>
        <source>This action was already recorded</source>
        <translation>该操作已记录</translation>
    </message>
    <message>
        <source>This action belongs to another exercise</source>
        <translation>该操作属于另一场演练</translation>
    </message>
    <message>
        <source>Another action with the same id is already stored</source>
        <translation>已存储编号相同的另一操作</translation>
    </message>
    <message>
        <source>The time {time} is before the last recorded action ({last})</source>
        <translation>时间{time}早于上一条记录（{last}）</translation>
    </message>
    <message>
        <source>The clock can only jump forward</source>
        <translation>时钟只能向前跳转</translation>
    </message>
    <message>
        <source>The scenario has no inject {inject}</source>
        <translation>本场景没有注入{inject}</translation>
    </message>
    <message>
        <source>Inject {inject} was already released or skipped</source>
        <translation>注入{inject}已发出或已跳过</translation>
    </message>
    <message>
        <source>The recipient {unit} has no seat in this exercise</source>
        <translation>接收方{unit}未参加本次演练</translation>
    </message>
    <message>
        <source>The plan has no working group {group}</source>
        <translation>预案中没有工作组{group}</translation>
    </message>
    <message>
        <source>{group} is not activated: nothing to stand down</source>
        <translation>{group}未启动，无法撤销</translation>
    </message>
    <message>
        <source>The plan has no step or measure {step}</source>
        <translation>预案中没有该步骤或措施：{step}</translation>
    </message>
    <message>
        <source>The plan has no class of gas users {users}</source>
        <translation>预案中没有该类用气用户：{users}</translation>
    </message>
    <message>
        <source>Supply to {users} is already cut</source>
        <translation>{users}已压减</translation>
    </message>
    <message>
        <source>Supply to {users} is not cut: nothing to restore</source>
        <translation>{users}未压减，无需恢复</translation>
    </message>
    <message>
        <source>No such entry in this exercise</source>
        <translation>本演练没有这条记录</translation>
    </message>
    <message>
        <source>This entry has already been voided</source>
        <translation>该记录已作废</translation>
    </message>
    <message>
        <source>Only the units&apos; entries can be voided; control events, injects, voids and evaluators&apos; records stand as recorded</source>
        <translation>只能作废参演单位的记录；导调控制、注入、作废记录和评估记录不能作废</translation>
    </message>
    <message>
        <source>This window only watches the exercise; another computer runs it</source>
        <translation>本窗口只读观看此演练，由另一台计算机运行</translation>
    </message>
    <message>
        <source>The exercise could not be opened on the network: {error}</source>
        <translation>未能在局域网开放演练：{error}</translation>
    </message>
    <message>
        <source>Not saved: the database could not be reached (the connection broke or the server stopped). Nothing was recorded; try again when it is back.</source>
        <translation>未保存：无法访问数据库（连接中断或数据库服务器已停止）。本次操作没有记录，请在数据库恢复后重试。</translation>
    </message>
    <message>
        <source>The host accepts text messages only</source>
        <translation>主机只接受文本消息</translation>
    </message>
    <message>
        <source>The message is too large for the host</source>
        <translation>消息过大，主机拒收</translation>
    </message>
    <message>
        <source>The host could not read the message</source>
        <translation>主机无法读取该消息</translation>
    </message>
    <message>
        <source>The host refused a malformed message ({field})</source>
        <translation>主机拒收格式有误的消息（{field}）</translation>
    </message>
    <message>
        <source>Too many messages at once: wait a moment and send again</source>
        <translation>短时间内发送过多：请稍候再发送</translation>
    </message>
    <message>
        <source>The host closed the connection after too many invalid messages</source>
        <translation>无效消息过多，主机已断开连接</translation>
    </message>
    <message>
        <source>The host waited too long for the join</source>
        <translation>主机等待加入超时</translation>
    </message>
    <message>
        <source>The host expected a join first</source>
        <translation>主机要求先加入演练</translation>
    </message>
    <message>
        <source>This workstation has already joined</source>
        <translation>本工作站已加入</translation>
    </message>
    <message>
        <source>The host runs another version of the program (protocol {host}, this workstation {client}): install the same version on both</source>
        <translation>主机运行的程序版本不同（主机协议{host}，本工作站{client}）：请两端安装相同版本</translation>
    </message>
    <message>
        <source>Enter the join code the controller shows</source>
        <translation>请输入导调人员显示的加入码</translation>
    </message>
    <message>
        <source>Wrong join code: check the code the controller shows</source>
        <translation>加入码错误：请核对导调人员显示的加入码</translation>
    </message>
    <message>
        <source>The controller changed the join code: join again with the new code</source>
        <translation>导调人员已更换加入码：请用新加入码重新加入</translation>
    </message>
    <message>
        <source>{unit} has no seat in this exercise; seats: {seats}</source>
        <translation>本次演练没有{unit}的席位；席位有：{seats}</translation>
    </message>
    <message>
        <source>The seat of {unit} is already taken ({name}): ask the controller to free it</source>
        <translation>{unit}的席位已被占用（{name}）：请导调人员释放该席位</translation>
    </message>
    <message>
        <source>The controller freed this seat: join again to continue</source>
        <translation>导调人员已释放本席位：请重新加入</translation>
    </message>
    <message>
        <source>The controller gave you the seat of {unit}: join it with the code</source>
        <translation>导调人员已将您调换到{unit}的席位：请用加入码加入该席位</translation>
    </message>
    <message>
        <source>The controller stopped hosting this exercise on the network</source>
        <translation>导调人员已停止在局域网开放本演练</translation>
    </message>
    <message>
        <source>This seat was joined again from another connection</source>
        <translation>本席位已从另一连接重新加入</translation>
    </message>
    <message>
        <source>This action is not open to a seat ({kind})</source>
        <translation>席位不能进行此项操作（{kind}）</translation>
    </message>
    <message>
        <source>A seat may read only its own unit&apos;s messages</source>
        <translation>席位只能查看本单位的消息</translation>
    </message>
    <message>
        <source>No host answers at {address}: check the address and the network</source>
        <translation>{address}没有主机应答：请检查地址和网络</translation>
    </message>
    <message>
        <source>The exercise runs with a plan this workstation does not have ({title}): install the same plan and version of the program as the controller&apos;s</source>
        <translation>本演练所用预案在本工作站上没有（{title}）：请安装与导调电脑相同的预案和程序版本</translation>
    </message>
    <message>
        <source>The host refused: {code}</source>
        <translation>主机拒绝：{code}</translation>
    </message>
    <message>
        <source>it is missing</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>this action has no such field</source>
        <translation>该操作没有此项</translation>
    </message>
    <message>
        <source>not one of the allowed values</source>
        <translation>不是允许的取值</translation>
    </message>
    <message>
        <source>too small (limit {limit})</source>
        <translation>过小（界限{limit}）</translation>
    </message>
    <message>
        <source>too large (limit {limit})</source>
        <translation>过大（界限{limit}）</translation>
    </message>
    <message>
        <source>the wrong kind of value</source>
        <translation>取值类型不对</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>not a known figure</source>
        <translation>不是已知的数据项</translation>
    </message>
    <message>
        <source>must be yes or no</source>
        <translation>只能为“是”或“否”</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>必须是数字</translation>
    </message>
    <message>
        <source>must be a finite number</source>
        <translation>必须是有限的数字</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <source>not valid ({detail})</source>
        <translation>无效（{detail}）</translation>
    </message>
    <message>
        <source>level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>warning colour</source>
        <translation>预警颜色</translation>
    </message>
    <message>
        <source>working group</source>
        <translation>工作组</translation>
    </message>
    <message>
        <source>step or measure</source>
        <translation>步骤或措施</translation>
    </message>
    <message>
        <source>class of gas users</source>
        <translation>用气用户类别</translation>
    </message>
    <message>
        <source>recipient</source>
        <translation>接收方</translation>
    </message>
    <message>
        <source>recipients</source>
        <translation>报送对象</translation>
    </message>
    <message>
        <source>text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <source>kind of report</source>
        <translation>报告类型</translation>
    </message>
    <message>
        <source>initial level</source>
        <translation>初判级别</translation>
    </message>
    <message>
        <source>clock speed</source>
        <translation>推演速度</translation>
    </message>
    <message>
        <source>time to jump to</source>
        <translation>跳转时间</translation>
    </message>
    <message>
        <source>kind of finding</source>
        <translation>发现类型</translation>
    </message>
    <message>
        <source>grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>review stage</source>
        <translation>评估阶段</translation>
    </message>
    <message>
        <source>{unit} has no seat in this exercise</source>
        <translation>{unit}未参加本次演练</translation>
    </message>
    <message>
        <source>Choose the unit that acts</source>
        <translation>请选择参演单位</translation>
    </message>
    <message>
        <source>This action is not open to this role</source>
        <translation>当前角色不能执行该操作</translation>
    </message>
    <message>
        <source>Invalid {field}: {problem}</source>
        <translation>填写有误（{field}）：{problem}</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Page {n} of {m}</source>
        <translation>第 {n} 页 共 {m} 页</translation>
    </message>
    <message>
        <source>Issued: {date}</source>
        <translation>编制日期：{date}</translation>
    </message>
    <message>
        <source>{y}-{m}-{d}</source>
        <translation>{y}年{m}月{d}日</translation>
    </message>
    <message>
        <source>not recorded (a replay without a date)</source>
        <translation>未记录（回放演练，未注明日期）</translation>
    </message>
    <message>
        <source>late</source>
        <translation>迟报</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>演练名称</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>演练日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>演练地点</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Organised by</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>演练目的</translation>
    </message>
    <message>
        <source>Time and place</source>
        <translation>时间地点</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>演练形式</translation>
    </message>
    <message>
        <source>Participating units and people</source>
        <translation>参演单位及人员</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>演练情景</translation>
    </message>
    <message>
        <source>Controller and evaluators</source>
        <translation>导调及评估人员</translation>
    </message>
    <message>
        <source>The drill scored {total:g} out of 100, graded {grade}. Of {n} items evaluated, {met} were done on time, {late} late, {missed} not done and {wrong} done wrongly.</source>
        <translation>本次演练总分{total:g}分（满分100分），评定等级为“{grade}”。共评估{n}项，其中按时完成{met}项，迟报（逾期完成）{late}项，未完成{missed}项，错误{wrong}项。</translation>
    </message>
    <message>
        <source>Objectives: {p} performed (P), {s} with some challenges (S), {m} with major challenges (M), {u} unable to be performed (U).</source>
        <translation>演练目标：顺利完成（P）{p}项，基本完成（S）{s}项，部分完成（M）{m}项，未能完成（U）{u}项。</translation>
    </message>
    <message>
        <source>The drill met its purpose.</source>
        <translation>演练基本达到预期目的。</translation>
    </message>
    <message>
        <source>The drill met its purpose only in part.</source>
        <translation>演练部分达到预期目的。</translation>
    </message>
    <message>
        <source> No problem needing correction was found.</source>
        <translation>未发现需要整改的问题。</translation>
    </message>
    <message>
        <source> The one problem found is listed in the improvement plan with the unit responsible for it.</source>
        <translation>发现的1个问题已列入整改计划，并明确了责任单位。</translation>
    </message>
    <message>
        <source> The {n} problems found are listed in the improvement plan with the unit responsible for each.</source>
        <translation>发现的{n}个问题已列入整改计划，并明确了各项的责任单位。</translation>
    </message>
    <message>
        <source>{category}: its one item done on time</source>
        <translation>{category}：1项按时完成</translation>
    </message>
    <message>
        <source>{category}: all {n} items done on time</source>
        <translation>{category}：{n}项全部按时完成</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <source>Grade of finding</source>
        <translation>问题等级</translation>
    </message>
    <message>
        <source>Analysis of the cause</source>
        <translation>原因分析</translation>
    </message>
    <message>
        <source>A blank cause is left for the evaluation team to fill in by hand.</source>
        <translation>原因分析空白处由评估组手工填写。</translation>
    </message>
    <message>
        <source>Plan revision: state in the plan text the readings listed under the practicality and operability of the plan.</source>
        <translation>预案修订：将“预案实用性和可操作性评估”中所列条文的理解在预案正文中予以明确。</translation>
    </message>
    <message>
        <source>Problem answered</source>
        <translation>针对问题</translation>
    </message>
    <message>
        <source>2. Overall conclusion</source>
        <translation>二、总体结论</translation>
    </message>
    <message>
        <source>3. Reports against deadlines</source>
        <translation>三、信息报告时效</translation>
    </message>
    <message>
        <source>4. Results by category</source>
        <translation>四、评估结果</translation>
    </message>
    <message>
        <source>5. Strengths</source>
        <translation>五、主要做法与亮点</translation>
    </message>
    <message>
        <source>6. Problems and their causes</source>
        <translation>六、存在问题及原因分析</translation>
    </message>
    <message>
        <source>7. Reviews and lessons</source>
        <translation>七、点评与经验教训</translation>
    </message>
    <message>
        <source>8. Practicality and operability of the plan (§9.3)</source>
        <translation>八、预案实用性和可操作性评估（第9.3条）</translation>
    </message>
    <message>
        <source>9. Recommendations, including plan revisions</source>
        <translation>九、改进建议（含预案修订建议）</translation>
    </message>
    <message>
        <source>10. Improvement plan</source>
        <translation>十、整改计划</translation>
    </message>
    <message>
        <source>11. Participants</source>
        <translation>十一、参演人员名单</translation>
    </message>
    <message>
        <source>12. Compilation and review</source>
        <translation>十二、编制与审核</translation>
    </message>
    <message>
        <source>Do the 20-minute telephone and 45-minute written deadlines run from the incident or from the moment the reporting unit learns of it?</source>
        <translation>20分钟电话报告、45分钟书面报告的时限自事件发生起算，还是自报告单位接报起算？</translation>
    </message>
    <message>
        <source>The passage names both the emergency management bureau and the housing bureau: one joint report, or one from each?</source>
        <translation>该条同时列出区应急管理局和区住房和城乡建设局：是联合报送一份报告，还是各自报送？</translation>
    </message>
    <message>
        <source>Item (1) of each warning level names the demand above the supply plan and the households affected in one sentence: must both be reached, or is one enough?</source>
        <translation>各级预警第(1)项把用气负荷高于供气计划的比例和影响居民户数写在同一句中：须同时满足，还是任一满足即可？</translation>
    </message>
    <message>
        <source>The two pipeline pressure conditions of the red and orange warnings are joined by a comma: is one pressure below its limit enough, or must both be?</source>
        <translation>红色、橙色预警的两个管网压力条件以逗号并列：任一低于限值即可，还是须同时低于？</translation>
    </message>
    <message>
        <source>The final written report is due &apos;as soon as possible&apos; after disposal ends, with no time limit.</source>
        <translation>书面终报“事件处置结束后要尽快提供”，没有具体时限。</translation>
    </message>
    <message>
        <source>A general (level IV) incident that crosses district borders: does the city lead it, or the district?</source>
        <translation>跨区域的一般（Ⅳ级）事件，由市级还是区级牵头应对？</translation>
    </message>
    <message>
        <source>The latest progress is to be reported &apos;in time&apos; (续报), with no time limit.</source>
        <translation>最新处置进展情况要“及时续报”，未规定时限。</translation>
    </message>
    <message>
        <source>the deadlines run from the moment each reporting unit learns of the incident</source>
        <translation>时限自各报告单位获知（接报）事件时起算</translation>
    </message>
    <message>
        <source>the deadlines run from the moment the incident occurred</source>
        <translation>时限自事件发生时起算</translation>
    </message>
    <message>
        <source>each of the two bureaus reports, and is scored, on its own</source>
        <translation>两局各自报送、各自计分</translation>
    </message>
    <message>
        <source>one report in time from either bureau fulfils the duty of both</source>
        <translation>任一局按时报送即视为两局均已履行</translation>
    </message>
    <message>
        <source>either condition is enough; when the two point to different levels, the higher level applies</source>
        <translation>任一条件满足即可；两者所指级别不同时取较高一级</translation>
    </message>
    <message>
        <source>both conditions must reach the level</source>
        <translation>两项条件均须达到该级</translation>
    </message>
    <message>
        <source>one pressure below its limit, still falling after emergency supplementary gas, is enough</source>
        <translation>任一管网压力低于限值、且采取应急补充气源后仍持续下降即可</translation>
    </message>
    <message>
        <source>both pressures must be below their limits</source>
        <translation>两个管网压力均须低于限值</translation>
    </message>
    <message>
        <source>the city leads, approves, ends and releases information; the district supports the first response (§1.7)</source>
        <translation>由市级牵头应对、批准、终止并发布信息，区级配合先期处置（§1.7）</translation>
    </message>
    <message>
        <source>the district leads as at level IV</source>
        <translation>按Ⅳ级由区级牵头应对</translation>
    </message>
    <message>
        <source>a follow-up is due within {n} minutes of each material change the unit learns of</source>
        <translation>报告单位每获知一次重大变化，须在{n}分钟内续报</translation>
    </message>
    <message>
        <source>no deadline in minutes: the final report counts when it is sent before the drill ends</source>
        <translation>不设分钟时限：终报在演练结束前报送即为履行</translation>
    </message>
    <message>
        <source>the final report is due within {n} minutes after disposal ends</source>
        <translation>终报须在事件处置结束后{n}分钟内报送</translation>
    </message>
    <message>
        <source>Plan provision</source>
        <translation>预案条款</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>评估项数</translation>
    </message>
    <message>
        <source>Met on time</source>
        <translation>按时完成</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>评估结论</translation>
    </message>
    <message>
        <source>This drill read it as: {note}.</source>
        <translation>本次演练的理解：{note}。</translation>
    </message>
    <message>
        <source>practical and operable as written</source>
        <translation>按现行条文可操作、实用</translation>
    </message>
    <message>
        <source>not carried out in the drill: check that duties and deadlines are known</source>
        <translation>演练中未落实：需核查相关单位是否知晓职责和时限</translation>
    </message>
    <message>
        <source>partly carried out: see the problems above</source>
        <translation>部分落实：见上文存在问题</translation>
    </message>
    <message>
        <source>The plan requires each drill to assess the plan&apos;s practicality and operability (§9.3). The provisions the drill exercised:</source>
        <translation>预案第9.3条要求演练对预案的实用性和可操作性进行评估。本次演练检验的预案条款如下：</translation>
    </message>
    <message>
        <source>Passages whose text leaves a choice to the reader; the drill had to fix a reading, and the plan should state it when it is next revised:</source>
        <translation>以下条文存在不同理解，本次演练采用了确定的理解，建议预案修订时予以明确：</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Items marked proposed come from the problems found; the responsible unit confirms the corrective action and the due date.</source>
        <translation>标注“建议”的事项由发现的问题生成，整改措施和完成时限由责任单位确认。</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>参演人员</translation>
    </message>
    <message>
        <source>Compiled by</source>
        <translation>编制单位</translation>
    </message>
    <message>
        <source>Date compiled</source>
        <translation>编制日期</translation>
    </message>
    <message>
        <source>Reviewed by (signature)</source>
        <translation>审核（签字）</translation>
    </message>
    <message>
        <source>{plan}: Drill After-Action Report</source>
        <translation>{plan}应急演练总结报告</translation>
    </message>
    <message>
        <source>1. Overview</source>
        <translation>一、演练概况</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>依据预案</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>导调人员</translation>
    </message>
    <message>
        <source>Evaluators</source>
        <translation>评估人员</translation>
    </message>
    <message>
        <source>Participating units</source>
        <translation>参演单位</translation>
    </message>
    <message>
        <source>Unit evaluated</source>
        <translation>被评估单位</translation>
    </message>
    <message>
        <source>Scoring standard: an item done by its deadline earns its full points; an item done late earns {late:g}% of them; an item not done, or done wrongly, earns 0. Each category earns its weight x points earned / points possible; categories the drill did not exercise are not applicable and left out, and the total is the sum of the category scores divided by the sum of the applicable weights, x 100.</source>
        <translation>评分标准：按时完成得该项全部分值；逾期完成得该项分值的{late:g}%；未完成或错误得0分。各类别折算得分 = 分值 × 得分 / 应得分；演练未涉及的类别为“不适用”，不计入；总分 = 各适用类别折算得分之和 ÷ 适用类别分值之和 × 100。</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>评估类别</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>评估项数</translation>
    </message>
    <message>
        <source>Points earned / possible</source>
        <translation>得分 / 应得分</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>折算得分</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Sum over the applicable categories</source>
        <translation>适用类别合计</translation>
    </message>
    <message>
        <source>Total = {score} / {weight} x 100 (normalised to 100)</source>
        <translation>总分 = {score} ÷ {weight} × 100（折算为百分制）</translation>
    </message>
    <message>
        <source>Further comments of the evaluation team:</source>
        <translation>评估组补充意见：</translation>
    </message>
    <message>
        <source>4. Evaluators&apos; comments</source>
        <translation>四、评估意见</translation>
    </message>
    <message>
        <source>5. Signatures</source>
        <translation>五、签字</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>评定等级</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Item evaluated</source>
        <translation>评估内容</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应完成</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>实际完成</translation>
    </message>
    <message>
        <source>Min late</source>
        <translation>迟(分)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>演练目标</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评定</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>{r} {name} (suggested)</source>
        <translation>{r} {name}（建议）</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>{who} (signature)</source>
        <translation>{who}（签字）</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Evaluator</source>
        <translation>评估人员</translation>
    </message>
    <message>
        <source>Head of the evaluation team</source>
        <translation>评估组组长</translation>
    </message>
    <message>
        <source>Exercise controller</source>
        <translation>导调负责人</translation>
    </message>
    <message>
        <source>For the unit evaluated</source>
        <translation>被评估单位</translation>
    </message>
    <message>
        <source>not verified when this document was made</source>
        <translation>生成本文件时未校验</translation>
    </message>
    <message>
        <source>not stored: a replay that is not in the archive</source>
        <translation>未存档：回放演练，不在演练档案中</translation>
    </message>
    <message>
        <source>FAILED: the stored log does not match its hash chain ({n} events)</source>
        <translation>校验未通过：存档的事件记录与其哈希链不符（{n}条事件）</translation>
    </message>
    <message>
        <source>FAILED: the chain is intact ({n} events) but its final hash is not the one expected</source>
        <translation>校验未通过：哈希链完整（{n}条事件），但终值哈希与预期不符</translation>
    </message>
    <message>
        <source>verified: the chain of {n} events is intact and ends in the hash expected</source>
        <translation>已校验：{n}条事件的哈希链完整，终值哈希与预期一致</translation>
    </message>
    <message>
        <source>verified: the chain of {n} events is intact</source>
        <translation>已校验：{n}条事件的哈希链完整</translation>
    </message>
    <message>
        <source>Event log final hash</source>
        <translation>事件记录终值哈希</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>校验结果</translation>
    </message>
    <message>
        <source>Hash expected</source>
        <translation>预期终值哈希</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>未校验</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>已校验</translation>
    </message>
    <message>
        <source>Log hash {h}… ({state})</source>
        <translation>事件记录哈希 {h}…（{state}）</translation>
    </message>
    <message>
        <source>{plan}: Drill Scoring Sheet</source>
        <translation>{plan}应急演练评估表</translation>
    </message>
    <message>
        <source>1. Summary of scores</source>
        <translation>一、评分汇总</translation>
    </message>
    <message>
        <source>2. Items scored</source>
        <translation>二、逐项评分</translation>
    </message>
    <message>
        <source>3. Objectives (P/S/M/U)</source>
        <translation>三、演练目标评定（P/S/M/U）</translation>
    </message>
    <message>
        <source>NOT VERIFIED: the record was altered</source>
        <translation>校验未通过：记录已被改动</translation>
    </message>
    <message>
        <source>Verification failed: the stored record was altered after it was made. This document is not evidence of the exercise.</source>
        <translation>校验未通过：存档记录在形成后被改动，本文件不能作为演练的评估依据。</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>written</source>
        <translation>书面</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>续报</translation>
    </message>
    <message>
        <source>final</source>
        <translation>终报</translation>
    </message>
    <message>
        <source>sensitive</source>
        <translation>敏感</translation>
    </message>
    <message>
        <source>result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Exercise time (h:mm)</source>
        <translation>演练时间（时:分）</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>报告时限</translation>
    </message>
    <message>
        <source>report on time</source>
        <translation>按时报告</translation>
    </message>
    <message>
        <source>report late</source>
        <translation>迟报</translation>
    </message>
    <message>
        <source>no report</source>
        <translation>未报告</translation>
    </message>
    <message>
        <source>{time} (after the end, in review)</source>
        <translation>{time}（演练结束后，点评中更正）</translation>
    </message>
    <message>
        <source>Entries voided as mistakes: kept in the record, not scored ({count}).</source>
        <translation>作为误录作废的记录（共{count}条）：保留在演练记录中，不计入评分。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Voided at</source>
        <translation>作废时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ReportActionWidget</name>
    <message>
        <source>File a report</source>
        <translation>报送信息</translation>
    </message>
    <message>
        <source>Send report</source>
        <translation>报送</translation>
    </message>
    <message>
        <source>Send the report as filled in (Ctrl+Enter)</source>
        <translation>按所填内容报送（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>{kind}, filled {filled}/{total} items</source>
        <translation>{kind}，已填 {filled}/{total} 项</translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <source>Report to</source>
        <translation>报送对象</translation>
    </message>
    <message>
        <source>Send this report to {party} too</source>
        <translation>此报告同时报送{party}</translation>
    </message>
    <message>
        <source>Report content ({ref})</source>
        <translation>报告内容（{ref}）</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>Below every level criterion</source>
        <translation>未达分级标准</translation>
    </message>
    <message>
        <source>Figures (only the figures you fill in are reported)</source>
        <translation>数据（只报送已填写的项）</translation>
    </message>
    <message>
        <source>Kind of report</source>
        <translation>报告类型</translation>
    </message>
    <message>
        <source>Phone report (§4.1.2) or written report (§4.1.3), and which one</source>
        <translation>电话报告（§4.1.2）或书面报告（§4.1.3）及其类别</translation>
    </message>
    <message>
        <source>Item {number} of a written report (§4.1.3): {item}</source>
        <translation>书面报告第{number}项（§4.1.3）：{item}</translation>
    </message>
    <message>
        <source>{figure}: left empty, it is not reported</source>
        <translation>{figure}：留空则不报告</translation>
    </message>
    <message>
        <source>{figure}: enter an amount in yuan, 0 or more (digits only)</source>
        <translation>{figure}：请填写不小于0的金额（元），只能输入数字</translation>
    </message>
    <message>
        <source>{figure}: enter a whole number, 0 or more (digits only)</source>
        <translation>{figure}：请填写不小于0的整数，只能输入数字</translation>
    </message>
    <message>
        <source>{name} ({ref}): {deadline}</source>
        <translation>{name}（{ref}）：{deadline}</translation>
    </message>
    <message>
        <source>Every item of {ref} is required; the evaluation checks each one. A report with items missing can still be sent.</source>
        <translation>须逐项填写{ref}所列内容，评估将逐项检查；有缺项也可以报送。</translation>
    </message>
    <message>
        <source>Every item of {ref} is required.</source>
        <translation>须逐项填写{ref}所列内容。</translation>
    </message>
    <message>
        <source>A short report: fill in what is known; no item is required.</source>
        <translation>简要报告：按已掌握的情况填写，没有必填项。</translation>
    </message>
    <message>
        <source>The plan says: to {recipients} ({ref})</source>
        <translation>预案规定报送：{recipients}（{ref}）</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Filled {filled}/{total} items</source>
        <translation>已填 {filled}/{total} 项</translation>
    </message>
    <message>
        <source>to {recipients}</source>
        <translation>报送{recipients}</translation>
    </message>
</context>
<context>
    <name>ReportKind</name>
    <message>
        <source>Phone report</source>
        <translation>电话报告</translation>
    </message>
    <message>
        <source>Written report</source>
        <translation>书面报告</translation>
    </message>
    <message>
        <source>Follow-up report</source>
        <translation>续报</translation>
    </message>
    <message>
        <source>Final report</source>
        <translation>终报</translation>
    </message>
    <message>
        <source>Sensitive-event report</source>
        <translation>敏感事件报告</translation>
    </message>
    <message>
        <source>Result report</source>
        <translation>处置结果报告</translation>
    </message>
</context>
<context>
    <name>ScenarioLibraryModel</name>
    <message>
        <source>Scenario</source>
        <translation>演练情景</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>演练形式</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>预设级别</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预设预警</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>My folder</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>校验通过</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
</context>
<context>
    <name>ScoreView</name>
    <message>
        <source>Scoring sheet</source>
        <translation>评分明细</translation>
    </message>
    <message>
        <source>Evaluators&apos; ratings</source>
        <translation>评估意见</translation>
    </message>
    <message>
        <source>Reviews and findings</source>
        <translation>点评与问题</translation>
    </message>
    <message>
        <source>Improvement plan</source>
        <translation>整改计划</translation>
    </message>
    <message>
        <source>Score of the drill</source>
        <translation>演练评分</translation>
    </message>
    <message>
        <source>Every scored item, the totals and the evidence of each (Ctrl+Tab)</source>
        <translation>全部评分项、合计及各项依据（Ctrl+Tab 切换）</translation>
    </message>
    <message>
        <source>The evaluators&apos; latest rating of each objective and unit</source>
        <translation>评估人员对各目标和单位的最新评级</translation>
    </message>
    <message>
        <source>The reviews after the drill and the strengths and problems found</source>
        <translation>演练后的点评及发现的亮点和问题</translation>
    </message>
    <message>
        <source>The improvement plan: items, owners, due dates and status</source>
        <translation>整改计划：事项、责任单位、完成时限和状态</translation>
    </message>
    <message>
        <source>Scenario: {title}</source>
        <translation>情景：{title}</translation>
    </message>
    <message>
        <source>Total {points} / {max} points, {percent}%; scoring sheet {total} of 100, grade {grade}</source>
        <translation>总分 {points} / {max}，得分率 {percent}%；评估表百分制得分 {total}，等级 {grade}</translation>
    </message>
    <message>
        <source>The scoring sheet weights each category and counts only the categories the scenario exercised (normalised to 100).</source>
        <translation>评估表按类别权重计分，只计入本情景涉及的类别（折算为百分制）。</translation>
    </message>
    <message>
        <source>The exercise has not ended: the score is as of {time}.</source>
        <translation>演练尚未结束：分数为截至 {time} 的情况。</translation>
    </message>
</context>
<context>
    <name>SeatAssignmentModel</name>
    <message>
        <source>Participating unit</source>
        <translation>参演单位</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>参演人员</translation>
    </message>
    <message>
        <source>Type the name of the person who plays this unit</source>
        <translation>请输入代表该单位参演的人员姓名</translation>
    </message>
</context>
<context>
    <name>StartPageWidget</name>
    <message>
        <source>Emergency drills</source>
        <translation>应急演练</translation>
    </message>
    <message>
        <source>Scenario library</source>
        <translation>情景库</translation>
    </message>
    <message>
        <source>The built-in scenarios and yours; double-click one to prepare a drill</source>
        <translation>内置情景和您的情景；双击一个情景准备演练</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Open your scenario folder in the file manager</source>
        <translation>在文件管理器中打开您的情景文件夹</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Read the scenario files again</source>
        <translation>重新读取并校验情景文件</translation>
    </message>
    <message>
        <source>New exercise…</source>
        <translation>新建演练…</translation>
    </message>
    <message>
        <source>New exercise</source>
        <translation>新建演练</translation>
    </message>
    <message>
        <source>Selected scenario</source>
        <translation>情景详情</translation>
    </message>
    <message>
        <source>The selected scenario: its summary, units, injects and any problems in its file</source>
        <translation>所选情景：概要、参演单位、注入及其文件中的问题</translation>
    </message>
    <message>
        <source>Exercises</source>
        <translation>演练记录</translation>
    </message>
    <message>
        <source>The exercises in this database; double-click one to open or continue it</source>
        <translation>本数据库中的演练；双击一个演练打开或继续</translation>
    </message>
    <message>
        <source>No exercise yet. Choose a scenario above and click “New exercise…” to prepare one.</source>
        <translation>尚无演练记录。请在上方选择一个情景，点击“新建演练…”开始准备。</translation>
    </message>
    <message>
        <source>Open the selected exercise</source>
        <translation>打开所选演练</translation>
    </message>
    <message>
        <source>Join an exercise…</source>
        <translation>加入演练…</translation>
    </message>
    <message>
        <source>Join an exercise</source>
        <translation>加入演练</translation>
    </message>
    <message>
        <source>Join an exercise the controller hosts on this network, as a unit&apos;s seat</source>
        <translation>以参演单位席位加入导调人员在本网络开放的演练</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Available once the plan is loaded</source>
        <translation>计划加载后可用</translation>
    </message>
    <message>
        <source>Plan: {title} ({number})</source>
        <translation>预案：{title}（{number}）</translation>
    </message>
    <message>
        <source>Your own scenarios: put scenario files (.yaml) in {folder}</source>
        <translation>自定义情景：请将情景文件（.yaml）放入 {folder}</translation>
    </message>
    <message>
        <source>Continue the selected exercise</source>
        <translation>继续所选演练</translation>
    </message>
    <message>
        <source>Prepare a new drill on the selected scenario: title, date, participants</source>
        <translation>按所选情景准备新演练：名称、日期、参演人员</translation>
    </message>
    <message>
        <source>No scenario can be used: every scenario file has problems (see the list).</source>
        <translation>没有可用的情景：每个情景文件都有问题（见列表）。</translation>
    </message>
    <message>
        <source>Open the selected exercise: run it, or see its score if it has ended</source>
        <translation>打开所选演练：进行演练，已结束的查看评分</translation>
    </message>
    <message>
        <source>Select an exercise in the list first.</source>
        <translation>请先在列表中选择一个演练。</translation>
    </message>
    <message>
        <source>Select a scenario to read its summary.</source>
        <translation>选择一个情景，可在此查看其概要。</translation>
    </message>
    <message>
        <source>This scenario file has {count} problem(s) and cannot be used until they are fixed:</source>
        <translation>此情景文件有{count}处问题，修正后才能使用：</translation>
    </message>
    <message>
        <source>Seats ({count}):</source>
        <translation>参演单位（{count}个）：</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>地点：</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>概要：</translation>
    </message>
    <message>
        <source>Objectives:</source>
        <translation>演练目标：</translation>
    </message>
</context>
<context>
    <name>StatusBoard</name>
    <message>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟报/延误</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>+{minutes} min</source>
        <translation>迟{minutes}分</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes}分</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>{count}项</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours}时</translation>
    </message>
    <message>
        <source>{time} over</source>
        <translation>超 {time}</translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation>剩 {time}</translation>
    </message>
    <message>
        <source>no deadline (by the end)</source>
        <translation>无明确时限（演练结束前）</translation>
    </message>
    <message>
        <source>Due {due} · done {done} · {status}</source>
        <translation>时限 {due} · 完成 {done} · {status}</translation>
    </message>
    <message>
        <source>{count} obligations, the most urgent first</source>
        <translation>共{count}项，最紧急的在前</translation>
    </message>
    <message>
        <source>nothing owed</source>
        <translation>暂无事项</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>参演单位</translation>
    </message>
</context>
<context>
    <name>StatusBoardPanel</name>
    <message>
        <source>Unit status against the plan</source>
        <translation>参演单位履职情况</translation>
    </message>
    <message>
        <source>Only units with open items</source>
        <translation>只看有待办事项的单位</translation>
    </message>
    <message>
        <source>Hide units that have nothing to do or due at the moment</source>
        <translation>隐藏当前没有待办或到期事项的单位</translation>
    </message>
    <message>
        <source>From the start: what each unit owes, by when</source>
        <translation>开始后：各单位按预案应做的事项及时限</translation>
    </message>
    <message>
        <source>Once the exercise has started and units learn of the incident, this board shows what each unit owes under the plan and by when.</source>
        <translation>演练开始、参演单位获知事件后，这里按预案列出各单位应完成的事项及时限。</translation>
    </message>
    <message>
        <source>What each unit owes, by when; Enter or a double click acts for it</source>
        <translation>各单位应办事项及时限；按回车或双击即代该单位办理</translation>
    </message>
    <message>
        <source>Past the deadline and not done: minutes over</source>
        <translation>已过时限仍未完成：显示超时分钟数</translation>
    </message>
    <message>
        <source>Due later (minutes left), or by the end of the exercise</source>
        <translation>稍后到期（显示剩余分钟数），或演练结束前完成</translation>
    </message>
    <message>
        <source>Done after the deadline: minutes late</source>
        <translation>超过时限后完成：显示迟报/延误分钟数</translation>
    </message>
    <message>
        <source>5 minutes or less left</source>
        <translation>剩余时间不超过5分钟</translation>
    </message>
    <message>
        <source>Done, but not as the plan requires (see the tooltip)</source>
        <translation>已办理但不符合预案要求（详见提示）</translation>
    </message>
    <message>
        <source>Done in time</source>
        <translation>按时完成</translation>
    </message>
    <message>
        <source>{overdue} overdue · {soon} due soon · {pending} to do · {done} done</source>
        <translation>已超时{overdue}项 · 即将到期{soon}项 · 待办{pending}项 · 已完成{done}项</translation>
    </message>
    <message>
        <source> · {wrong} wrong</source>
        <translation> · 错误{wrong}项</translation>
    </message>
</context>
<context>
    <name>StatusBoardWindow</name>
    <message>
        <source>Status board — {title}</source>
        <translation>状态看板 — {title}</translation>
    </message>
    <message>
        <source>Scenario time</source>
        <translation>情景时间</translation>
    </message>
</context>
<context>
    <name>StepLists</name>
    <message>
        <source>First response: safety incidents</source>
        <translation>先期处置：安全事故类</translation>
    </message>
    <message>
        <source>First response: supply</source>
        <translation>先期处置：供应保障类</translation>
    </message>
    <message>
        <source>On a warning</source>
        <translation>预警措施</translation>
    </message>
    <message>
        <source>Response: safety incidents</source>
        <translation>应急处置：安全事故类</translation>
    </message>
    <message>
        <source>Response: supply</source>
        <translation>应急处置：供应保障类</translation>
    </message>
    <message>
        <source>Response: leaders on scene</source>
        <translation>应急处置：主要负责同志赶赴现场</translation>
    </message>
</context>
<context>
    <name>StepsActionWidget</name>
    <message>
        <source>Steps and measures taken</source>
        <translation>处置措施</translation>
    </message>
    <message>
        <source>Show the steps and measures of one section of the plan</source>
        <translation>只显示预案某一章节的步骤和措施</translation>
    </message>
    <message>
        <source>Plan section</source>
        <translation>预案条款</translation>
    </message>
    <message>
        <source>All sections</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>The plan&apos;s steps and measures: tick one when the unit takes it</source>
        <translation>预案规定的步骤和措施：单位采取后勾选</translation>
    </message>
    <message>
        <source>Steps and measures</source>
        <translation>步骤和措施</translation>
    </message>
    <message>
        <source>A note recorded with the next step you tick (optional)</source>
        <translation>随下一个勾选的步骤一并记录的备注（可选）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Note for the next step you tick (optional)</source>
        <translation>备注（可选，随下一项勾选一并记录）</translation>
    </message>
    <message>
        <source>Tick a step to record that this unit took it.</source>
        <translation>勾选即记录本单位已采取该措施。</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>StepsModel</name>
    <message>
        <source>Step or measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>§</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>By (plan)</source>
        <translation>责任单位（预案）</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>已记录</translation>
    </message>
    <message>
        <source>{time} this unit</source>
        <translation>{time} 本单位</translation>
    </message>
    <message>
        <source>recording…</source>
        <translation>正在记录…</translation>
    </message>
</context>
<context>
    <name>SupplyActionWidget</name>
    <message>
        <source>Cut or restore gas supply</source>
        <translation>压减/恢复供气</translation>
    </message>
    <message>
        <source>User classes in the plan&apos;s order of priority (1 = protected first).</source>
        <translation>按预案优先保障供应顺序排列（1 = 最优先保障）。</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>顺序</translation>
    </message>
    <message>
        <source>User class</source>
        <translation>用户类别</translation>
    </message>
    <message>
        <source>Supply</source>
        <translation>供气状态</translation>
    </message>
    <message>
        <source>Gas users in the plan&apos;s order of priority and whether their supply is cut</source>
        <translation>按预案优先顺序排列的用气户及其是否已停气</translation>
    </message>
    <message>
        <source>Gas supply</source>
        <translation>供气</translation>
    </message>
    <message>
        <source>Cut supply</source>
        <translation>压减供气</translation>
    </message>
    <message>
        <source>Restore supply</source>
        <translation>恢复供气</translation>
    </message>
    <message>
        <source>Choose a user class in the list</source>
        <translation>请在列表中选择用户类别</translation>
    </message>
    <message>
        <source>{users}: supply cut</source>
        <translation>压减{users}</translation>
    </message>
    <message>
        <source>{users}: supply restored</source>
        <translation>恢复{users}</translation>
    </message>
    <message>
        <source>Supplied</source>
        <translation>正常供气</translation>
    </message>
    <message>
        <source>Cut since {time}</source>
        <translation>已压减（{time}）</translation>
    </message>
</context>
<context>
    <name>TraineeWindow</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>What is due</source>
        <translation>应办事项</translation>
    </message>
    <message>
        <source>Due at</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>overdue {span}</source>
        <translation>已超时 {span}</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <source>Recorded {time}</source>
        <translation>已记录 {time}</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>被拒绝：{reason}</translation>
    </message>
    <message>
        <source>Voided: {reason}</source>
        <translation>已作废：{reason}</translation>
    </message>
    <message>
        <source>{unit} — {title}</source>
        <translation>{unit} — {title}</translation>
    </message>
    <message>
        <source>Join again…</source>
        <translation>重新加入…</translation>
    </message>
    <message>
        <source>Join the exercise again: the join code, and the seat to take</source>
        <translation>重新加入本演练：输入加入码，选择要占用的席位</translation>
    </message>
    <message>
        <source>Join again</source>
        <translation>重新加入</translation>
    </message>
    <message>
        <source>Exercise clock</source>
        <translation>演练时钟</translation>
    </message>
    <message>
        <source>Exercise time</source>
        <translation>演练时间</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <source>The message chosen</source>
        <translation>所选消息</translation>
    </message>
    <message>
        <source>Choose a message in the inbox to read it.</source>
        <translation>在收件箱中选择一条消息查看全文。</translation>
    </message>
    <message>
        <source>Our deadlines</source>
        <translation>本单位时限</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>What we sent</source>
        <translation>本单位已发送</translation>
    </message>
    <message>
        <source>Inbox ({count} unread)</source>
        <translation>收件箱（{count}条未读）</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Offline, {count} queued: the forms keep working; what you send is kept and delivered when the connection is back.</source>
        <translation>离线，已排队{count}条：表单照常可用，所发内容已保存，网络恢复后自动送达。</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
</context>
<context>
    <name>VoidEntryDialog</name>
    <message>
        <source>Void an entry</source>
        <translation>作废记录</translation>
    </message>
    <message>
        <source>The entry stays in the log, marked as voided with your reason, and no longer counts in the score. Nothing is deleted.</source>
        <translation>该记录仍保留在事件记录中，标注为已作废并注明原因，不再计入评分。不删除任何记录。</translation>
    </message>
    <message>
        <source>Why the entry is a mistake: kept in the log and on the report</source>
        <translation>该记录错误的原因：保留在记录和报告中</translation>
    </message>
    <message>
        <source>Why is this entry a mistake?</source>
        <translation>这条记录错在哪里？</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Close without voiding anything</source>
        <translation>关闭，不作废任何记录</translation>
    </message>
    <message>
        <source>Void the entry: it stays in the log, marked, and no longer counts</source>
        <translation>作废该记录：仍保留在记录中并加标注，不再计分</translation>
    </message>
    <message>
        <source>Give the reason first.</source>
        <translation>请先填写原因。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>WarningActionWidget</name>
    <message>
        <source>Issue, change or lift a warning</source>
        <translation>发布/调整/解除预警</translation>
    </message>
    <message>
        <source>The colour of the warning to issue or change to</source>
        <translation>发布或调整的预警颜色</translation>
    </message>
    <message>
        <source>Warning colour</source>
        <translation>预警颜色</translation>
    </message>
    <message>
        <source>{colour} warning ({severity})</source>
        <translation>{colour}预警（{severity}）</translation>
    </message>
    <message>
        <source>Issue warning</source>
        <translation>发布预警</translation>
    </message>
    <message>
        <source>Change warning</source>
        <translation>调整预警</translation>
    </message>
    <message>
        <source>Lift warning</source>
        <translation>解除预警</translation>
    </message>
    <message>
        <source>Warning level</source>
        <translation>预警级别</translation>
    </message>
    <message>
        <source>Issued by {body} ({ref}). {role}</source>
        <translation>发布机关：{body}（{ref}）。{role}</translation>
    </message>
    <message>
        <source>{colour} warning issued</source>
        <translation>发布{colour}预警</translation>
    </message>
    <message>
        <source>warning changed to {colour}</source>
        <translation>预警调整为{colour}</translation>
    </message>
    <message>
        <source>warning lifted</source>
        <translation>解除预警</translation>
    </message>
    <message>
        <source>No warning is in force.</source>
        <translation>当前无预警。</translation>
    </message>
    <message>
        <source>In force: {colour} warning, since {time} ({unit})</source>
        <translation>当前预警：{colour}预警（{time}，{unit}）</translation>
    </message>
</context>
</TS>

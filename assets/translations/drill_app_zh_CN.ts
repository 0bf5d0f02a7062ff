<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>Filter the rows of this section</source>
        <translation>筛选本栏目的条目</translation>
    </message>
    <message>
        <source>F&amp;ilter:</source>
        <translation>筛选(&amp;I)：</translation>
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
    <name>ProblemListDialog</name>
    <message>
        <source>… and {count} more</source>
        <translation>……另有 {count} 项</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttachDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="191"/>
        <source>Attach existing organization</source>
        <translation>关联已有单位</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="198"/>
        <source>Type the name, pinyin initials or credit code, then choose:</source>
        <translation>输入单位名称、拼音首字母或信用代码，然后选择：</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="372"/>
        <source>Organization or person: name, pinyin, phone, USCC or record id</source>
        <translation>单位或人员：名称、拼音、电话、统一社会信用代码或记录编号</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="379"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="379"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="379"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="379"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="380"/>
        <source>Officer</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="380"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="380"/>
        <source>Package</source>
        <translation>数据包</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="404"/>
        <source>Nothing found for &quot;%1&quot;</source>
        <translation>未找到“%1”</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="423"/>
        <source>History of %1: %2 changes</source>
        <translation>%1 的修改记录：共 %2 条</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="428"/>
        <source>Batch %1</source>
        <translation>第 %1 批</translation>
    </message>
</context>
<context>
    <name>BuildingDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="163"/>
        <source>Add building</source>
        <translation>添加楼宇</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="173"/>
        <source>Cluster</source>
        <translation>集聚区</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="174"/>
        <source>Building name</source>
        <translation>楼宇名称</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="175"/>
        <source>Floors above ground</source>
        <translation>地上层数</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="176"/>
        <source>Basement floors</source>
        <translation>地下层数</translation>
    </message>
</context>
<context>
    <name>BulkAssignDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_dialogs.py" line="43"/>
        <source>Assign responsible person</source>
        <translation>指定负责人</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_dialogs.py" line="46"/>
        <source>No due date</source>
        <translation>不设期限</translation>
    </message>
    <message numerus="yes">
        <location filename="../../yeda_desktop/ui/ledger_dialogs.py" line="49"/>
        <source>%n gap(s) selected</source>
        <translation>
            <numerusform>已选 %n 项问题</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_dialogs.py" line="50"/>
        <source>Responsible</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_dialogs.py" line="51"/>
        <source>Due date</source>
        <translation>整改期限</translation>
    </message>
</context>
<context>
    <name>CentreFilesView</name>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="60"/>
        <source>Write centre profile…</source>
        <translation>写出中心配置文件…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="61"/>
        <source>Gap rule thresholds…</source>
        <translation>规则阈值…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="63"/>
        <source>The thresholds this centre evaluates with; the laptops take them with the next centre profile</source>
        <translation>本中心排查问题所用的阈值；各笔记本随下一次写出的中心配置文件采用</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="67"/>
        <source>Write baseline…</source>
        <translation>写出基础数据包…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="69"/>
        <source>Write receipt…</source>
        <translation>写出回执…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="72"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="72"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="72"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="72"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="75"/>
        <source>Import those now approved</source>
        <translation>导入已获批准设备的数据包</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="81"/>
        <source>Files for the laptops</source>
        <translation>发给外业笔记本的文件</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="85"/>
        <source>Team</source>
        <translation>扫楼小组</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="86"/>
        <source>Laptops that may read it</source>
        <translation>可读取的笔记本</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="88"/>
        <source>Receipt for</source>
        <translation>回执发给</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="90"/>
        <source>Quarantine (packages from devices not approved)</source>
        <translation>隔离区（来自未批准设备的数据包）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="187"/>
        <source>Save package</source>
        <translation>保存数据包</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="188"/>
        <source>YEDA packages (*.yeda)</source>
        <translation>业达数据包 (*.yeda)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="203"/>
        <source>The thresholds are unchanged.</source>
        <translation>阈值没有改动。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="208"/>
        <source>Thresholds saved. Press Re-evaluate on the ledger tab to apply them to the ledger here, and write the centre profile again for the laptops.</source>
        <translation>阈值已保存。请在专项工作台账页点“重新排查”使本中心的台账按新阈值更新，并重新写出中心配置文件交给各笔记本。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="216"/>
        <source>Centre profile written: %1</source>
        <translation>中心配置文件已写出：%1</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="219"/>
        <source>Writing the centre profile…</source>
        <translation>正在写出中心配置文件…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="224"/>
        <source>Choose a team and at least one approved laptop.</source>
        <translation>请选择扫楼小组和至少一台已批准的笔记本。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="231"/>
        <source>Baseline written: %1 (%2 rows)</source>
        <translation>基础数据已写出：%1（%2 条）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="234"/>
        <source>Writing the baseline…</source>
        <translation>正在写出基础数据…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="239"/>
        <source>Choose the laptop the receipt is for.</source>
        <translation>请选择回执发给哪台笔记本。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="245"/>
        <source>Receipt written: %1 (%2 batches)</source>
        <translation>回执已写出：%1（%2 批）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="248"/>
        <source>Writing the receipt…</source>
        <translation>正在写出回执…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="258"/>
        <source>Importing the released packages…</source>
        <translation>正在导入解除隔离的数据包…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="274"/>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="285"/>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="287"/>
        <source>Refused; nothing was written.</source>
        <translation>已拒绝，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_centre.py" line="290"/>
        <source>Failed.</source>
        <translation>失败。</translation>
    </message>
</context>
<context>
    <name>ChangePartyOrgDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/party_dialogs.py" line="148"/>
        <source>Change the party organization</source>
        <translation>修改党组织</translation>
    </message>
</context>
<context>
    <name>CloseGapDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_dialogs.py" line="70"/>
        <source>Close gap</source>
        <translation>整改完成</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_dialogs.py" line="72"/>
        <source>e.g. instructor appointed, see the minutes</source>
        <translation>例如：已选派党建指导员，见会议记录</translation>
    </message>
    <message numerus="yes">
        <location filename="../../yeda_desktop/ui/ledger_dialogs.py" line="76"/>
        <source>%n gap(s) selected</source>
        <translation>
            <numerusform>已选 %n 项问题</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_dialogs.py" line="77"/>
        <source>Closing evidence</source>
        <translation>整改佐证材料</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_dialogs.py" line="78"/>
        <source>Rectified on</source>
        <translation>整改完成日期</translation>
    </message>
</context>
<context>
    <name>ClusterDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="129"/>
        <source>Add cluster</source>
        <translation>添加园区或楼宇群</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="142"/>
        <source>Zone</source>
        <translation>开发区</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="143"/>
        <source>Subdistrict</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="144"/>
        <source>Cluster name</source>
        <translation>园区或楼宇群名称</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="145"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="79"/>
        <source>Side</source>
        <translation>一方</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="79"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="79"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="79"/>
        <source>Officer</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="80"/>
        <source>Package</source>
        <translation>数据包</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="85"/>
        <source>Use the chosen value</source>
        <translation>采用所选的值</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="86"/>
        <source>Show the record&apos;s history</source>
        <translation>查看该记录的修改记录</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="139"/>
        <source>No open conflicts.</source>
        <translation>没有待处理的冲突。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="155"/>
        <source>Base</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="161"/>
        <source>Batch %1</source>
        <translation>第 %1 批</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="184"/>
        <source>Not resolved</source>
        <translation>未能解决</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="129"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="131"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="134"/>
        <source>Write the statistics to an Excel workbook: coverage and sweep progress by every breakdown, the ledger&apos;s gaps and the funding estimate with the inputs shown here</source>
        <translation>把统计写入 Excel 工作簿：各种分组的覆盖率和扫楼进度、台账问题统计，以及按此处输入测算的经费</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="175"/>
        <source>Breakdown</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="187"/>
        <source>Funding estimate for the year</source>
        <translation>年度经费测算</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="189"/>
        <source>Level</source>
        <translation>档次</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="190"/>
        <source>Monthly allowance (yuan)</source>
        <translation>月津贴（元）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="191"/>
        <source>Certified staff</source>
        <translation>认证党务工作者人数</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="212"/>
        <source>Whole zone</source>
        <translation>全区</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="213"/>
        <source>Subdistrict</source>
        <translation>镇街</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="214"/>
        <source>Cluster</source>
        <translation>集聚区</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="215"/>
        <source>Building</source>
        <translation>楼宇</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="216"/>
        <source>Industry</source>
        <translation>行业门类</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="217"/>
        <source>Ownership</source>
        <translation>经济类型</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="218"/>
        <source>Size (above designated size or not)</source>
        <translation>企业规模</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="219"/>
        <source>Key industry</source>
        <translation>重点行业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="277"/>
        <source>Export the statistics</source>
        <translation>导出统计</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="278"/>
        <source>Exporting the statistics…</source>
        <translation>正在导出统计…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="279"/>
        <source>Exported %1 rows</source>
        <translation>已导出 %1 行</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="292"/>
        <source>Above designated size</source>
        <translation>规模以上企业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="293"/>
        <source>Below designated size</source>
        <translation>规模以下</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="300"/>
        <source>No key industry</source>
        <translation>非重点行业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="307"/>
        <source>Organization coverage %1 (previous %2)</source>
        <translation>组织覆盖率 %1（上一年 %2）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="311"/>
        <source>Work coverage %1 (previous %2)</source>
        <translation>工作覆盖率 %1（上一年 %2）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="315"/>
        <source>Open gaps: %1</source>
        <translation>在整改问题：%1</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="345"/>
        <source>Organization coverage %</source>
        <translation>组织覆盖率%</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="346"/>
        <source>Work coverage %</source>
        <translation>工作覆盖率%</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="353"/>
        <source>Coverage by %1</source>
        <translation>按%1统计覆盖率</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="361"/>
        <source>Open</source>
        <translation>未整改</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="362"/>
        <source>Finished</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="374"/>
        <source>Ledger gaps by rule</source>
        <translation>台账问题分类</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="391"/>
        <source>Organizations</source>
        <translation>组织数</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="392"/>
        <source>Organization coverage</source>
        <translation>组织覆盖率</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="392"/>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="393"/>
        <source>Previous</source>
        <translation>上一年</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="393"/>
        <source>Work coverage</source>
        <translation>工作覆盖率</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="393"/>
        <source>Floors swept</source>
        <translation>已扫楼层</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="394"/>
        <source>Units visited</source>
        <translation>已走访房间</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="394"/>
        <source>Units visited, previous campaign</source>
        <translation>上一年已走访房间</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="424"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="424"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="424"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dashboard.py" line="430"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>DatabaseOpening</name>
    <message>
        <location filename="../../yeda_desktop/ui/window_opening.py" line="53"/>
        <location filename="../../yeda_desktop/ui/window_opening.py" line="85"/>
        <source>Opening database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_opening.py" line="55"/>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_opening.py" line="80"/>
        <source>Building the search index…</source>
        <translation>正在建立搜索索引…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_opening.py" line="100"/>
        <source>Choose a building and floor</source>
        <translation>请选择楼宇和楼层</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_opening.py" line="127"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_opening.py" line="129"/>
        <source>Campaign: %1</source>
        <translation>扫楼活动：%1</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_opening.py" line="168"/>
        <source>Cannot open database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="86"/>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="194"/>
        <source>No unit selected</source>
        <translation>未选择房间</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="102"/>
        <source>Visit:</source>
        <translation>走访：</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="115"/>
        <source>No organization registered in this unit</source>
        <translation>该房间尚未登记单位</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="118"/>
        <source>Full name of the organization</source>
        <translation>单位全称</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="120"/>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="140"/>
        <source>Organization name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="122"/>
        <source>Register new organization</source>
        <translation>登记新单位</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="124"/>
        <source>Attach existing organization…</source>
        <translation>关联已有单位…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="136"/>
        <source>Organization</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="141"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="142"/>
        <source>Staff</source>
        <translation>职工人数</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="143"/>
        <source>Party members (reported)</source>
        <translation>党员人数（自报）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="144"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="145"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="146"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="147"/>
        <source>Address</source>
        <translation>单位地址</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="148"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="158"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="159"/>
        <source>Marks</source>
        <translation>标识</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="160"/>
        <source>Key industry</source>
        <translation>重点行业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="161"/>
        <source>Four haves</source>
        <translation>外企四有</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="165"/>
        <source>Confirm record for this campaign</source>
        <translation>本次扫楼核实无误</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="172"/>
        <source>Gaps</source>
        <translation>问题提示</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="181"/>
        <source>Members</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="204"/>
        <source>%1, floor %2, unit %3</source>
        <translation>%1 %2层 %3室</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="225"/>
        <source>Confirmed this campaign</source>
        <translation>本次扫楼已核实</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="227"/>
        <source>Not yet confirmed this campaign</source>
        <translation>本次扫楼尚未核实</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="309"/>
        <source>Edit %1</source>
        <translation>修改%1</translation>
    </message>
</context>
<context>
    <name>DevicesView</name>
    <message>
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="51"/>
        <source>Device id</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="51"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="51"/>
        <source>Team</source>
        <translation>扫楼小组</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="51"/>
        <source>Officer</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="52"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="52"/>
        <source>Code</source>
        <translation>核对码</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="52"/>
        <source>Last batch</source>
        <translation>最近批次</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="52"/>
        <source>Last import</source>
        <translation>最近导入</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="53"/>
        <source>Batches not arrived</source>
        <translation>尚未到达的批次</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="57"/>
        <source>Read enrolment request…</source>
        <translation>读取登记申请…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="58"/>
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="59"/>
        <source>Revoke</source>
        <translation>吊销</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="95"/>
        <source>This centre has no such team: check with the officer before approving</source>
        <translation>本中心没有这个扫楼小组：批准前请与队员核对</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="99"/>
        <source>Ask the officer for these batches: %1</source>
        <translation>请向队员索取这些批次：%1</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="114"/>
        <source>No devices yet. A field laptop writes an enrolment request (Exchange → Write the enrolment request); read it here, compare the code the laptop shows, and approve.</source>
        <translation>还没有设备。外业笔记本写出设备登记申请（数据交换 → 写出设备登记申请）后，在这里读取，核对笔记本上显示的核对码，再批准。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="118"/>
        <source>%n device(s), </source>
        <translation>
            <numerusform>共 %n 台设备，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="119"/>
        <source>%n waiting for approval.</source>
        <translation>
            <numerusform>%n 台待审批。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="121"/>
        <source>%n device(s).</source>
        <translation>
            <numerusform>共 %n 台设备。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="149"/>
        <source>Enrolment request</source>
        <translation>登记申请</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="149"/>
        <source>YEDA packages (*.yeda)</source>
        <translation>业达数据包 (*.yeda)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="158"/>
        <source>Enrolment refused</source>
        <translation>登记申请被拒绝</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="169"/>
        <source>Approve device</source>
        <translation>批准设备</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="170"/>
        <source>Type the code the laptop shows (compare it digit by digit):</source>
        <translation>请输入笔记本上显示的核对码（逐位核对）：</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="179"/>
        <source>Not approved</source>
        <translation>未批准</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="194"/>
        <source>Revoke device</source>
        <translation>吊销设备</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="195"/>
        <source>Revoke the device &quot;%1&quot; (%2)? Its batches will be quarantined, not imported, until it is approved again.</source>
        <translation>吊销设备“%1”（%2）？吊销后，它的数据包将进入隔离区，不再导入，直到重新批准。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_devices.py" line="206"/>
        <source>Not revoked</source>
        <translation>未吊销</translation>
    </message>
</context>
<context>
    <name>DirectoryModel</name>
    <message>
        <location filename="../../yeda_desktop/ui/directory_model.py" line="74"/>
        <source>Organization</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_model.py" line="75"/>
        <source>Building</source>
        <translation>楼宇</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_model.py" line="76"/>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_model.py" line="77"/>
        <source>Unit</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_model.py" line="78"/>
        <source>Ownership</source>
        <translation>经济类型</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_model.py" line="79"/>
        <source>Staff</source>
        <translation>职工人数</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_model.py" line="80"/>
        <source>Party members</source>
        <translation>党员人数</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_model.py" line="81"/>
        <source>Open gaps</source>
        <translation>未整改问题</translation>
    </message>
</context>
<context>
    <name>DirectoryView</name>
    <message>
        <location filename="../../yeda_desktop/ui/directory_view.py" line="63"/>
        <source>Name, pinyin initials, USCC or phone</source>
        <translation>名称、拼音首字母、信用代码或电话</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_view.py" line="65"/>
        <source>Show only the organizations this finds, as the search box does</source>
        <translation>只列出按此查到的单位（与搜索框查找方式相同）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_view.py" line="72"/>
        <source>Gaps: any</source>
        <translation>问题：全部</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_view.py" line="73"/>
        <source>With open gaps</source>
        <translation>有未整改问题</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_view.py" line="74"/>
        <source>Without open gaps</source>
        <translation>无未整改问题</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_view.py" line="77"/>
        <source>Any ownership</source>
        <translation>全部经济类型</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_view.py" line="80"/>
        <source>Any industry</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_view.py" line="89"/>
        <source>Any mark</source>
        <translation>标识：全部</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_view.py" line="90"/>
        <source>Above designated size</source>
        <translation>规模以上企业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_view.py" line="91"/>
        <source>Listed</source>
        <translation>上市公司</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_view.py" line="92"/>
        <source>Key enterprise</source>
        <translation>重点非公企业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_view.py" line="95"/>
        <source>Key industry: %1</source>
        <translation>重点行业：%1</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_view.py" line="100"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_view.py" line="103"/>
        <source>Write the organizations listed to an Excel workbook</source>
        <translation>把列出的单位导出为 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_view.py" line="208"/>
        <source>All subdistricts</source>
        <translation>全部镇街</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_view.py" line="213"/>
        <source>All clusters</source>
        <translation>全部集聚区</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_view.py" line="220"/>
        <source>All buildings</source>
        <translation>全部楼宇</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_view.py" line="247"/>
        <source>%1 organizations</source>
        <translation>共 %1 家单位</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_view.py" line="259"/>
        <source>Export the %1 organizations listed</source>
        <translation>导出列出的 %1 家单位</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_view.py" line="262"/>
        <source>Export organizations</source>
        <translation>导出单位名单</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_view.py" line="263"/>
        <source>Exporting the organizations…</source>
        <translation>正在导出单位名单…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/directory_view.py" line="264"/>
        <source>Exported %1 organizations</source>
        <translation>已导出 %1 家单位</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="203"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="203"/>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="222"/>
        <source>Record A</source>
        <translation>记录甲</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="203"/>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="222"/>
        <source>Record B</source>
        <translation>记录乙</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="203"/>
        <source>Detail</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="207"/>
        <source>Merge, keep A</source>
        <translation>合并，保留甲</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="208"/>
        <source>Merge, keep B</source>
        <translation>合并，保留乙</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="209"/>
        <source>Not the same: dismiss</source>
        <translation>不是同一单位：忽略</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="210"/>
        <source>History of A</source>
        <translation>查看甲的修改记录</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="211"/>
        <source>History of B</source>
        <translation>查看乙的修改记录</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="222"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message numerus="yes">
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="272"/>
        <source>%n candidate pair(s): merge them or dismiss them.</source>
        <translation>
            <numerusform>%n 对疑似重复：请合并或排除。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="273"/>
        <source>No duplicate candidates.</source>
        <translation>没有疑似重复的记录。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="340"/>
        <source>Not merged</source>
        <translation>未能合并</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="348"/>
        <source>Merge organizations</source>
        <translation>合并单位</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_queues.py" line="349"/>
        <source>Merge &quot;%1&quot; into &quot;%2&quot;? Its people and places move to &quot;%2&quot;, which takes its values only where it has none; &quot;%1&quot; is then removed. This cannot be undone.</source>
        <translation>将“%1”并入“%2”？它的人员和所在位置转到“%2”，“%2”空着的项目取它的值；随后删除“%1”。合并后无法撤销。</translation>
    </message>
</context>
<context>
    <name>EndAssignmentDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/party_dialogs.py" line="192"/>
        <source>End an instructor&apos;s assignment</source>
        <translation>结束党建指导员选派</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_dialogs.py" line="202"/>
        <source>Instructor</source>
        <translation>党建指导员</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_dialogs.py" line="203"/>
        <source>Last day</source>
        <translation>最后一天</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/sync_enrol.py" line="44"/>
        <source>Enrolment request</source>
        <translation>设备登记申请</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_enrol.py" line="49"/>
        <source>Sweep team</source>
        <translation>扫楼小组</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_enrol.py" line="50"/>
        <source>Officer</source>
        <translation>队员</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_enrol.py" line="51"/>
        <source>Device name</source>
        <translation>设备名称</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_enrol.py" line="54"/>
        <source>Save the request…</source>
        <translation>保存登记申请…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_enrol.py" line="89"/>
        <source>Ask the centre “%1” to enrol this laptop. Save the request, take the file to the administrator, and read out the code shown here.</source>
        <translation>向中心“%1”申请登记本机：保存登记申请文件，交给管理员，并向管理员读出这里显示的核对码。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_enrol.py" line="101"/>
        <source>Save enrolment request</source>
        <translation>保存设备登记申请</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_enrol.py" line="103"/>
        <source>YEDA packages (*.yeda)</source>
        <translation>业达数据包 (*.yeda)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_enrol.py" line="112"/>
        <source>Choose the sweep team this laptop works for.</source>
        <translation>请选择本机所属的扫楼小组。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_enrol.py" line="124"/>
        <source>Request written: %1. Give this file to the administrator and read out this code; the centre approves the laptop only if the codes match.</source>
        <translation>登记申请已写出：%1。请把文件交给管理员，并读出下面的核对码；两边核对码一致，中心才会批准本机。</translation>
    </message>
</context>
<context>
    <name>ExcelImportDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="63"/>
        <source>Import from Excel</source>
        <translation>从Excel导入</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="67"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="70"/>
        <source>Organization list</source>
        <translation>两新组织名单</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="71"/>
        <source>Member roster</source>
        <translation>党员花名册</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="75"/>
        <source>Validate</source>
        <translation>校验</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="78"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="85"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="88"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="94"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="99"/>
        <source>Columns (guessed from the headers; change if wrong)</source>
        <translation>列对应关系（根据表头自动识别，如有误请修改）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="109"/>
        <source>Choose an Excel file</source>
        <translation>选择Excel文件</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="110"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="116"/>
        <source>Reading the workbook…</source>
        <translation>正在读取工作簿…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="142"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="144"/>
        <source>Column %1</source>
        <translation>第%1列</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="171"/>
        <source>Checking the rows…</source>
        <translation>正在校验各行…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="181"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="181"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="182"/>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="182"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="188"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="188"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="188"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="188"/>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="210"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="214"/>
        <source>Imported: %1 new, %2 updated, %3 rows with errors skipped</source>
        <translation>已导入：新增 %1，更新 %2，跳过错误行 %3</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/excel_import_dialog.py" line="243"/>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>ExcelMenu</name>
    <message>
        <location filename="../../yeda_desktop/ui/workbook_export.py" line="76"/>
        <source>E&amp;xport to Excel</source>
        <translation>导出到 Excel(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/workbook_export.py" line="85"/>
        <source>Special work &amp;ledger (all gaps)…</source>
        <translation>专项工作台账（全部问题）(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/workbook_export.py" line="86"/>
        <source>&amp;Organization list (all)…</source>
        <translation>两新组织名单（全部）(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/workbook_export.py" line="88"/>
        <source>&amp;Member roster…</source>
        <translation>党员花名册(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/workbook_export.py" line="89"/>
        <source>&amp;Statistics…</source>
        <translation>统计(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/workbook_export.py" line="103"/>
        <source>Export the whole ledger</source>
        <translation>导出全部台账</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/workbook_export.py" line="104"/>
        <source>Exporting the ledger…</source>
        <translation>正在导出台账…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/workbook_export.py" line="105"/>
        <source>Exported %1 gaps</source>
        <translation>已导出 %1 项问题</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/workbook_export.py" line="109"/>
        <source>Export every organization</source>
        <translation>导出全部单位名单</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/workbook_export.py" line="110"/>
        <source>Exporting the organizations…</source>
        <translation>正在导出单位名单…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/workbook_export.py" line="111"/>
        <source>Exported %1 organizations</source>
        <translation>已导出 %1 家单位</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/workbook_export.py" line="116"/>
        <source>Export the member roster</source>
        <translation>导出党员花名册</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/workbook_export.py" line="119"/>
        <source>Write the ID numbers whole?

No: only their first 6 and last 4 characters, as on the printed roster. Whole ID numbers are personal data: keep the file safe.</source>
        <translation>身份证号要完整导出吗？

选“否”：只保留前 6 位和后 4 位，与打印的花名册相同。完整的身份证号属于个人信息，请妥善保管导出的文件。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/workbook_export.py" line="127"/>
        <source>Exporting the member roster…</source>
        <translation>正在导出党员花名册…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/workbook_export.py" line="128"/>
        <source>Exported %1 party members</source>
        <translation>已导出 %1 名党员</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/workbook_export.py" line="136"/>
        <source>Export the statistics</source>
        <translation>导出统计</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/workbook_export.py" line="136"/>
        <source>Exporting the statistics…</source>
        <translation>正在导出统计…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/workbook_export.py" line="137"/>
        <source>Exported %1 rows of statistics</source>
        <translation>已导出 %1 行统计</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="260"/>
        <source>Export today&apos;s work</source>
        <translation>导出今天的工作</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="261"/>
        <source>Export everything again (full re-export)</source>
        <translation>全部重新导出</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="263"/>
        <source>Choose where to save…</source>
        <translation>选择保存位置…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="269"/>
        <source>Save batch</source>
        <translation>保存数据包</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="270"/>
        <source>YEDA packages (*.yeda)</source>
        <translation>业达数据包 (*.yeda)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="278"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="285"/>
        <source>Batch %1, left by an interrupted export, is finished: %2. Export again for the changes made since.</source>
        <translation>上次中断的导出留下的第 %1 批已完成：%2。之后的修改请再导出一次。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="288"/>
        <source>Batch %1 written: %2</source>
        <translation>第 %1 批已写出：%2</translation>
    </message>
</context>
<context>
    <name>FloorDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="93"/>
        <source>Add floor</source>
        <translation>添加楼层</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="96"/>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
</context>
<context>
    <name>FloorView</name>
    <message>
        <location filename="../../yeda_desktop/ui/floor_view.py" line="141"/>
        <source>Units on this floor</source>
        <translation>本层房间</translation>
    </message>
</context>
<context>
    <name>FormPartyOrgDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/party_dialogs.py" line="129"/>
        <source>Form a party organization</source>
        <translation>成立党组织</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_dialogs.py" line="132"/>
        <source>e.g. 烟台华盛科技有限公司党支部</source>
        <translation>如：烟台华盛科技有限公司党支部</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="109"/>
        <source>Import packages</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="110"/>
        <source>Choose packages to import…</source>
        <translation>选择要导入的数据包…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="113"/>
        <source>Import every batch in a folder (USB stick)…</source>
        <translation>导入文件夹（U 盘）中的全部批次…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="125"/>
        <source>Packages</source>
        <translation>数据包</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="125"/>
        <source>YEDA packages (*.yeda)</source>
        <translation>业达数据包 (*.yeda)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="131"/>
        <source>Folder of batches</source>
        <translation>批次所在的文件夹</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="163"/>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="182"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="190"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="192"/>
        <source>Cancelled at %1: it and the files after it were not imported; those above are as listed.</source>
        <translation>已在 %1 处取消：它和之后的文件未导入；上面列出的文件如其所示。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="197"/>
        <source>Skipped %n file(s) that are not batches: </source>
        <translation>
            <numerusform>跳过 %n 个不是工作数据包的文件：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="208"/>
        <source>Not taken: import one centre&apos;s profile at a time.</source>
        <translation>未导入：一次只能导入一个中心的配置文件。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="214"/>
        <source>The centre was not changed; nothing was written.</source>
        <translation>未更换中心，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="220"/>
        <source>Use the centre&apos;s new keys?</source>
        <translation>改用中心的新密钥？</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="222"/>
        <source>This file carries new keys of centre %1: its code is now %2 (this laptop trusts %3). A centre&apos;s keys change only when it was set up again.

Compare the new code with the administrator&apos;s before you go on.

Use the new keys?</source>
        <translation>本机信任的核对码是 %3，这个文件带有中心“%1”的新密钥，核对码为 %2。中心只有在重新安装后才会更换密钥。

继续之前，请与管理员核对新的核对码。

改用新密钥吗？</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="230"/>
        <source>Change centre?</source>
        <translation>更换中心？</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="232"/>
        <source>This laptop works for centre %1 (code %2). This file comes from another centre, %3 (code %4).

After the change this laptop takes baselines only from %3, must be enrolled there (Exchange → Write enrolment request), and numbers its batches from 1 again. The buildings, organizations and people of %1&apos;s zone are taken off this laptop (a backup is kept beside its database); %3&apos;s baseline brings its own. Compare the code %4 with the new centre&apos;s administrator first.

Change to centre %3?</source>
        <translation>本机为中心“%1”（核对码 %2）工作。这个文件来自另一个中心“%3”（核对码 %4）。

更换后，本机只接受“%3”的基线数据，需要在那里重新登记（数据交换 → 写出设备登记申请），批次编号从 1 重新开始。“%1”辖区的楼宇、组织和人员将从本机清除（清除前先在数据库旁备份）；之后导入“%3”的基线数据，即可取得新辖区的楼宇。请先与新中心的管理员核对核对码 %4。

更换为中心“%3”吗？</translation>
    </message>
</context>
<context>
    <name>ImportHistoryView</name>
    <message>
        <location filename="../../yeda_desktop/ui/sync_history.py" line="31"/>
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_history.py" line="31"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_history.py" line="31"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_history.py" line="31"/>
        <source>Officer</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_history.py" line="32"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_history.py" line="32"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_history.py" line="32"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_history.py" line="33"/>
        <source>Duplicate candidates</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_history.py" line="33"/>
        <source>Rejected</source>
        <translation>拒收</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_history.py" line="33"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message numerus="yes">
        <location filename="../../yeda_desktop/ui/sync_history.py" line="76"/>
        <source>%n batch(es) imported, newest first.</source>
        <translation>
            <numerusform>已导入 %n 批数据，最新的在前。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_history.py" line="77"/>
        <source>No batch imported yet.</source>
        <translation>还没有导入过数据包。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_history.py" line="93"/>
        <source>This batch&apos;s report cannot be read.</source>
        <translation>这一批的导入报告无法读取。</translation>
    </message>
</context>
<context>
    <name>JoinPartyOrgDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/party_dialogs.py" line="96"/>
        <source>Join a party organization</source>
        <translation>加入党组织</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_dialogs.py" line="102"/>
        <source> (in this building)</source>
        <translation>（本楼宇）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_dialogs.py" line="114"/>
        <source>Party organization</source>
        <translation>党组织</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="22"/>
        <source>Not visited</source>
        <translation>未走访</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="23"/>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="24"/>
        <source>Vacant</source>
        <translation>空置</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="25"/>
        <source>Revisit</source>
        <translation>闭门待复访</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="26"/>
        <source>Refused</source>
        <translation>拒绝登记</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="33"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="34"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="40"/>
        <source>Non-member</source>
        <translation>群众</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="41"/>
        <source>Activist</source>
        <translation>入党积极分子</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="42"/>
        <source>Development candidate</source>
        <translation>发展对象</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="43"/>
        <source>Probationary member</source>
        <translation>预备党员</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="44"/>
        <source>Full member</source>
        <translation>正式党员</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="50"/>
        <source>Staff</source>
        <translation>职工</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="51"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="52"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="53"/>
        <source>Party worker</source>
        <translation>党务工作者</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="60"/>
        <source>Transferred</source>
        <translation>已转入</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="61"/>
        <source>Not transferred</source>
        <translation>未转入</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="67"/>
        <source>Non-public enterprise</source>
        <translation>非公企业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="68"/>
        <source>Social organization</source>
        <translation>社会组织</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="75"/>
        <source>Listed companies</source>
        <translation>上市公司</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="76"/>
        <source>Hazardous chemicals</source>
        <translation>化学危化品</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="77"/>
        <source>Express delivery</source>
        <translation>快递</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="78"/>
        <source>Tech services</source>
        <translation>科技服务</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="79"/>
        <source>Automotive</source>
        <translation>汽车</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="80"/>
        <source>Mobile phones</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="81"/>
        <source>Biomedicine</source>
        <translation>生物医药</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="82"/>
        <source>Information technology</source>
        <translation>信息技术</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="93"/>
        <source>Agriculture, forestry, animal husbandry and fishery</source>
        <translation>农、林、牧、渔业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="95"/>
        <source>Mining</source>
        <translation>采矿业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="96"/>
        <source>Manufacturing</source>
        <translation>制造业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="97"/>
        <source>Electricity, heat, gas and water</source>
        <translation>电力、热力、燃气及水生产和供应业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="98"/>
        <source>Construction</source>
        <translation>建筑业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="99"/>
        <source>Wholesale and retail</source>
        <translation>批发和零售业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="100"/>
        <source>Transport, storage and post</source>
        <translation>交通运输、仓储和邮政业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="101"/>
        <source>Accommodation and catering</source>
        <translation>住宿和餐饮业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="102"/>
        <source>Information, software and IT services</source>
        <translation>信息传输、软件和信息技术服务业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="103"/>
        <source>Finance</source>
        <translation>金融业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="104"/>
        <source>Real estate</source>
        <translation>房地产业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="105"/>
        <source>Leasing and business services</source>
        <translation>租赁和商务服务业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="106"/>
        <source>Research and technical services</source>
        <translation>科学研究和技术服务业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="107"/>
        <source>Water, environment and public facilities</source>
        <translation>水利、环境和公共设施管理业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="108"/>
        <source>Resident services and repairs</source>
        <translation>居民服务、修理和其他服务业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="109"/>
        <source>Education</source>
        <translation>教育</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="110"/>
        <source>Health and social work</source>
        <translation>卫生和社会工作</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="111"/>
        <source>Culture, sports and entertainment</source>
        <translation>文化、体育和娱乐业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="112"/>
        <source>Public administration, social security and social organizations</source>
        <translation>公共管理、社会保障和社会组织</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="114"/>
        <source>International organizations</source>
        <translation>国际组织</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="122"/>
        <source>Party committee</source>
        <translation>党委</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="123"/>
        <source>General branch</source>
        <translation>党总支</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="124"/>
        <source>Party branch</source>
        <translation>党支部</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="125"/>
        <source>Joint branch</source>
        <translation>联合党支部</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="132"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="134"/>
        <source>%1 (%2, covers %3)</source>
        <translation>%1（%2，覆盖 %3 家）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="144"/>
        <source>, from %1</source>
        <translation>，自 %1</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="146"/>
        <source>, until %1</source>
        <translation>，至 %1</translation>
    </message>
</context>
<context>
    <name>LedgerLabels</name>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="15"/>
        <source>No party member</source>
        <translation>规上无党员</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="16"/>
        <source>No party organization</source>
        <translation>无党组织</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="17"/>
        <source>Should establish</source>
        <translation>应建未建</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="18"/>
        <source>Joint coverage needed</source>
        <translation>待联合覆盖</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="19"/>
        <source>No work coverage</source>
        <translation>工作未覆盖</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="20"/>
        <source>Organization form</source>
        <translation>组织形式待调整</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="21"/>
        <source>Four haves missing</source>
        <translation>外企四有缺项</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="22"/>
        <source>Floating members</source>
        <translation>组织关系未转入</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="23"/>
        <source>Data to verify</source>
        <translation>数据待核实</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="30"/>
        <source>Identified</source>
        <translation>已发现</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="31"/>
        <source>Action assigned</source>
        <translation>已落实措施</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="32"/>
        <source>In progress</source>
        <translation>整改中</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="33"/>
        <source>Closed</source>
        <translation>已整改</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="34"/>
        <source>Waived</source>
        <translation>已豁免</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="35"/>
        <source>Resolved by data</source>
        <translation>数据更新后消除</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="42"/>
        <source>Send an instructor</source>
        <translation>选派党建指导员</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="43"/>
        <source>Form a joint branch</source>
        <translation>组建联合党组织</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="44"/>
        <source>Establish a branch</source>
        <translation>单独组建党支部</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="47"/>
        <source>Transfer relations</source>
        <translation>转接组织关系</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="50"/>
        <source>Develop members</source>
        <translation>发展党员</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="51"/>
        <source>Fix the record</source>
        <translation>核实更正数据</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="57"/>
        <source>Private</source>
        <translation>私营企业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="58"/>
        <source>Foreign-invested</source>
        <translation>外资企业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="59"/>
        <source>HK/Macao/Taiwan-invested</source>
        <translation>港澳台资企业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="60"/>
        <source>Sole proprietor</source>
        <translation>个体工商户</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="61"/>
        <source>Mixed ownership</source>
        <translation>混合所有制企业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="62"/>
        <source>Association</source>
        <translation>社会团体</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="63"/>
        <source>Private non-enterprise unit</source>
        <translation>民办非企业单位</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="66"/>
        <source>Foundation</source>
        <translation>基金会</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="76"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="77"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_labels.py" line="78"/>
        <source>Info</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_model.py" line="139"/>
        <source>Organization</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_model.py" line="140"/>
        <source>Gap</source>
        <translation>问题类型</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_model.py" line="141"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_model.py" line="142"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_model.py" line="143"/>
        <source>Details</source>
        <translation>问题说明</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_model.py" line="144"/>
        <source>Action</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_model.py" line="145"/>
        <source>Responsible</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_model.py" line="146"/>
        <source>Due</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_model.py" line="147"/>
        <source>Subdistrict</source>
        <translation>镇街</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_model.py" line="148"/>
        <source>Cluster</source>
        <translation>集聚区</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_model.py" line="149"/>
        <source>Building</source>
        <translation>楼宇</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_model.py" line="150"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_model.py" line="151"/>
        <source>Ownership</source>
        <translation>经济类型</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_model.py" line="173"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
</context>
<context>
    <name>LedgerView</name>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="212"/>
        <source>Open only</source>
        <translation>仅未办结</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="213"/>
        <source>Overdue only</source>
        <translation>仅逾期</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="277"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="287"/>
        <source>Re-evaluate</source>
        <translation>重新排查</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="288"/>
        <source>Assign responsible…</source>
        <translation>指定负责人…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="289"/>
        <source>Assign action…</source>
        <translation>落实措施…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="290"/>
        <source>Start</source>
        <translation>开始整改</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="291"/>
        <source>Close…</source>
        <translation>整改完成…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="292"/>
        <source>Waive…</source>
        <translation>豁免…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="293"/>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="294"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="304"/>
        <source>Write the gaps the filters show to an Excel workbook</source>
        <translation>把筛选出的问题导出为 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="342"/>
        <source>Reading the ledger…</source>
        <translation>正在读取台账…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="436"/>
        <source>The ledger holds no gaps yet: press Re-evaluate to check every organization against the rules.</source>
        <translation>台账中还没有问题：请点击“重新排查”，按规则检查全部单位。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="440"/>
        <source>Showing %1 of %2 gaps</source>
        <translation>显示 %1 / %2 项</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="485"/>
        <source>Responsible</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="485"/>
        <source>Due</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="486"/>
        <source>Evidence</source>
        <translation>整改佐证</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="486"/>
        <source>Waived</source>
        <translation>已豁免</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="486"/>
        <source>History</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="533"/>
        <source>Special work ledger</source>
        <translation>专项工作台账</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="537"/>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="546"/>
        <source>Select a gap first</source>
        <translation>请先选择一个问题</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="604"/>
        <source>Assign action</source>
        <translation>落实措施</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="485"/>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="604"/>
        <source>Action</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="216"/>
        <source>Organization (name or pinyin initials), USCC, phone or details</source>
        <translation>单位名称或拼音首字母、信用代码、电话或问题说明</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="633"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="633"/>
        <source>Reopen gap</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="651"/>
        <source>Evaluating the gap rules…</source>
        <translation>正在排查问题…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="664"/>
        <source>Export the %1 gaps shown (of %2)</source>
        <translation>导出筛选出的 %1 项问题（共 %2 项）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="667"/>
        <source>Export ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="669"/>
        <source>Exporting the ledger…</source>
        <translation>正在导出台账…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="670"/>
        <source>Exported %1 rows</source>
        <translation>已导出 %1 行</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="184"/>
        <source>Gap type:</source>
        <translation>问题类型：</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="515"/>
        <source>Choose a gap to see its measure and its history. Choose several (Ctrl or Shift) to assign them a responsible person or move them on together.</source>
        <translation>选择一项问题，查看其措施和整改经过。按住 Ctrl 或 Shift 可选择多项，一起指定负责人或推进整改。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="184"/>
        <source>Show only gaps of this type</source>
        <translation>只显示该类型的问题</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="187"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="187"/>
        <source>Show only gaps in this status</source>
        <translation>只显示该状态的问题</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="191"/>
        <source>Subdistrict:</source>
        <translation>镇街：</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="191"/>
        <source>Show only gaps in this subdistrict</source>
        <translation>只显示该镇街的问题</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="195"/>
        <source>Cluster:</source>
        <translation>集聚区：</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="195"/>
        <source>Show only gaps in this cluster</source>
        <translation>只显示该集聚区的问题</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="199"/>
        <source>Building:</source>
        <translation>楼宇：</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="199"/>
        <source>Show only gaps in this building</source>
        <translation>只显示该楼宇的问题</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="202"/>
        <source>Industry:</source>
        <translation>行业：</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="202"/>
        <source>Show only organizations of this industry</source>
        <translation>只显示该行业单位的问题</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="205"/>
        <source>Ownership:</source>
        <translation>经济类型：</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="205"/>
        <source>Show only organizations of this ownership</source>
        <translation>只显示该经济类型单位的问题</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="209"/>
        <source>Responsible:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_view.py" line="210"/>
        <source>Show only gaps this person is responsible for</source>
        <translation>只显示由该负责人负责的问题</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="76"/>
        <source>YEDA Desktop — building sweep</source>
        <translation>业达两新组织扫楼登记</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="80"/>
        <location filename="../../yeda_desktop/ui/main_window.py" line="328"/>
        <source>Choose a building and floor</source>
        <translation>请选择楼宇和楼层</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="89"/>
        <source>Sweep</source>
        <translation>扫楼</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="93"/>
        <source>Special work ledger</source>
        <translation>专项工作台账</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="94"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="95"/>
        <source>All organizations</source>
        <translation>单位名录</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="192"/>
        <source>Campaign: %1</source>
        <translation>扫楼活动：%1</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="229"/>
        <source>%1 · floor %2 · %3/%4 units done</source>
        <translation>%1 · %2层 · 已走访 %3/%4 间</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="264"/>
        <source>Every unit of this building has been visited</source>
        <translation>本楼所有房间均已走访</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="272"/>
        <source>This result is not in any unit yet</source>
        <translation>该结果尚未关联到任何房间</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="346"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="346"/>
        <source>YEDA database (*.sqlite *.db)</source>
        <translation>业达数据库 (*.sqlite *.db)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/app_icon.py" line="43"/>
        <source>About YEDA Desktop</source>
        <translation>关于业达扫楼</translation>
    </message>
</context>
<context>
    <name>MemberEntry</name>
    <message>
        <location filename="../../yeda_desktop/ui/member_table.py" line="207"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/member_table.py" line="209"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/member_table.py" line="210"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/member_table.py" line="213"/>
        <source>Joined (2020-07-01)</source>
        <translation>入党日期（如 2020-07-01）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/member_table.py" line="234"/>
        <source>Add member</source>
        <translation>添加人员</translation>
    </message>
</context>
<context>
    <name>MemberModel</name>
    <message>
        <location filename="../../yeda_desktop/ui/member_table.py" line="74"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/member_table.py" line="75"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/member_table.py" line="76"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/member_table.py" line="77"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/member_table.py" line="78"/>
        <source>Party status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/member_table.py" line="79"/>
        <source>Relation</source>
        <translation>组织关系</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/member_table.py" line="80"/>
        <source>Joined</source>
        <translation>入党日期</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/member_table.py" line="81"/>
        <source>Role</source>
        <translation>人员类别</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../../yeda_desktop/ui/navigator.py" line="56"/>
        <source>Place</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/navigator.py" line="56"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/navigator.py" line="85"/>
        <source>%1/%2 floors</source>
        <translation>%1/%2 层</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/navigator.py" line="88"/>
        <source>%1/%2 buildings</source>
        <translation>%1/%2 栋</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/navigator.py" line="124"/>
        <source>Floor %1</source>
        <translation>%1层</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/navigator.py" line="126"/>
        <source>%1/%2 units</source>
        <translation>%1/%2 间</translation>
    </message>
</context>
<context>
    <name>OfficerDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="216"/>
        <source>Officer and language</source>
        <translation>队员与语言</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="232"/>
        <source>Officer name</source>
        <translation>队员姓名</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="233"/>
        <source>Team</source>
        <translation>扫楼小组</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="234"/>
        <source>Language (after restart)</source>
        <translation>界面语言（重启后生效）</translation>
    </message>
</context>
<context>
    <name>OrgClassFields</name>
    <message>
        <location filename="../../yeda_desktop/ui/org_class_fields.py" line="53"/>
        <source>Industry not given</source>
        <translation>行业未填</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/org_class_fields.py" line="66"/>
        <source>Party organization plays its role (activities)</source>
        <translation>党组织发挥作用（开展活动）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/org_class_fields.py" line="68"/>
        <source>Guarantees (funds, venue)</source>
        <translation>有保障（经费、场所）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/org_class_fields.py" line="75"/>
        <source>Above designated size</source>
        <translation>规模以上企业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/org_class_fields.py" line="77"/>
        <source>Listed</source>
        <translation>上市公司</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/org_class_fields.py" line="78"/>
        <source>Key enterprise</source>
        <translation>重点非公企业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/org_class_fields.py" line="87"/>
        <source>No key industry</source>
        <translation>不属于重点行业</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/org_class_fields.py" line="89"/>
        <source>The key industry whose alliance it belongs to</source>
        <translation>所属重点行业（行业党建联盟）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/org_class_fields.py" line="137"/>
        <source>Edit %1</source>
        <translation>修改 %1</translation>
    </message>
</context>
<context>
    <name>PartyFields</name>
    <message>
        <location filename="../../yeda_desktop/ui/party_dialogs.py" line="71"/>
        <source>Not given</source>
        <translation>未填</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_dialogs.py" line="74"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_dialogs.py" line="75"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_dialogs.py" line="76"/>
        <source>Secretary</source>
        <translation>书记</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_dialogs.py" line="77"/>
        <source>Established on</source>
        <translation>成立日期</translation>
    </message>
</context>
<context>
    <name>PartyListDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/party_list_dialog.py" line="83"/>
        <source>Party organizations</source>
        <translation>党组织一览</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_list_dialog.py" line="87"/>
        <source>Name, secretary or an organization covered</source>
        <translation>名称、书记或所覆盖的单位</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_list_dialog.py" line="89"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_list_dialog.py" line="100"/>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_list_dialog.py" line="143"/>
        <source>%1 of %2</source>
        <translation>%1 / %2 个</translation>
    </message>
</context>
<context>
    <name>PartyListModel</name>
    <message>
        <location filename="../../yeda_desktop/ui/party_list_dialog.py" line="44"/>
        <source>Party organization</source>
        <translation>党组织</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_list_dialog.py" line="44"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_list_dialog.py" line="44"/>
        <source>Secretary</source>
        <translation>书记</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_list_dialog.py" line="45"/>
        <source>Established on</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_list_dialog.py" line="45"/>
        <source>Covers</source>
        <translation>覆盖单位数</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_list_dialog.py" line="46"/>
        <source>Organizations covered</source>
        <translation>覆盖的单位</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_list_dialog.py" line="74"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>PartyPanel</name>
    <message>
        <location filename="../../yeda_desktop/ui/party_panel.py" line="31"/>
        <source>Party organization and instructor</source>
        <translation>党组织与党建指导员</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_panel.py" line="39"/>
        <source>Join…</source>
        <translation>加入…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_panel.py" line="40"/>
        <source>Form…</source>
        <translation>成立…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_panel.py" line="41"/>
        <source>Leave…</source>
        <translation>移出…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_panel.py" line="42"/>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_panel.py" line="44"/>
        <source>Correct its name, type, secretary or date (a branch grown into a general branch)</source>
        <translation>更正名称、类型、书记或成立日期（如党支部升格为党总支）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_panel.py" line="45"/>
        <source>Send…</source>
        <translation>选派…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_panel.py" line="46"/>
        <source>End…</source>
        <translation>结束…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_panel.py" line="48"/>
        <source>Join a party organization, such as the building&apos;s joint branch</source>
        <translation>加入一个党组织，如本楼宇的联合党支部</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_panel.py" line="49"/>
        <source>Record a party organization formed for it</source>
        <translation>记录为本单位成立的党组织</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_panel.py" line="50"/>
        <source>Record a party-building instructor sent to it</source>
        <translation>记录向本单位选派的党建指导员</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_panel.py" line="54"/>
        <source>Party organization:</source>
        <translation>党组织：</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_panel.py" line="56"/>
        <source>Instructor:</source>
        <translation>党建指导员：</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_panel.py" line="84"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_panel.py" line="85"/>
        <location filename="../../yeda_desktop/ui/party_panel.py" line="88"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_panel.py" line="118"/>
        <source>There is no party organization to join yet: form one.</source>
        <translation>还没有可加入的党组织，请先成立一个。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_panel.py" line="139"/>
        <source>Change which party organization?</source>
        <translation>修改哪个党组织？</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_panel.py" line="158"/>
        <source>Take the organization out of %1?</source>
        <translation>将本单位移出%1？</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_panel.py" line="153"/>
        <source>Leave which party organization?</source>
        <translation>移出哪个党组织？</translation>
    </message>
</context>
<context>
    <name>PlaceFixing</name>
    <message>
        <location filename="../../yeda_desktop/ui/place_fixing.py" line="31"/>
        <source>Not removed</source>
        <translation>未删除</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/place_fixing.py" line="54"/>
        <source>Rename unit</source>
        <translation>修改房间号</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/place_fixing.py" line="55"/>
        <source>Unit number</source>
        <translation>房间号</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/place_fixing.py" line="76"/>
        <source>Rename floor</source>
        <translation>修改楼层</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/place_fixing.py" line="77"/>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/place_fixing.py" line="95"/>
        <source>Rename building</source>
        <translation>修改楼宇名称</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/place_fixing.py" line="96"/>
        <source>Building name</source>
        <translation>楼宇名称</translation>
    </message>
</context>
<context>
    <name>PrintController</name>
    <message>
        <location filename="../../yeda_desktop/ui/print_actions.py" line="81"/>
        <source>Preparing %1…</source>
        <translation>正在生成%1…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/print_actions.py" line="106"/>
        <source>The form could not be printed: %1</source>
        <translation>表格无法打印：%1</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/print_actions.py" line="111"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>PrintMenu</name>
    <message>
        <location filename="../../yeda_desktop/ui/print_actions.py" line="125"/>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/print_actions.py" line="165"/>
        <source>Registration form of this organization…</source>
        <translation>本单位党建情况登记表…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/print_actions.py" line="169"/>
        <source>Member roster of this organization…</source>
        <translation>本单位党员花名册…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/print_actions.py" line="173"/>
        <source>Rectification notice of this organization…</source>
        <translation>本单位整改提示单…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/print_actions.py" line="178"/>
        <source>Registration forms of every organization in this building…</source>
        <translation>本楼宇全部单位的登记表…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/print_actions.py" line="184"/>
        <source>Sweep summary of this building…</source>
        <translation>楼宇扫楼情况汇总表…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/print_actions.py" line="189"/>
        <source>Special work ledger (current filter), by subdistrict…</source>
        <translation>专项工作台账（当前筛选），按镇街…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/print_actions.py" line="195"/>
        <source>Special work ledger (current filter), by cluster…</source>
        <translation>专项工作台账（当前筛选），按集聚区…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/print_actions.py" line="201"/>
        <source>Registration forms of the selected ledger organizations…</source>
        <translation>台账中所选单位的登记表…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/print_actions.py" line="215"/>
        <source>Statistics (the statistics tab&apos;s breakdown and funding inputs)…</source>
        <translation>两新组织党建工作统计表（按统计页的分组和经费输入）…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/print_actions.py" line="219"/>
        <source>Blank registration form…</source>
        <translation>空白登记表…</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/print_preview.py" line="79"/>
        <source>Print preview — %1</source>
        <translation>打印预览 — %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../yeda_desktop/ui/print_preview.py" line="86"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/print_preview.py" line="87"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/print_preview.py" line="88"/>
        <source>&amp;Save as PDF…</source>
        <translation>另存为PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/print_preview.py" line="89"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/print_preview.py" line="117"/>
        <location filename="../../yeda_desktop/ui/print_preview.py" line="127"/>
        <source>Save as PDF</source>
        <translation>另存为PDF</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/print_preview.py" line="117"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/print_preview.py" line="128"/>
        <source>Cannot save the file: %1</source>
        <translation>无法保存文件：%1</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/busy_dialog.py" line="14"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../yeda_desktop/ui/fresh_view.py" line="75"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/role_dialog.py" line="49"/>
        <source>Set up this installation</source>
        <translation>设置本机</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/role_dialog.py" line="52"/>
        <source>Is this computer a field laptop or the centre? The role decides which views and package exchanges it has; afterwards it can only be changed deliberately, by an administrator.</source>
        <translation>这台电脑是外业笔记本还是中心？角色决定它有哪些视图、能交换哪些数据包；设置后只能由管理员明确更改。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/role_dialog.py" line="58"/>
        <source>Field laptop (sweep officers)</source>
        <translation>外业笔记本（扫楼队员）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/role_dialog.py" line="59"/>
        <source>Centre (administrator)</source>
        <translation>中心（管理员）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/role_dialog.py" line="81"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/role_dialog.py" line="79"/>
        <source>Centre id</source>
        <translation>中心编号</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/role_dialog.py" line="48"/>
        <source>Change the role of this installation</source>
        <translation>更改本机角色</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/role_dialog.py" line="66"/>
        <source>For the teams that sweep the buildings: register organizations floor by floor and export the day&apos;s work as a signed batch for the centre. The administration views are hidden, and batches from other devices cannot be imported here.</source>
        <translation>供扫楼小组使用：逐层登记两新组织，并把当天的工作导出为签名数据包交给中心。不显示管理视图，也不能导入其他设备的工作数据包。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/role_dialog.py" line="72"/>
        <source>For the administrator at the zone&apos;s centre: approve team devices, issue baselines, import and merge the teams&apos; batches, resolve conflicts and duplicates, read the audit trail.</source>
        <translation>供开发区中心的管理员使用：审批小组设备、下发基础数据、导入并合并各小组的工作数据包、处理冲突和重复记录、查看审计记录。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/role_dialog.py" line="77"/>
        <source>e.g. Team 3 laptop, or Zone centre</source>
        <translation>例如：第三小组笔记本，或开发区中心</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/role_dialog.py" line="85"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/role_dialog.py" line="85"/>
        <source>Decide later</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/role_dialog.py" line="98"/>
        <source>Until a role is chosen, organizations can be registered as usual; the question comes again at the next start (and is in the Exchange menu).</source>
        <translation>未选择角色之前，仍可照常登记单位；下次启动时会再次询问（也可在“数据交换”菜单中设置）。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/role_dialog.py" line="143"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>RoleOffer</name>
    <message>
        <location filename="../../yeda_desktop/ui/sync_views.py" line="226"/>
        <source>E&amp;xchange</source>
        <translation>数据交换(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_views.py" line="227"/>
        <source>Set up this installation (laptop or centre)…</source>
        <translation>设置本机（笔记本或中心）…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_views.py" line="249"/>
        <source>First start: choose whether this is a field laptop or the centre (Exchange menu).</source>
        <translation>首次启动：请在“数据交换”菜单中选择本机是外业笔记本还是中心。</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/rules_dialog.py" line="30"/>
        <source>Gap rule thresholds</source>
        <translation>规则阈值</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/rules_dialog.py" line="34"/>
        <source>No party member: from staff of</source>
        <translation>规上无党员：职工人数达到</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/rules_dialog.py" line="35"/>
        <source>No party organization: from staff of</source>
        <translation>无党组织：职工人数达到</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/rules_dialog.py" line="36"/>
        <source>Should establish: from full members of</source>
        <translation>应建未建：正式党员达到</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/rules_dialog.py" line="37"/>
        <source>No work coverage: only from staff of</source>
        <translation>工作未覆盖：只看职工人数达到</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/rules_dialog.py" line="39"/>
        <source>Organization form: general branch advised above members</source>
        <translation>组织形式：党员多于此数建议设党总支</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/rules_dialog.py" line="40"/>
        <source>Organization form: committee advised from members</source>
        <translation>组织形式：党员达到此数建议设党委</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/rules_dialog.py" line="42"/>
        <source>Data to verify: reported members may differ from registered by</source>
        <translation>数据待核实：自报与登记党员数允许相差</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/rules_dialog.py" line="43"/>
        <source>Data to verify: units not visited or to revisit</source>
        <translation>数据待核实：检查未走访和待复访的房间</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/rules_dialog.py" line="44"/>
        <source>Data to verify: check USCCs and ID numbers again</source>
        <translation>数据待核实：复核信用代码和身份证号</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/rules_dialog.py" line="46"/>
        <source>Data to verify: organizations not verified this campaign</source>
        <translation>数据待核实：本次扫楼尚未核实的单位</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/rules_dialog.py" line="66"/>
        <source>Four haves: ownerships</source>
        <translation>外企四有：适用的经济类型</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/rules_dialog.py" line="70"/>
        <source>Rules in use</source>
        <translation>启用的规则</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../yeda_desktop/ui/search_box.py" line="36"/>
        <source>Search name, pinyin initials, credit code, phone, room (Ctrl+F)</source>
        <translation>搜索名称、拼音首字母、信用代码、电话、房间号（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/search_box.py" line="44"/>
        <source>Organization</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/search_box.py" line="45"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/search_box.py" line="46"/>
        <source>Unit</source>
        <translation>房间</translation>
    </message>
</context>
<context>
    <name>SendInstructorDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/party_dialogs.py" line="168"/>
        <source>Send an instructor</source>
        <translation>选派党建指导员</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_dialogs.py" line="173"/>
        <source>e.g. 开发区党工委</source>
        <translation>如：开发区党工委</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_dialogs.py" line="175"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_dialogs.py" line="176"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_dialogs.py" line="177"/>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/party_dialogs.py" line="178"/>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
</context>
<context>
    <name>StatusLines</name>
    <message>
        <location filename="../../yeda_desktop/ui/window_status.py" line="42"/>
        <source>(no officer set)</source>
        <translation>（未设置队员）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_status.py" line="44"/>
        <source>Administrator: %1</source>
        <translation>管理员：%1</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_status.py" line="48"/>
        <source>Officer: %1</source>
        <translation>队员：%1</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_status.py" line="58"/>
        <source>Choose a building and floor</source>
        <translation>请选择楼宇和楼层</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_status.py" line="63"/>
        <source>No buildings yet: add the zone&apos;s clusters and buildings (Sweep → Add cluster…, Add building…), then give each team its buildings on the Teams tab</source>
        <translation>还没有楼宇：请添加园区或楼宇群和楼宇（扫楼 → 添加园区或楼宇群…、添加楼宇…），再在“扫楼小组”页为各小组分配楼宇</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_status.py" line="67"/>
        <source>No buildings yet: import the centre&apos;s baseline (Exchange → Import packages…) or add one (Sweep → Add building…)</source>
        <translation>还没有楼宇：请导入中心的基线数据（数据交换 → 导入数据包…），或添加楼宇（扫楼 → 添加楼宇…）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_status.py" line="95"/>
        <source>Not yet exported: %1 records</source>
        <translation>未导出：%1 条记录</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_status.py" line="98"/>
        <source>No batch exported yet.</source>
        <translation>尚未导出过数据包。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_status.py" line="100"/>
        <source>Last export: batch %1, %2.</source>
        <translation>上次导出：第 %1 批，%2。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_status.py" line="103"/>
        <source>The centre&apos;s receipts confirm %1 of %2 batches.</source>
        <translation>中心回执已确认 %1 / %2 批。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_status.py" line="106"/>
        <source>%1 changes in %2 records; the next export carries them.</source>
        <translation>%2 条记录中有 %1 处修改，下次导出时一并带走。</translation>
    </message>
</context>
<context>
    <name>SyncPassphrase</name>
    <message>
        <location filename="../../yeda_desktop/ui/sync_passphrase.py" line="32"/>
        <source>Key passphrase</source>
        <translation>密钥口令</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_passphrase.py" line="33"/>
        <source>The keys of this installation are protected by a passphrase. Passphrase:</source>
        <translation>本机密钥受口令保护。请输入口令：</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_passphrase.py" line="45"/>
        <source>Wrong passphrase, try again. Passphrase:</source>
        <translation>口令不正确，请重试。口令：</translation>
    </message>
</context>
<context>
    <name>SyncViews</name>
    <message>
        <location filename="../../yeda_desktop/ui/sync_views.py" line="69"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_views.py" line="70"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_views.py" line="69"/>
        <source>Packages</source>
        <translation>数据包</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_views.py" line="69"/>
        <source>Teams</source>
        <translation>扫楼小组</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_views.py" line="70"/>
        <source>Imports</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_views.py" line="70"/>
        <source>Duplicates</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_views.py" line="71"/>
        <source>Audit</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_views.py" line="83"/>
        <source>E&amp;xchange</source>
        <translation>数据交换(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_views.py" line="84"/>
        <source>&amp;Import packages…</source>
        <translation>导入数据包(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_views.py" line="89"/>
        <source>&amp;Export today&apos;s work…</source>
        <translation>导出今天的工作(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_views.py" line="92"/>
        <source>Write the enrolment &amp;request…</source>
        <translation>写出设备登记申请(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_views.py" line="98"/>
        <source>Change the role of this installation…</source>
        <translation>更改本机角色…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_views.py" line="149"/>
        <source>field laptop</source>
        <translation>外业笔记本</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_views.py" line="149"/>
        <source>centre</source>
        <translation>中心</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_views.py" line="152"/>
        <source>Change the role of this installation</source>
        <translation>更改本机角色</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_views.py" line="153"/>
        <source>Changing the role is for an administrator. A centre shows the administration views and imports the teams&apos; batches; a field laptop hides them and exports its own work. Make this installation a %1?</source>
        <translation>更改角色应由管理员进行。中心显示管理视图并导入各小组的工作数据包；外业笔记本不显示这些视图，只导出本机的工作。确定把本机改为%1吗？</translation>
    </message>
</context>
<context>
    <name>TeamsView</name>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="55"/>
        <source>New team…</source>
        <translation>新建小组…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="56"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="57"/>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="58"/>
        <source>Start a new year&apos;s campaign…</source>
        <translation>开始新一年的扫楼活动…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="61"/>
        <source>Building</source>
        <translation>楼宇</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="61"/>
        <source>Swept by</source>
        <translation>负责小组</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="61"/>
        <source>Where</source>
        <translation>镇街 · 集聚区</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="64"/>
        <source>Save the team&apos;s buildings</source>
        <translation>保存本组楼宇</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="119"/>
        <source>Campaign %1. Each building is swept by one team; a team&apos;s buildings are what its laptops&apos; baseline holds. After adding, renaming or removing teams, export the centre profile again for the laptops.</source>
        <translation>扫楼活动：%1。每座楼宇由一个扫楼小组负责；小组的楼宇就是其笔记本基线数据的范围。新建、重命名或删除小组后，请重新导出中心配置文件交给各笔记本。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="128"/>
        <source>%1 (%n building(s))</source>
        <translation>
            <numerusform>%1（%n 座楼宇）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="159"/>
        <source>Not saved yet: press &quot;Save the team&apos;s buildings&quot;.</source>
        <translation>尚未保存：请点“保存本组楼宇”。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="174"/>
        <source>Unsaved buildings</source>
        <translation>楼宇尚未保存</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="175"/>
        <source>The buildings ticked for &quot;%1&quot; are not saved. Save them?</source>
        <translation>为“%1”勾选的楼宇尚未保存。是否保存？</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="218"/>
        <source>(no team)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="226"/>
        <source>No buildings yet: add them on the Sweep tab (Sweep → Add building…).</source>
        <translation>还没有楼宇：请在“扫楼”页添加（扫楼 → 添加楼宇…）。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="234"/>
        <source>New team</source>
        <translation>新建扫楼小组</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="234"/>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="256"/>
        <source>Team name</source>
        <translation>小组名称</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="245"/>
        <source>Team not added</source>
        <translation>未新建小组</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="256"/>
        <source>Rename team</source>
        <translation>重命名扫楼小组</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="269"/>
        <source>Team not renamed</source>
        <translation>未重命名小组</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="280"/>
        <source>Remove team</source>
        <translation>删除小组</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="281"/>
        <source>Remove the team %1? Its buildings are left without a team. A team that recorded visits or that a laptop is enrolled for cannot be removed. Export the centre profile again for the laptops.</source>
        <translation>删除扫楼小组“%1”？它的楼宇将没有小组。已有走访记录或已有笔记本登记的小组不能删除。删除后请为各笔记本重新导出中心配置文件。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="298"/>
        <source>Team not removed</source>
        <translation>未删除小组</translation>
    </message>
    <message numerus="yes">
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="302"/>
        <source>%1 removed; %n building(s) now without a team.</source>
        <translation>
            <numerusform>已删除“%1”；%n 座楼宇现在没有小组。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="318"/>
        <source>Buildings not saved</source>
        <translation>楼宇分配未保存</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="321"/>
        <source>%1 from %2</source>
        <translation>%1 原属 %2</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="324"/>
        <source>Saved: %1 added, %2 removed.</source>
        <translation>已保存：新增 %1 座，移出 %2 座。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="330"/>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="335"/>
        <source>New campaign</source>
        <translation>新的扫楼活动</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="330"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="336"/>
        <source>Start the %1 campaign? It becomes the current one: every unit counts as not visited again, and the teams and their buildings are those of now. Export the centre profile again for the laptops.</source>
        <translation>开始%1年的扫楼活动吗？它将成为当前活动：所有房间重新计为未走访，扫楼小组及其楼宇沿用现在的分配。之后请重新导出中心配置文件交给各笔记本。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="351"/>
        <source>Campaign not started</source>
        <translation>未开始新的扫楼活动</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_teams.py" line="354"/>
        <source>%1 started; the teams and buildings of %2 carried over.</source>
        <translation>已开始 %1；已沿用 %2 的扫楼小组和楼宇。</translation>
    </message>
</context>
<context>
    <name>TileModel</name>
    <message numerus="yes">
        <location filename="../../yeda_desktop/ui/floor_view.py" line="68"/>
        <source>%n gap(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnitsDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="77"/>
        <source>Add units</source>
        <translation>批量添加房间</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="80"/>
        <source>Units</source>
        <translation>房间号</translation>
    </message>
</context>
<context>
    <name>ViewLoading</name>
    <message>
        <location filename="../../yeda_desktop/ui/window_views.py" line="79"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_views.py" line="201"/>
        <source>%1 is not in any unit yet</source>
        <translation>%1 尚未登记所在房间</translation>
    </message>
</context>
<context>
    <name>WaiveGapDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_dialogs.py" line="98"/>
        <source>Waive gap</source>
        <translation>豁免</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_dialogs.py" line="100"/>
        <source>e.g. the company has been deregistered</source>
        <translation>例如：企业已注销</translation>
    </message>
    <message numerus="yes">
        <location filename="../../yeda_desktop/ui/ledger_dialogs.py" line="103"/>
        <source>%n gap(s) selected</source>
        <translation>
            <numerusform>已选 %n 项问题</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_dialogs.py" line="104"/>
        <source>Reason</source>
        <translation>豁免理由</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/ledger_dialogs.py" line="105"/>
        <source>Decided by</source>
        <translation>豁免决定人</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="58"/>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="59"/>
        <source>Officer and &amp;language…</source>
        <translation>队员与语言(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="60"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="61"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="62"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="63"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="65"/>
        <source>Add &amp;building…</source>
        <translation>添加楼宇(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="67"/>
        <source>Add &amp;cluster (park, building group)…</source>
        <translation>添加园区或楼宇群(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="69"/>
        <source>Add &amp;floor…</source>
        <translation>添加楼层(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="70"/>
        <source>Add uni&amp;ts…</source>
        <translation>批量添加房间(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="71"/>
        <source>Re&amp;name unit…</source>
        <translation>修改房间号(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="73"/>
        <source>Remove unit added by mistake</source>
        <translation>删除误加的房间</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="75"/>
        <source>Rename floor…</source>
        <translation>修改楼层…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="77"/>
        <source>Remove floor added by mistake</source>
        <translation>删除误加的楼层</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="79"/>
        <source>Rename building…</source>
        <translation>修改楼宇名称…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="82"/>
        <source>&amp;Previous floor (down)</source>
        <translation>往下一层(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="85"/>
        <source>&amp;Next floor (up)</source>
        <translation>往上一层(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="88"/>
        <source>Next &amp;unvisited unit</source>
        <translation>下一个未走访房间(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="91"/>
        <source>&amp;Register organization</source>
        <translation>登记单位(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="94"/>
        <source>&amp;Attach existing organization…</source>
        <translation>关联已有单位(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="96"/>
        <source>Add &amp;member</source>
        <translation>添加人员(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="97"/>
        <source>Party &amp;organizations…</source>
        <translation>党组织一览(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="99"/>
        <source>Import from &amp;Excel…</source>
        <translation>从&amp;Excel导入…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="100"/>
        <source>&amp;About YEDA Desktop</source>
        <translation>关于业达扫楼(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="150"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="158"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="162"/>
        <source>&amp;Sweep</source>
        <translation>扫楼(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="165"/>
        <source>Correct p&amp;laces</source>
        <translation>更正位置(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="180"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="184"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/window_actions.py" line="186"/>
        <source>Sweep</source>
        <translation>扫楼</translation>
    </message>
</context>
<context>
    <name>WorkbookExport</name>
    <message>
        <location filename="../../yeda_desktop/ui/workbook_export.py" line="41"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/workbook_export.py" line="61"/>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>_TransferDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="67"/>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="73"/>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="75"/>
        <source>Refused; nothing was written.</source>
        <translation>已拒收，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/sync_transfer.py" line="78"/>
        <source>Failed.</source>
        <translation>失败。</translation>
    </message>
</context>
</TS>

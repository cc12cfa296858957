<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttachDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="135"/>
        <source>Attach existing organization</source>
        <translation>关联已有单位</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="142"/>
        <source>Type the name, pinyin initials or credit code, then choose:</source>
        <translation>输入单位名称、拼音首字母或信用代码，然后选择：</translation>
    </message>
</context>
<context>
    <name>BuildingDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="97"/>
        <source>Add building</source>
        <translation>添加楼宇</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="107"/>
        <source>Cluster</source>
        <translation>集聚区</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="108"/>
        <source>Building name</source>
        <translation>楼宇名称</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="109"/>
        <source>Floors above ground</source>
        <translation>地上层数</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="110"/>
        <source>Basement floors</source>
        <translation>地下层数</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="82"/>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="179"/>
        <source>No unit selected</source>
        <translation>未选择房间</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="98"/>
        <source>Visit:</source>
        <translation>走访：</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="111"/>
        <source>No organization registered in this unit</source>
        <translation>该房间尚未登记单位</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="114"/>
        <source>Full name of the organization</source>
        <translation>单位全称</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="116"/>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="136"/>
        <source>Organization name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="118"/>
        <source>Register new organization</source>
        <translation>登记新单位</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="120"/>
        <source>Attach existing organization…</source>
        <translation>关联已有单位…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="132"/>
        <source>Organization</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="137"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="138"/>
        <source>Staff</source>
        <translation>职工人数</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="139"/>
        <source>Party members (reported)</source>
        <translation>党员人数（自报）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="140"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="141"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="152"/>
        <source>Confirm record for this campaign</source>
        <translation>本次扫楼核实无误</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="159"/>
        <source>Gaps</source>
        <translation>问题提示</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="166"/>
        <source>Members</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="189"/>
        <source>%1, floor %2, unit %3</source>
        <translation>%1 %2层 %3室</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="210"/>
        <source>Confirmed this campaign</source>
        <translation>本次扫楼已核实</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="212"/>
        <source>Not yet confirmed this campaign</source>
        <translation>本次扫楼尚未核实</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/detail_pane.py" line="274"/>
        <source>Edit %1</source>
        <translation>修改%1</translation>
    </message>
</context>
<context>
    <name>FloorDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="72"/>
        <source>Add floor</source>
        <translation>添加楼层</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="75"/>
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
    <name>Labels</name>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="12"/>
        <source>Not visited</source>
        <translation>未走访</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="13"/>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="14"/>
        <source>Vacant</source>
        <translation>空置</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="15"/>
        <source>Revisit</source>
        <translation>闭门待复访</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="16"/>
        <source>Refused</source>
        <translation>拒绝登记</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="23"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="24"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="30"/>
        <source>Non-member</source>
        <translation>群众</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="31"/>
        <source>Activist</source>
        <translation>入党积极分子</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="32"/>
        <source>Development candidate</source>
        <translation>发展对象</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="33"/>
        <source>Probationary member</source>
        <translation>预备党员</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="34"/>
        <source>Full member</source>
        <translation>正式党员</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="41"/>
        <source>Transferred</source>
        <translation>已转入</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/labels.py" line="42"/>
        <source>Not transferred</source>
        <translation>未转入</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="53"/>
        <source>YEDA Desktop — building sweep</source>
        <translation>业达两新组织扫楼登记</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="59"/>
        <source>Choose a building and floor</source>
        <translation>请选择楼宇和楼层</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="66"/>
        <location filename="../../yeda_desktop/ui/main_window.py" line="180"/>
        <source>Sweep</source>
        <translation>扫楼</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="123"/>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="124"/>
        <source>Officer and &amp;language…</source>
        <translation>队员与语言(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="125"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="126"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="127"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="128"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="130"/>
        <source>Add &amp;building…</source>
        <translation>添加楼宇(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="132"/>
        <source>Add &amp;floor…</source>
        <translation>添加楼层(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="133"/>
        <source>Add &amp;units…</source>
        <translation>批量添加房间(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="135"/>
        <source>&amp;Previous floor (down)</source>
        <translation>往下一层(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="138"/>
        <source>&amp;Next floor (up)</source>
        <translation>往上一层(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="141"/>
        <source>Next &amp;unvisited unit</source>
        <translation>下一个未走访房间(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="144"/>
        <source>&amp;Register organization</source>
        <translation>登记单位(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="147"/>
        <source>&amp;Attach existing organization…</source>
        <translation>关联已有单位(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="149"/>
        <source>Add &amp;member</source>
        <translation>添加人员(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="157"/>
        <source>&amp;About YEDA Desktop</source>
        <translation>关于业达扫楼(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="161"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="165"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="169"/>
        <source>&amp;Sweep</source>
        <translation>扫楼(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="177"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="178"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="204"/>
        <source>(no officer set)</source>
        <translation>（未设置队员）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="207"/>
        <source>Officer: %1</source>
        <translation>队员：%1</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="233"/>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="240"/>
        <source>Building the search index…</source>
        <translation>正在建立搜索索引…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="244"/>
        <source>Opening database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="260"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="262"/>
        <source>Campaign: %1</source>
        <translation>扫楼活动：%1</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="281"/>
        <source>Cannot open database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="292"/>
        <source>Unsent changes: %1</source>
        <translation>未上报修改：%1</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="318"/>
        <source>%1 · floor %2 · %3/%4 units done</source>
        <translation>%1 · %2层 · 已走访 %3/%4 间</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="351"/>
        <source>Every unit of this building has been visited</source>
        <translation>本楼所有房间均已走访</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="359"/>
        <source>This result is not in any unit yet</source>
        <translation>该结果尚未关联到任何房间</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="416"/>
        <source>This database has no cluster to add a building to</source>
        <translation>数据库中没有可添加楼宇的集聚区</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="454"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="454"/>
        <source>YEDA database (*.sqlite *.db)</source>
        <translation>业达数据库 (*.sqlite *.db)</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="474"/>
        <source>About YEDA Desktop</source>
        <translation>关于业达扫楼</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/main_window.py" line="475"/>
        <source>YEDA Desktop: building-sweep registration of &quot;two new&quot; organizations.</source>
        <translation>业达扫楼：两新组织集中扫楼登记工具。</translation>
    </message>
</context>
<context>
    <name>MemberEntry</name>
    <message>
        <location filename="../../yeda_desktop/ui/member_table.py" line="192"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/member_table.py" line="194"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/member_table.py" line="195"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/member_table.py" line="210"/>
        <source>Add member</source>
        <translation>添加人员</translation>
    </message>
</context>
<context>
    <name>MemberModel</name>
    <message>
        <location filename="../../yeda_desktop/ui/member_table.py" line="66"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/member_table.py" line="67"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/member_table.py" line="68"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/member_table.py" line="69"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/member_table.py" line="70"/>
        <source>Party status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/member_table.py" line="71"/>
        <source>Relation</source>
        <translation>组织关系</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../../yeda_desktop/ui/navigator.py" line="43"/>
        <source>Place</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/navigator.py" line="43"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/navigator.py" line="62"/>
        <source>%1/%2 floors</source>
        <translation>%1/%2 层</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/navigator.py" line="65"/>
        <source>%1/%2 buildings</source>
        <translation>%1/%2 栋</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/navigator.py" line="99"/>
        <source>Floor %1</source>
        <translation>%1层</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/navigator.py" line="101"/>
        <source>%1/%2 units</source>
        <translation>%1/%2 间</translation>
    </message>
</context>
<context>
    <name>OfficerDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="159"/>
        <source>Officer and language</source>
        <translation>队员与语言</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="166"/>
        <source>Officer name</source>
        <translation>队员姓名</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="167"/>
        <source>Team</source>
        <translation>小组</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="168"/>
        <source>Language (after restart)</source>
        <translation>界面语言（重启后生效）</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <location filename="../../yeda_desktop/ui/tasks.py" line="108"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../yeda_desktop/ui/search_box.py" line="33"/>
        <source>Search name, pinyin initials, credit code, phone, room (Ctrl+F)</source>
        <translation>搜索名称、拼音首字母、信用代码、电话、房间号（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/search_box.py" line="41"/>
        <source>Organization</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/search_box.py" line="42"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/search_box.py" line="43"/>
        <source>Unit</source>
        <translation>房间</translation>
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
        <location filename="../../yeda_desktop/ui/dialogs.py" line="51"/>
        <source>Add units</source>
        <translation>批量添加房间</translation>
    </message>
    <message>
        <location filename="../../yeda_desktop/ui/dialogs.py" line="54"/>
        <source>Units</source>
        <translation>房间号</translation>
    </message>
</context>
</TS>

"""Synthetic records for the form tests, PNG renders and benchmark (no real people)."""

from __future__ import annotations

from datetime import date, timedelta

from yeda_desktop.reports import (
    FormMeta,
    Ledger,
    LedgerRow,
    NoticeItem,
    Organization,
    RectificationNotice,
    Roster,
    RosterMember,
    SweepRow,
    SweepSummary,
)

META = FormMeta(issued_on=date(2024, 6, 18))
ORG_ID = "0b1c7e2a-1111-4222-8333-444455556666"
MARKUP_NAME = "<b>&</b>精密制造有限公司"

ORG = Organization(
    record_id=ORG_ID,
    name="烟台业达智能装备有限公司",
    uscc="91370600MA3C5XYZ1K",
    kind="非公企业",
    ownership="外资",
    industry="通用设备制造业",
    address=(
        "山东省烟台市经济技术开发区衡山路 10 号国际人才港 A 座 12 层 1203-1206 室"
        "（东侧电梯上行右转，前台登记后进入）"
    ),
    staff_count=128,
    reported_member_count=5,
    full_members=3,
    probationary_members=1,
    party_org_name="烟台业达智能装备有限公司党支部",
    party_org_type="党支部",
    secretary="李𠮷明",
    instructor="王䶮",
    contact="阿卜杜·热合曼",
    phone="0535-6396001",
    units=("A座 12层 1203", "A座 12层 1204", "A座 12层 1205", "A座 12层 1206"),
    building="国际人才港 A 座",
    cluster="国际人才港",
    subdistrict="长江路街道",
)

SPARSE_ORG = Organization(record_id="5a0d9c61-aaaa-4bbb-8ccc-000000000002", name=MARKUP_NAME)

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = (
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀英",
    "霞",
    "平",
)


def person_name(i: int) -> str:
    """A made-up two- or three-character name."""
    return (
        SURNAMES[i % len(SURNAMES)]
        + GIVEN[(i * 7) % len(GIVEN)]
        + ("" if i % 3 else GIVEN[i % len(GIVEN)])
    )


def fake_id(i: int) -> str:
    """An 18-character ID-shaped string under the 370602 region code (not a real person)."""
    birth = f"{1970 + i % 30}{(i % 12) + 1:02d}{(i % 28) + 1:02d}"
    return f"370602{birth}{i % 1000:03d}{'0123456789X'[i % 11]}"


def roster(n: int = 45) -> Roster:
    """A roster with rare-character and middle-dot names among synthetic members."""
    members = [
        RosterMember(
            name="李𠮷明",
            gender="男",
            id_number="370602198805061234",
            phone="13805350001",
            party_status="正式党员",
            join_date=date(2010, 7, 1),
            relation_transferred=True,
        ),
        RosterMember(
            name="阿卜杜·热合曼",
            gender="男",
            id_number="650102199001011235",
            phone="13905350002",
            party_status="预备党员",
            join_date=date(2023, 12, 20),
            relation_transferred=False,
        ),
        RosterMember(
            name="王䶮",
            gender="女",
            id_number=None,
            phone=None,
            party_status="正式党员",
            join_date=None,
            relation_transferred=None,
        ),
    ]
    for i in range(n - len(members)):
        members.append(
            RosterMember(
                name=person_name(i),
                gender="男女"[i % 2],
                id_number=fake_id(i),
                phone=f"1380535{i:04d}",
                party_status=("正式党员", "预备党员")[i % 5 == 0],
                join_date=date(2000 + i % 24, 1 + i % 12, 1),
                relation_transferred=i % 4 != 0,
            )
        )
    return Roster(
        record_id=ORG_ID,
        organization_name=ORG.name,
        party_org_name=ORG.party_org_name,
        members=tuple(members),
        as_of=date(2024, 6, 18),
    )


def sweep() -> SweepSummary:
    """A building swept floor by floor, from B1 up to 15."""
    floors = ["B1", "1", "2", "3", "3A", *[str(i) for i in range(5, 16)]]
    rows: list[SweepRow] = []
    for f_i, floor in enumerate(floors):
        for u in range(1 + f_i % 4):
            k = f_i * 10 + u
            vacant = k % 7 == 3
            staff = None if vacant else 20 + (k * 37) % 160
            members = None if vacant else (0 if k % 3 == 0 else k % 6)
            gaps: tuple[str, ...] = ()
            if staff and members == 0 and staff >= 50:
                gaps = ("50人以上无党员",) + (("100人以上无党组织",) if staff >= 100 else ())
            rows.append(
                SweepRow(
                    floor_label=floor,
                    unit_label=f"{floor}{u + 1:02d}" if floor != "B1" else f"B1-{u + 1}",
                    visit_outcome="空置" if vacant else ("需复访" if k % 11 == 5 else "已登记"),
                    organization=None
                    if vacant
                    else f"烟台{SURNAMES[k % 20]}{GIVEN[k % 20]}科技有限公司",
                    staff_count=staff,
                    member_count=members,
                    gaps=gaps,
                )
            )
    return SweepSummary(
        record_id="b7d6a1e0-2222-4333-8444-555566667777",
        building_name="国际人才港 A 座",
        rows=tuple(rows),
        cluster="国际人才港",
        subdistrict="长江路街道",
        campaign="2024年集中扫楼月",
        team="第三走访组",
        swept_on=date(2024, 6, 12),
    )


RULES = (
    ("50人以上无党员", "职工 {s} 人，未发现党员"),
    ("100人以上无党组织", "职工 {s} 人，党员 {m} 名，未建立党组织"),
    ("应建未建", "正式党员 {m} 名，未单独建立党组织"),
    ("流动党员", "{m} 名党员组织关系未转入"),
)
SUBDISTRICTS = ("长江路街道", "黄河路街道", "大季家街道", "八角街道")
CLUSTERS = ("国际人才港", "烟台留学人员创业园", "荣昌生物医药园", "衡山路商圈", "业达智谷")


def ledger(n: int = 300) -> Ledger:
    """A ledger of ``n`` synthetic open gaps across subdistricts and clusters."""
    rows = []
    for i in range(n):
        rule, detail = RULES[i % len(RULES)]
        rows.append(
            LedgerRow(
                subdistrict=SUBDISTRICTS[(i * 3) % 4],
                cluster=CLUSTERS[i % 5],
                building=f"{CLUSTERS[i % 5]} {'ABCD'[i % 4]} 座",
                organization=f"烟台{SURNAMES[i % 20]}{GIVEN[(i * 3) % 20]}"
                f"{('电子', '物流', '生物', '软件')[i % 4]}有限公司"
                + ("（山东区域运营管理中心）" if i % 9 == 0 else ""),
                rule_name=rule,
                detail=detail.format(s=50 + i % 200, m=1 + i % 4),
                status=("已识别", "已落实措施", "整改中")[i % 3],
                responsible=person_name(i + 100),
                due_date=date(2024, 7, 31) + timedelta(days=i % 60),
                overdue=i % 13 == 0,
            )
        )
    return Ledger(
        record_id="c0ffee00-3333-4444-8555-666677778888",
        rows=tuple(rows),
        title_suffix="2024年集中扫楼月",
        as_of=date(2024, 6, 30),
    )


def notice() -> RectificationNotice:
    """A notice with three open gaps for the sample organization."""
    items = (
        NoticeItem(
            "50人以上无党员",
            "职工 128 人，仅登记党员 0 名（自报 5 名，与登记不符）",
            "开展党员摸排，督促组织关系转入；选派党建指导员",
            date(2024, 7, 31),
            "已识别",
        ),
        NoticeItem(
            "100人以上无党组织",
            "职工 128 人，未建立党组织",
            "与同楼宇单位组建联合党支部",
            date(2024, 8, 31),
            "整改中",
        ),
        NoticeItem(
            "流动党员", "1 名党员（阿卜杜·热合曼）组织关系未转入", "办理组织关系转接", None, None
        ),
    )
    return RectificationNotice(
        record_id=ORG_ID,
        organization_name=ORG.name,
        items=items,
        notice_number="业两新整改〔2024〕015号",
        uscc=ORG.uscc,
        address=ORG.address,
        party_org_name=None,
        contact=ORG.contact,
        phone=ORG.phone,
        reply_by=date(2024, 7, 31),
    )

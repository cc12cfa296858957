"""Word lists for invented names (places from the source article; people are fictional)."""

from __future__ import annotations

SUBDISTRICTS = ["古现街道", "大季家街道", "八角街道", "福莱山街道"]

# (name, cluster kind)
NAMED_CLUSTERS = [
    ("烟台留学人员创业园", "park"),
    ("荣昌生物医药园", "park"),
    ("衡山路商圈", "business_district"),
    ("国际人才港", "other"),
    ("金沙江路商务楼宇群", "office_building"),
    ("长江路商务区", "office_building"),
    ("黄河路综合市场", "business_district"),
    ("智能制造产业园", "park"),
]
CLUSTER_STEMS = ["科创", "临港", "海创", "云谷", "金桥", "汇智", "启航", "滨海", "天马", "万华"]
CLUSTER_SUFFIX = {
    "park": ["产业园", "科技园", "孵化园"],
    "office_building": ["商务楼宇群", "总部基地"],
    "business_district": ["商圈", "综合市场"],
    "other": ["创新港", "众创空间"],
}
BUILDING_STEMS = ["创业", "科技", "金融", "国际", "海天", "汇丰", "东方", "银河", "世纪", "华府"]
BUILDING_SUFFIX = ["大厦", "中心", "广场", "大楼", "写字楼"]

CITY_PREFIX = ["烟台", "山东", "烟台开发区", "业达"]
BRAND_CHARS = (
    "华盛鑫源泰康瑞丰宏达恒信嘉禾博远安顺永兴润泽金海天成聚力中科新航立德"
    "凯旋德鲁东岳海阳明辉正元华信佳美利民通达众合九州万方福瑞长城智远云帆"
)
INDUSTRIES = [
    ("科技", "I"),
    ("电子", "C"),
    ("食品", "C"),
    ("物流", "G"),
    ("生物医药", "C"),
    ("化工", "C"),
    ("软件", "I"),
    ("商贸", "F"),
    ("汽车零部件", "C"),
    ("精密机械", "C"),
    ("餐饮管理", "H"),
    ("人力资源", "L"),
    ("会计师事务所", "L"),
    ("律师事务所", "L"),
    ("信息技术", "I"),
    ("快递", "G"),
    ("建筑工程", "E"),
    ("物业管理", "K"),
    ("医疗器械", "C"),
    ("检测认证", "M"),
]
COMPANY_SUFFIX = ["有限公司", "股份有限公司", "有限责任公司"]
SOCIAL_SUFFIX = [
    ("协会", "association"),
    ("商会", "association"),
    ("促进会", "association"),
    ("培训学校", "private_non_enterprise"),
    ("服务中心", "private_non_enterprise"),
    ("公益基金会", "foundation"),
]
FOREIGN_NAMES = ["乐金显示（烟台）有限公司", "欣和食品（烟台）有限公司"]

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程"
    "曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
)
GIVEN_CHARS = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红海峰晨宇欣然子涵浩然雨桐"
)
RARE_GIVEN = ["𠮷", "䶮", "喆", "堃", "淼"]
MINORITY_NAMES = ["阿卜杜·热合曼", "买买提·艾力", "古丽·努尔", "热依拉·阿不都"]

# Yantai county codes of GB/T 2260 with the years they were in use: an ID number's
# region must have existed in its holder's birth year (python-stdnum checks this).
ID_REGIONS = [
    ("372101", 1900, 1983),
    ("372121", 1900, 1983),
    ("372127", 1900, 1983),
    ("370602", 1983, 2100),
    ("370611", 1983, 2100),
    ("370681", 1989, 2100),
    ("370682", 1989, 2100),
]
MOBILE_PREFIXES = [
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "158",
    "159",
    "177",
    "180",
    "182",
    "186",
    "187",
    "188",
    "189",
    "199",
]

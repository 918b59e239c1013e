"""Tests for luoshi.assign: the department directory and lead/cooperating suggestions."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from luoshi.assign import (
    COOPERATE_FRACTION,
    MAX_COOPERATING,
    default_directory,
    load_directory,
    suggest,
)
from luoshi.errors import UsageError
from luoshi.normalise import normalise

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

# Hand-labelled lead units of real task paragraphs (label, document, paragraph start, length).
# Labelled by reading, before the keyword weights were tuned. "tune" items (seeds 000, 002, 003)
# were looked at while writing the directory; "held" items (seeds 001, 004 and the Zhumadian dev
# reports) were not used for tuning. None: no government department leads it (政治方向, 廉政).
LABELLED = [
    ("seeds/000_04df038d627074af.txt", "打造绿美生态建设肇庆样板", 495, "林业局", "tune"),
    ("seeds/000_04df038d627074af.txt", "激发调动全社会力量参与。", 309, "农业农村局", "tune"),
    ("seeds/000_04df038d627074af.txt", "高水平打造“344”产业", 366, "工业和信息化局", "tune"),
    ("seeds/000_04df038d627074af.txt", "维护社会大局平安稳定。坚", 182, "公安局", "tune"),
    ("seeds/000_04df038d627074af.txt", "加强平台对接和服务联通。", 382, "发展改革局", "tune"),
    ("seeds/000_04df038d627074af.txt", "全面融入广州都市圈。积极", 225, "发展改革局", "tune"),
    ("seeds/000_04df038d627074af.txt", "完善社会保障体系。巩固扩", 258, "人力资源社会保障局", "tune"),
    ("seeds/000_04df038d627074af.txt", "着力扩大有效益的投资。加", 844, "发展改革局", "tune"),
    ("seeds/000_04df038d627074af.txt", "增强双向开放纵深。深化与", 322, "商务局", "tune"),
    ("seeds/002_ab862bf384cb27d5.txt", "加快消费复苏回暖。把恢复", 215, "商务局", "tune"),
    ("seeds/002_ab862bf384cb27d5.txt", "持续提升社会保障水平。健", 230, "民政局", "tune"),
    ("seeds/002_ab862bf384cb27d5.txt", "招商引资成效明显。全年新", 195, "商务局", "tune"),
    ("seeds/002_ab862bf384cb27d5.txt", "加强城镇精细化管理。积极", 153, "城市管理综合执法局", "tune"),
    ("seeds/002_ab862bf384cb27d5.txt", "教育服务优质均衡。建成慧", 193, "教育局", "tune"),
    ("seeds/002_ab862bf384cb27d5.txt", "存量资源优化壮大。推动市", 214, "国资委", "tune"),
    ("seeds/002_ab862bf384cb27d5.txt", "安全生产形势平稳。打好安", 259, "应急管理局", "tune"),
    ("seeds/002_ab862bf384cb27d5.txt", "扎实建设宜居和美乡村。深", 450, "农业农村局", "tune"),
    ("seeds/002_ab862bf384cb27d5.txt", "扎实推进城乡一体发展。完", 231, "自然资源局", "tune"),
    ("seeds/003_b2a6abcdeeaf89f4.txt", "(二)推动经济社会发展提", 72, "工业和信息化局", "tune"),
    ("seeds/003_b2a6abcdeeaf89f4.txt", "深化开放合作水平。积极融", 291, "商务局", "tune"),
    ("seeds/003_b2a6abcdeeaf89f4.txt", "完善快速应急处置机制。整", 139, "卫生健康局", "tune"),
    ("seeds/003_b2a6abcdeeaf89f4.txt", "建设数字化智能平台。推进", 227, "政务服务数据管理局", "tune"),
    ("seeds/003_b2a6abcdeeaf89f4.txt", "(四)加快构建开放创新发", 74, "发展改革局", "tune"),
    ("seeds/003_b2a6abcdeeaf89f4.txt", "持续落实常态化防控。严格", 127, "卫生健康局", "tune"),
    ("seeds/003_b2a6abcdeeaf89f4.txt", "坚持就业优先战略。继续实", 196, "人力资源社会保障局", "tune"),
    ("seeds/003_b2a6abcdeeaf89f4.txt", "(五)大力推进生态文明建", 81, "生态环境局", "tune"),
    ("seeds/003_b2a6abcdeeaf89f4.txt", "加强公共卫生体系建设。力", 173, "卫生健康局", "tune"),
    ("seeds/004_f84b366bce13bc3e.txt", "全面推进驻镇帮镇扶村工作", 292, "农业农村局", "held"),
    ("seeds/004_f84b366bce13bc3e.txt", "全面加快乡村振兴连片示范", 387, "农业农村局", "held"),
    ("seeds/004_f84b366bce13bc3e.txt", "切实保障和改善民生。坚持", 525, "民政局", "held"),
    ("seeds/004_f84b366bce13bc3e.txt", "切实提高社会治理现代化水", 517, "民政局", "held"),
    ("seeds/004_f84b366bce13bc3e.txt", "切实提高生态环境质量。系", 486, "生态环境局", "held"),
    ("seeds/001_6c2582cb47a6a2df.txt", "落实公共服务设施共建共享", 150, "发展改革局", "held"),
    ("seeds/001_6c2582cb47a6a2df.txt", "——坚持以人民为中心。坚", 147, None, "held"),
    ("seeds/001_6c2582cb47a6a2df.txt", "加强教育基础设施建设。深", 106, "教育局", "held"),
    ("seeds/001_6c2582cb47a6a2df.txt", "完善产业招商落地体制机制", 261, "商务局", "held"),
    ("seeds/001_6c2582cb47a6a2df.txt", "提高农业现代化生产水平。", 267, "农业农村局", "held"),
    ("seeds/001_6c2582cb47a6a2df.txt", "推进人力要素合理畅通有序", 224, "人力资源社会保障局", "held"),
    ("seeds/001_6c2582cb47a6a2df.txt", "聚焦要素保障招商。健全招", 213, "自然资源局", "held"),
    ("seeds/001_6c2582cb47a6a2df.txt", "完善公共文化设施网络。配", 213, "文化广电旅游体育局", "held"),
    ("seeds/001_6c2582cb47a6a2df.txt", "补齐产业链供应链短板。加", 197, "工业和信息化局", "held"),
    ("dev/zhumadian/zhumadian_2023_gwr.txt", "(三)始终做到高效落实。", 147, None, "held"),
    ("dev/zhumadian/zhumadian_2023_gwr.txt", "(四)始终筑牢廉政防线。", 142, None, "held"),
    ("dev/zhumadian/zhumadian_2023_gwr.txt", "(一)始终坚定政治方向。", 122, None, "held"),
    ("dev/zhumadian/zhumadian_2023_gwr.txt", "(二)始终坚持依法行政。", 195, "司法局", "held"),
    ("dev/zhumadian/zhumadian_2020_gwr.txt", "(九)坚持招商带动,切实", 847, "商务局", "held"),
    ("dev/zhumadian/zhumadian_2020_gwr.txt", "(十)坚持创新思维,大力", 807, "发展改革局", "held"),
    ("dev/zhumadian/zhumadian_2020_gwr.txt", "(十二)坚持人民至上,切", 1336, "民政局", "held"),
    ("dev/zhumadian/zhumadian_2020_gwr.txt", "(十一)坚持铁腕整治,全", 909, "发展改革局", "held"),
    ("dev/zhumadian/zhumadian_2020_gwr.txt", "(六)坚持城乡统筹,加快", 1283, "发展改革局", "held"),
    ("dev/zhumadian/zhumadian_2020_gwr.txt", "(八)坚持项目为王,强力", 875, "发展改革局", "held"),
    ("dev/zhumadian/zhumadian_2020_gwr.txt", "(三)坚持三链同构,坚定", 1780, "工业和信息化局", "held"),
    ("dev/zhumadian/zhumadian_2020_gwr.txt", "(七)坚持发挥优势,统筹", 1141, "发展改革局", "held"),
    ("dev/zhumadian/zhumadian_2020_gwr.txt", "(四)坚持提质增效,加快", 1411, "发展改革局", "held"),
    ("dev/zhumadian/zhumadian_2020_gwr.txt", "(五)坚持优先发展,深入", 1197, "农业农村局", "held"),
    ("dev/zhumadian/zhumadian_2020_gwr.txt", "(一)坚持危中求机,奋力", 527, "发展改革局", "held"),
    ("dev/zhumadian/zhumadian_2021_gwr.txt", "推动文旅业做大做强。立足", 373, "文化广电旅游体育局", "held"),
    ("dev/zhumadian/zhumadian_2021_gwr.txt", "加快县域经济高质量发展。", 451, "发展改革局", "held"),
    ("dev/zhumadian/zhumadian_2021_gwr.txt", "大力推进节能降碳。围绕实", 479, "发展改革局", "held"),
    ("dev/zhumadian/zhumadian_2021_gwr.txt", "积极防范企业风险。有效化", 125, "财政局", "held"),
    ("dev/zhumadian/zhumadian_2021_gwr.txt", "持续办好民生实事和惠民工", 799, None, "held"),
    ("dev/zhumadian/zhumadian_2021_gwr.txt", "加快农业产业园体系建设。", 555, "农业农村局", "held"),
    ("dev/zhumadian/zhumadian_2021_gwr.txt", "加强和创新社会治理。践行", 413, "公安局", "held"),
    ("dev/zhumadian/zhumadian_2021_gwr.txt", "加快产业集聚区提质增效。", 319, "发展改革局", "held"),
    ("dev/zhumadian/zhumadian_2022_gwr.txt", "持续加强社会保障。健全工", 82, "人力资源社会保障局", "held"),
    ("dev/zhumadian/zhumadian_2022_gwr.txt", "加快建设“国际农都”。完", 311, "农业农村局", "held"),
    ("dev/zhumadian/zhumadian_2022_gwr.txt", "大力培育市场主体。倍加珍", 222, "市场监管局", "held"),
    ("dev/zhumadian/zhumadian_2022_gwr.txt", "促进数字化转型。把加快数", 404, "工业和信息化局", "held"),
    ("dev/zhumadian/zhumadian_2022_gwr.txt", "实施科技成果转移转化工程", 167, "科技局", "held"),
    ("dev/zhumadian/zhumadian_2022_gwr.txt", "提升县城和乡镇建设水平。", 268, "住房城乡建设局", "held"),
    ("dev/zhumadian/zhumadian_2022_gwr.txt", "加强和创新社会治理。开展", 198, "司法局", "held"),
    ("dev/zhumadian/zhumadian_2022_gwr.txt", "稳定和扩大就业。突出抓好", 170, "人力资源社会保障局", "held"),
    ("dev/zhumadian/zhumadian_2019_gwr.txt", "着力培育壮大民营企业。认", 332, "工业和信息化局", "held"),
    ("dev/zhumadian/zhumadian_2019_gwr.txt", "加快发展现代物流业。充分", 131, "商务局", "held"),
    ("dev/zhumadian/zhumadian_2019_gwr.txt", "推动房地产业健康发展。切", 83, "住房城乡建设局", "held"),
    ("dev/zhumadian/zhumadian_2019_gwr.txt", "大力实施产业转型升级工程", 204, "工业和信息化局", "held"),
    ("dev/zhumadian/zhumadian_2019_gwr.txt", "加快发展现代农业。加快推", 557, "农业农村局", "held"),
    ("dev/zhumadian/zhumadian_2019_gwr.txt", "实施中小学生营养午餐服务", 878, "教育局", "held"),
    ("dev/zhumadian/zhumadian_2019_gwr.txt", "大力实施“双百”工程。完", 165, "工业和信息化局", "held"),
    ("dev/zhumadian/zhumadian_2019_gwr.txt", "扎实做好非税征管职能划转", 53, "财政局", "held"),
]


@cache
def corpus_text(path: str) -> str:
    return normalise((SHARED / path).read_text(encoding="utf-8"), ()).text


def labelled_text(path: str, start: str, length: int) -> str:
    text = corpus_text(path)
    at = text.index(start)
    return text[at:at + length]


def accuracy(part: str) -> float:
    rows = [r for r in LABELLED if r[4] == part]
    right = sum(suggest(labelled_text(path, start, n)).lead == lead for path, start, n, lead, _ in rows)
    return right / len(rows)


def test_lead_accuracy_on_labelled_tasks(shared) -> None:
    # Measured: tuning part 25/27, held-out part 31/53 (0.58). The floors guard against regressions.
    assert accuracy("tune") >= 0.85
    assert accuracy("held") >= 0.55


def test_default_directory_is_well_formed() -> None:
    directory = default_directory()
    names = [d.name for d in directory.departments]
    assert len(names) == len(set(names)) >= 22
    assert {"发展改革局", "交通运输局", "教育局", "卫生健康局", "政务服务数据管理局"} <= set(names)
    assert all(d.keywords for d in directory.departments)


@pytest.mark.parametrize(("text", "lead"), [
    ("大力织密公路网,加快建设肇明高速、广昆高速改扩建工程。", "交通运输局"),
    ("新建、改扩建中小学校12所,新增公办学位8000个。", "教育局"),
    ("推进县级医院提标扩能,加强基层医疗卫生服务能力建设。", "卫生健康局"),
    ("新建高标准农田5万亩,确保粮食播种面积稳定。", "农业农村局"),
    ("实施水库除险加固,推进中小河流治理。", "水利局"),
    ("新增高新技术企业50家,建设省级创新平台。", "科技局"),
])
def test_typical_tasks(text: str, lead: str) -> None:
    assert suggest(text).lead == lead


def test_longest_keyword_wins() -> None:
    # 营商环境 is a keyword of its own; the 环境 inside it must not count for 生态环境局.
    found = suggest("持续优化营商环境,深化放管服改革,推进一网通办。")
    assert found.lead == "政务服务数据管理局"
    assert "生态环境局" not in found.cooperating


def test_headline_sentence_weighs_more() -> None:
    body = "推进学校周边道路改造,完善安全设施。"
    assert suggest("加强交通安全管理。" + body).lead != suggest("加强教育教学管理。" + body).lead


def test_cooperating_units_are_bounded() -> None:
    found = suggest("统筹交通、水利、教育、医疗卫生、文化旅游、农业农村等民生基础设施建设,加快公路、水库、学校、医院建设。")
    assert found.lead is not None
    assert len(found.cooperating) <= MAX_COOPERATING
    assert found.lead not in found.cooperating
    assert len(found.reasons) == 1 + len(found.cooperating)


def test_cooperating_threshold() -> None:
    found = suggest("加快建设高速公路和铁路,推进港口码头建设,完善水库配套。")
    assert found.lead == "交通运输局"
    weaker = suggest("加快建设高速公路和铁路,推进港口码头建设,完善水库配套,实施河道整治、堤防加固。")
    assert "水利局" not in found.cooperating  # one weak mention is below half the lead's score
    assert "水利局" in weaker.cooperating
    assert COOPERATE_FRACTION == 0.5


def test_unknown_task_is_left_open_with_a_reason() -> None:
    found = suggest("坚持党的全面领导,增强“四个意识”。")
    assert found.lead is None and found.cooperating == ()
    assert found.reasons and "关键词" in found.reasons[0]


def test_named_department_leads() -> None:
    found = suggest("由市统计局牵头,做好经济普查准备工作,推进农业现代化。")
    assert found.lead == "统计局"


def test_ties_are_deterministic() -> None:
    text = "推进教育和医疗事业发展。"
    assert len({suggest(text) for _ in range(5)}) == 1


def test_topic_and_context_count() -> None:
    plain = suggest("推进项目建设。")
    with_context = suggest("推进项目建设。", context="加快建设现代化综合交通体系")
    assert with_context.lead == "交通运输局" and plain.lead != "交通运输局"


def test_user_directory(tmp_path: Path) -> None:
    path = tmp_path / "depts.toml"
    path.write_text('[[department]]\nname = "投资促进局"\naliases = ["投促局"]\nkeywords = { "招商" = 3 }\n\n'
                    '[[department]]\nname = "水务局"\nkeywords = { "供水" = 3, "污水" = 2 }\n', encoding="utf-8")
    directory = load_directory(path)
    assert [d.name for d in directory.departments] == ["投资促进局", "水务局"]
    assert suggest("开展精准招商,引进项目30个。", directory=directory).lead == "投资促进局"
    assert suggest("建设城北污水处理厂和第二供水水厂。", directory=directory).lead == "水务局"


@pytest.mark.parametrize(("content", "message"), [
    ("not = [toml", "not valid TOML"),
    ("title = 1", r"no \[\[department\]\]"),
    ('[[department]]\nkeywords = { "a" = 1 }', "has no name"),
    ('[[department]]\nname = "x局"\nkeywords = { "a" = "high" }', "positive weights"),
    ('[[department]]\nname = "x局"\naliases = "y局"', "aliases"),
])
def test_bad_directory_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        load_directory(path)


def test_missing_directory_file(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="not found"):
        load_directory(tmp_path / "none.toml")
